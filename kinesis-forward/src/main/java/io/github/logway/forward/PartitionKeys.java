package io.github.logway.forward;

import io.github.logway.core.publish.KinesisLimits;
import io.github.logway.schema.LogRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Chooses the partition key of a forwarded record ({@code PARTITION_KEY}). Keys are always 1 to 256 characters
 * (Kinesis partition key limit): a longer {@code log_id} is replaced by its SHA-256 in lower-case hex (64
 * characters), as PRODUCT.md §2 says.
 *
 * <p>Not thread-safe in {@code random} mode unless the random generator is: use it from the invocation's thread.
 */
final class PartitionKeys {

    /** Random keys: 128 bits, 32 hex characters. */
    private static final int RANDOM_KEY_LONGS = 2;
    private static final HexFormat HEX = HexFormat.of();

    private final PartitionKeySource source;
    private final RandomGenerator random;

    PartitionKeys(PartitionKeySource source, RandomGenerator random) {
        this.source = Objects.requireNonNull(source, "source");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The key for a log record. */
    String keyFor(LogRecord record) {
        return keyFor(record.source().partitionKey(), record.logId());
    }

    /**
     * The key for a record with this input partition key and log id.
     *
     * @param inputPartitionKey the input Kinesis record's key; when empty (only in hand-made events) the log id
     *     stands in
     */
    String keyFor(String inputPartitionKey, String logId) {
        // Java 17: an if-chain instead of a pattern switch; the enum is closed.
        if (source == PartitionKeySource.SOURCE && !inputPartitionKey.isEmpty()) {
            return fitted(inputPartitionKey);
        }
        if (source == PartitionKeySource.RANDOM) {
            return randomKey();
        }
        return fitted(logId);
    }

    private String randomKey() {
        StringBuilder key = new StringBuilder(RANDOM_KEY_LONGS * Long.BYTES * 2);
        for (int i = 0; i < RANDOM_KEY_LONGS; i++) {
            key.append(HEX.toHexDigits(random.nextLong()));
        }
        return key.toString();
    }

    /** The key itself when it has 1 to 256 characters, else its SHA-256 in hex. */
    static String fitted(String key) {
        int chars = key.codePointCount(0, key.length());
        if (chars >= 1 && chars <= KinesisLimits.MAX_PARTITION_KEY_CHARS) {
            return key;
        }
        return sha256Hex(key);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
