package io.github.logway.schema.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes user records as one KPL aggregated record, the format {@link KplDeaggregator} reads: magic, protobuf
 * {@code AggregatedRecord} with each distinct partition key and explicit hash key stored once in its table, MD5.
 * Tags are never written.
 *
 * <p>Kinesis limits (1 MiB per record by default, 256-character partition keys) are the caller's to respect: the
 * encoder writes whatever it is given.
 */
public final class KplAggregator {

    /** A tag of a field numbered 1 to 15 fits in one byte (protobuf encoding guide). */
    private static final int TAG_BYTES = 1;
    /** Payload bits per varint byte (protobuf encoding guide). */
    private static final int VARINT_PAYLOAD_BITS = 7;
    /** Largest byte array HotSpot allocates reliably (a few header words below {@code Integer.MAX_VALUE}). */
    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private KplAggregator() {
    }

    /**
     * Encodes the records, in order, as one aggregate.
     *
     * @param records the user records, at least one
     * @return magic, protobuf and MD5, ready to be put as one Kinesis record
     * @throws IllegalArgumentException if the list is empty (an aggregate holds at least one record; the decoder
     *     treats an empty one as corrupt) or the encoding would not fit in a byte array
     */
    public static byte[] aggregate(List<KplSubRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a KPL aggregate holds at least one record");
        }
        KeyTable partitionKeys = new KeyTable();
        KeyTable explicitHashKeys = new KeyTable();
        int[] partitionKeyIndexes = new int[records.size()];
        int[] explicitHashKeyIndexes = new int[records.size()];
        long[] recordBodyBytes = new long[records.size()];
        for (int i = 0; i < records.size(); i++) {
            KplSubRecord record = records.get(i);
            partitionKeyIndexes[i] = partitionKeys.indexOf(record.partitionKey());
            explicitHashKeyIndexes[i] = record.explicitHashKey() == null ? -1
                    : explicitHashKeys.indexOf(record.explicitHashKey());
        }

        long protobufBytes = partitionKeys.encodedBytes() + explicitHashKeys.encodedBytes();
        for (int i = 0; i < records.size(); i++) {
            long body = TAG_BYTES + varintBytes(partitionKeyIndexes[i])
                    + lengthDelimitedBytes(records.get(i).data().length);
            if (explicitHashKeyIndexes[i] >= 0) {
                body += TAG_BYTES + varintBytes(explicitHashKeyIndexes[i]);
            }
            recordBodyBytes[i] = body;
            protobufBytes += lengthDelimitedBytes(body);
        }
        long totalBytes = KplFormat.MAGIC_BYTES + protobufBytes + KplFormat.DIGEST_BYTES;
        if (totalBytes > MAX_ARRAY_BYTES) {
            throw new IllegalArgumentException("the aggregate would take " + totalBytes + " bytes");
        }

        Writer out = new Writer(new byte[(int) totalBytes]);
        KplFormat.writeMagic(out.buffer, 0);
        out.position = KplFormat.MAGIC_BYTES;
        partitionKeys.write(out, KplFormat.FIELD_PARTITION_KEY_TABLE);
        explicitHashKeys.write(out, KplFormat.FIELD_EXPLICIT_HASH_KEY_TABLE);
        for (int i = 0; i < records.size(); i++) {
            out.tag(KplFormat.FIELD_RECORDS, KplFormat.WIRE_LENGTH_DELIMITED);
            out.varint(recordBodyBytes[i]);
            out.tag(KplFormat.FIELD_PARTITION_KEY_INDEX, KplFormat.WIRE_VARINT);
            out.varint(partitionKeyIndexes[i]);
            if (explicitHashKeyIndexes[i] >= 0) {
                out.tag(KplFormat.FIELD_EXPLICIT_HASH_KEY_INDEX, KplFormat.WIRE_VARINT);
                out.varint(explicitHashKeyIndexes[i]);
            }
            out.lengthDelimited(KplFormat.FIELD_DATA, records.get(i).data());
        }
        byte[] digest = KplFormat.md5(out.buffer, KplFormat.MAGIC_BYTES, (int) protobufBytes);
        System.arraycopy(digest, 0, out.buffer, out.position, KplFormat.DIGEST_BYTES);
        return out.buffer;
    }

    private static int varintBytes(long value) {
        int bytes = 1;
        while ((value >>>= VARINT_PAYLOAD_BITS) != 0) {
            bytes++;
        }
        return bytes;
    }

    private static long lengthDelimitedBytes(long length) {
        return TAG_BYTES + varintBytes(length) + length;
    }

    /** Distinct keys in first-seen order, with their UTF-8 encodings. */
    private static final class KeyTable {
        private final Map<String, Integer> indexes = new HashMap<>();
        private final List<byte[]> encoded = new ArrayList<>();

        int indexOf(String key) {
            return indexes.computeIfAbsent(key, k -> {
                encoded.add(k.getBytes(StandardCharsets.UTF_8));
                return encoded.size() - 1;
            });
        }

        long encodedBytes() {
            long bytes = 0;
            for (byte[] key : encoded) {
                bytes += lengthDelimitedBytes(key.length);
            }
            return bytes;
        }

        void write(Writer out, int fieldNumber) {
            for (byte[] key : encoded) {
                out.lengthDelimited(fieldNumber, key);
            }
        }
    }

    /** Writes protobuf wire format into a buffer sized in advance. */
    private static final class Writer {
        private final byte[] buffer;
        private int position;

        Writer(byte[] buffer) {
            this.buffer = buffer;
        }

        void tag(int fieldNumber, int wireType) {
            buffer[position++] = (byte) (fieldNumber << 3 | wireType);
        }

        void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                buffer[position++] = (byte) (value & 0x7F | 0x80);
                value >>>= VARINT_PAYLOAD_BITS;
            }
            buffer[position++] = (byte) value;
        }

        void lengthDelimited(int fieldNumber, byte[] value) {
            tag(fieldNumber, KplFormat.WIRE_LENGTH_DELIMITED);
            varint(value.length);
            System.arraycopy(value, 0, buffer, position, value.length);
            position += value.length;
        }
    }
}
