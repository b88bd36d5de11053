package io.github.logway.local.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the log id of one JSON log line: the string value of a top-level field, by default {@code log_id}.
 * Streams the line and stops at the field; nested objects are skipped unread.
 */
final class LogIdReader {

    /** The schema's default log id field (PRODUCT.md §2, {@code LOG_ID_FIELD}). */
    static final String DEFAULT_FIELD = "log_id";

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String field;

    /** @param field the top-level field holding the log id */
    LogIdReader(String field) {
        this.field = Objects.requireNonNull(field, "field");
        if (field.isEmpty()) {
            throw new IllegalArgumentException("field must not be empty");
        }
    }

    String field() {
        return field;
    }

    /**
     * The log id of a line of text.
     *
     * @param line one JSON object
     * @return the id, empty when the line is not a JSON object or has no non-empty string in the field
     */
    Optional<String> read(String line) {
        try (JsonParser parser = FACTORY.createParser(line)) {
            return read(parser);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The log id of a JSON object given as UTF-8 bytes.
     *
     * @param bytes the buffer
     * @param offset where the object starts
     * @param length its length
     * @return the id, empty when it is not a JSON object or has no non-empty string in the field
     */
    Optional<String> read(byte[] bytes, int offset, int length) {
        try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
            return read(parser);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<String> read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return Optional.empty();
        }
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(field)) {
                if (value == JsonToken.VALUE_STRING && !parser.getText().isEmpty()) {
                    return Optional.of(parser.getText());
                }
                return Optional.empty();
            }
            parser.skipChildren();
        }
        return Optional.empty();
    }
}
