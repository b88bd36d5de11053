package io.github.logway.local.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.logway.core.publish.KinesisLimits;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The partition key of a replayed record: the original's when the source kept it, else the record's
 * {@code log_id} (top-level field of a JSON object), else a hash of the data, so the same record always lands on
 * the same shard.
 */
final class PartitionKeys {

    /** The default {@code LOG_ID_FIELD} (PRODUCT.md §2). */
    static final String LOG_ID_FIELD = "log_id";
    /** The prefix of a key made from the data's hash. */
    static final String HASH_PREFIX = "sha256-";
    /** Hex characters of the SHA-256 kept in a hash key. */
    private static final int HASH_HEX_CHARS = 32;
    private static final JsonFactory JSON = new JsonFactory();

    private PartitionKeys() {
    }

    /**
     * @param original the original partition key, empty or null when unknown
     * @param data the record's bytes
     */
    static String choose(String original, byte[] data) {
        if (fits(original)) {
            return original;
        }
        return logId(data).filter(PartitionKeys::fits).orElseGet(() -> hash(data));
    }

    private static boolean fits(String key) {
        return key != null && !key.isEmpty()
                && key.codePointCount(0, key.length()) <= KinesisLimits.MAX_PARTITION_KEY_CHARS;
    }

    /** The top-level {@code log_id} string of a JSON object, if the data is one and has it. */
    static Optional<String> logId(byte[] data) {
        try (JsonParser parser = JSON.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (LOG_ID_FIELD.equals(field)) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            // not JSON: fall back to the hash
        }
        return Optional.empty();
    }

    static String hash(byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            return HASH_PREFIX + HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
