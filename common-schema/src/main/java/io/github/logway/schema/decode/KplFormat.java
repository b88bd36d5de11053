package io.github.logway.schema.decode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The KPL aggregated record format (amazon-kinesis-producer {@code aggregation-format.md}): magic, protobuf
 * {@code AggregatedRecord}, MD5 of the protobuf bytes. Shared by {@link KplDeaggregator} and {@link KplAggregator}.
 */
final class KplFormat {

    /** The 4 magic bytes that start every KPL aggregate. */
    private static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};
    /** Length of the magic, bytes. */
    static final int MAGIC_BYTES = MAGIC.length;
    /** Length of the MD5 digest trailer, bytes. */
    static final int DIGEST_BYTES = 16;

    /** {@code AggregatedRecord.partition_key_table}: repeated string. */
    static final int FIELD_PARTITION_KEY_TABLE = 1;
    /** {@code AggregatedRecord.explicit_hash_key_table}: repeated string. */
    static final int FIELD_EXPLICIT_HASH_KEY_TABLE = 2;
    /** {@code AggregatedRecord.records}: repeated Record. */
    static final int FIELD_RECORDS = 3;
    /** {@code Record.partition_key_index}: required uint64. */
    static final int FIELD_PARTITION_KEY_INDEX = 1;
    /** {@code Record.explicit_hash_key_index}: optional uint64. */
    static final int FIELD_EXPLICIT_HASH_KEY_INDEX = 2;
    /** {@code Record.data}: required bytes. */
    static final int FIELD_DATA = 3;
    /** {@code Record.tags}: repeated Tag. */
    static final int FIELD_TAGS = 4;
    /** {@code Tag.key}: required string. */
    static final int FIELD_TAG_KEY = 1;
    /** {@code Tag.value}: optional string. */
    static final int FIELD_TAG_VALUE = 2;

    /** Protobuf wire type of varints (int32, uint64, bool...). */
    static final int WIRE_VARINT = 0;
    /** Protobuf wire type of 8-byte fixed values (fixed64, double...). */
    static final int WIRE_FIXED64 = 1;
    /** Protobuf wire type of length-delimited values (string, bytes, messages). */
    static final int WIRE_LENGTH_DELIMITED = 2;
    /** Protobuf wire type of 4-byte fixed values (fixed32, float...). */
    static final int WIRE_FIXED32 = 5;

    /** One MD5 per thread: {@link MessageDigest} is not thread-safe and costs a provider lookup to create. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    });

    private KplFormat() {
    }

    /** Whether {@code data} holds the KPL magic at {@code offset} (the caller checked there are 4 bytes). */
    static boolean hasMagic(byte[] data, int offset) {
        for (int i = 0; i < MAGIC_BYTES; i++) {
            if (data[offset + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Writes the magic at {@code offset}. */
    static void writeMagic(byte[] target, int offset) {
        System.arraycopy(MAGIC, 0, target, offset, MAGIC_BYTES);
    }

    /** The MD5 digest of {@code data[offset, offset + length)}. */
    static byte[] md5(byte[] data, int offset, int length) {
        MessageDigest digest = MD5.get();
        digest.update(data, offset, length);
        return digest.digest(); // also resets it
    }
}
