package io.github.logway.elb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A line turned into one JSON log record.
 *
 * @param json the record, UTF-8 (not yet validated against the schema)
 * @param schemaHeaderBytes the length of the record's start holding the three schema fields
 *     ({@code {"log_type":..,"log_id":..,"time":..}} without the closing brace): what the schema checks
 * @param clientIp the client's IP address, or {@code null} when the line has none ({@code -})
 */
public record ConvertedLine(byte[] json, int schemaHeaderBytes, String clientIp) implements LineOutcome {

    public ConvertedLine {
        Objects.requireNonNull(json, "json");
        if (schemaHeaderBytes < 1 || schemaHeaderBytes > json.length) {
            throw new IllegalArgumentException("schemaHeaderBytes must be 1 to " + json.length + ": "
                    + schemaHeaderBytes);
        }
    }

    /** The JSON as text (tests and tools). */
    public String jsonText() {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConvertedLine that && Arrays.equals(json, that.json)
                && schemaHeaderBytes == that.schemaHeaderBytes && Objects.equals(clientIp, that.clientIp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(json), schemaHeaderBytes, clientIp);
    }

    @Override
    public String toString() {
        return "ConvertedLine[bytes=" + json.length + ", clientIp=" + clientIp + "]";
    }
}
