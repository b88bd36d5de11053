package io.github.logway.schema.decode;

import java.util.Arrays;
import java.util.Objects;

/**
 * One user record inside a KPL aggregate.
 *
 * <p>Equality compares {@code data} by content. The array is not copied: treat it as read-only.
 * {@link #toString()} shows the data's size, never its bytes (payloads are never logged).
 *
 * @param partitionKey the user record's partition key
 * @param explicitHashKey the user record's explicit hash key (a decimal 128-bit number), or {@code null} if none
 * @param data the user record's bytes
 */
public record KplSubRecord(String partitionKey, String explicitHashKey, byte[] data) {

    /** Checks that the partition key and the data are present. */
    public KplSubRecord {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KplSubRecord that
                && partitionKey.equals(that.partitionKey)
                && Objects.equals(explicitHashKey, that.explicitHashKey)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partitionKey, explicitHashKey, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "KplSubRecord[partitionKey=" + partitionKey + ", explicitHashKey=" + explicitHashKey
                + ", data=" + data.length + " bytes]";
    }
}
