package io.github.logway.core.publish;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record to put into a Kinesis stream.
 *
 * @param data the record's bytes (not copied; do not modify after handing it over)
 * @param partitionKey 1 to 256 characters
 * @param explicitHashKey the hash key choosing the shard, or {@code null} to hash the partition key
 */
public record PublishEntry(byte[] data, String partitionKey, String explicitHashKey) {

    public PublishEntry {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(partitionKey, "partitionKey");
        int chars = partitionKey.codePointCount(0, partitionKey.length());
        if (chars < 1 || chars > KinesisLimits.MAX_PARTITION_KEY_CHARS) {
            throw new IllegalArgumentException("a partition key has 1 to " + KinesisLimits.MAX_PARTITION_KEY_CHARS
                    + " characters, not " + chars);
        }
    }

    /** An entry without an explicit hash key. */
    public static PublishEntry of(byte[] data, String partitionKey) {
        return new PublishEntry(data, partitionKey, null);
    }

    /**
     * The size Kinesis counts against the record and request limits: data plus the UTF-8 bytes of the partition
     * key.
     */
    public long sizeBytes() {
        return (long) data.length + partitionKey.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublishEntry that && Arrays.equals(data, that.data)
                && partitionKey.equals(that.partitionKey) && Objects.equals(explicitHashKey, that.explicitHashKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), partitionKey, explicitHashKey);
    }

    @Override
    public String toString() {
        return "PublishEntry[bytes=" + data.length + ", partitionKey=" + partitionKey + ", explicitHashKey="
                + explicitHashKey + "]";
    }
}
