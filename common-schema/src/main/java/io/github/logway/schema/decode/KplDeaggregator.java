package io.github.logway.schema.decode;

import io.github.logway.schema.decode.KplResult.Aggregated;
import io.github.logway.schema.decode.KplResult.CorruptKpl;
import io.github.logway.schema.decode.KplResult.NotAggregated;
import io.github.logway.schema.decode.ProtobufReader.MalformedProtobufException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Splits a KPL aggregated record into its user records (PRODUCT.md §2, first decoding step).
 *
 * <p>Format (amazon-kinesis-producer {@code aggregation-format.md}): magic {@code F3 89 9A C2}, a protobuf
 * {@code AggregatedRecord}, then the 16-byte MD5 of the protobuf bytes. The protobuf is read by hand; unknown
 * fields of wire types 0, 1, 2 and 5 are skipped, as protobuf does.
 */
public final class KplDeaggregator {

    private static final NotAggregated NOT_AGGREGATED = new NotAggregated();
    /** Initial capacity of the record-span list: two ints per record. */
    private static final int INITIAL_SPAN_INTS = 32;

    private KplDeaggregator() {
    }

    /**
     * De-aggregates {@code data[offset, offset + length)}.
     *
     * @param data the buffer
     * @param offset where the record starts in {@code data}
     * @param length the record's length, bytes
     * @return {@link NotAggregated} without magic, when shorter than magic plus digest, or when the MD5 does not
     *     match; {@link CorruptKpl} when the digest matches but the protobuf does not decode, lacks a required
     *     field, points outside a key table, or holds no records; {@link Aggregated} otherwise
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not lie inside {@code data}
     */
    public static KplResult deaggregate(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length < KplFormat.MAGIC_BYTES + KplFormat.DIGEST_BYTES || !KplFormat.hasMagic(data, offset)) {
            return NOT_AGGREGATED;
        }
        int bodyStart = offset + KplFormat.MAGIC_BYTES;
        int bodyEnd = offset + length - KplFormat.DIGEST_BYTES;
        byte[] digest = KplFormat.md5(data, bodyStart, bodyEnd - bodyStart);
        if (!Arrays.equals(digest, 0, KplFormat.DIGEST_BYTES, data, bodyEnd, bodyEnd + KplFormat.DIGEST_BYTES)) {
            return NOT_AGGREGATED;
        }
        try {
            return decodeAggregatedRecord(data, bodyStart, bodyEnd);
        } catch (MalformedProtobufException e) {
            return new CorruptKpl(e.getMessage());
        }
    }

    private static KplResult decodeAggregatedRecord(byte[] data, int start, int end) {
        ProtobufReader reader = new ProtobufReader(data, start, end);
        List<String> partitionKeys = new ArrayList<>();
        List<String> explicitHashKeys = new ArrayList<>();
        // Records may come before the key tables on the wire: remember where each one is, decode them last.
        int[] recordSpans = new int[INITIAL_SPAN_INTS];
        int recordCount = 0;
        while (reader.hasRemaining()) {
            long tag = reader.readTag();
            switch (ProtobufReader.fieldNumber(tag)) {
                case KplFormat.FIELD_PARTITION_KEY_TABLE -> {
                    reader.expectWireType(tag, KplFormat.WIRE_LENGTH_DELIMITED, "partition_key_table");
                    partitionKeys.add(reader.readString());
                }
                case KplFormat.FIELD_EXPLICIT_HASH_KEY_TABLE -> {
                    reader.expectWireType(tag, KplFormat.WIRE_LENGTH_DELIMITED, "explicit_hash_key_table");
                    explicitHashKeys.add(reader.readString());
                }
                case KplFormat.FIELD_RECORDS -> {
                    reader.expectWireType(tag, KplFormat.WIRE_LENGTH_DELIMITED, "records");
                    int recordLength = reader.readLength();
                    if (2 * recordCount + 2 > recordSpans.length) {
                        recordSpans = Arrays.copyOf(recordSpans, 2 * recordSpans.length);
                    }
                    recordSpans[2 * recordCount] = reader.position();
                    recordSpans[2 * recordCount + 1] = recordLength;
                    recordCount++;
                    reader.skipBytes(recordLength);
                }
                default -> reader.skipField(tag);
            }
        }
        if (recordCount == 0) {
            return new CorruptKpl("aggregate holds no records");
        }
        List<KplSubRecord> records = new ArrayList<>(recordCount);
        for (int i = 0; i < recordCount; i++) {
            int recordStart = recordSpans[2 * i];
            records.add(decodeRecord(i, new ProtobufReader(data, recordStart, recordStart + recordSpans[2 * i + 1]),
                    partitionKeys, explicitHashKeys));
        }
        return new Aggregated(records);
    }

    private static KplSubRecord decodeRecord(int index, ProtobufReader reader, List<String> partitionKeys,
            List<String> explicitHashKeys) {
        try {
            long partitionKeyIndex = 0;
            boolean hasPartitionKeyIndex = false;
            long explicitHashKeyIndex = 0;
            boolean hasExplicitHashKeyIndex = false;
            int dataStart = 0;
            int dataLength = 0;
            boolean hasData = false;
            while (reader.hasRemaining()) {
                long tag = reader.readTag();
                switch (ProtobufReader.fieldNumber(tag)) {
                    case KplFormat.FIELD_PARTITION_KEY_INDEX -> {
                        reader.expectWireType(tag, KplFormat.WIRE_VARINT, "partition_key_index");
                        partitionKeyIndex = reader.readVarint();
                        hasPartitionKeyIndex = true;
                    }
                    case KplFormat.FIELD_EXPLICIT_HASH_KEY_INDEX -> {
                        reader.expectWireType(tag, KplFormat.WIRE_VARINT, "explicit_hash_key_index");
                        explicitHashKeyIndex = reader.readVarint();
                        hasExplicitHashKeyIndex = true;
                    }
                    case KplFormat.FIELD_DATA -> {
                        reader.expectWireType(tag, KplFormat.WIRE_LENGTH_DELIMITED, "data");
                        dataLength = reader.readLength();
                        dataStart = reader.position();
                        reader.skipBytes(dataLength);
                        hasData = true;
                    }
                    case KplFormat.FIELD_TAGS -> {
                        reader.expectWireType(tag, KplFormat.WIRE_LENGTH_DELIMITED, "tags");
                        int tagLength = reader.readLength();
                        checkTag(new ProtobufReader(reader.buffer(), reader.position(), reader.position() + tagLength));
                        reader.skipBytes(tagLength);
                    }
                    default -> reader.skipField(tag);
                }
            }
            if (!hasPartitionKeyIndex) {
                throw new MalformedProtobufException("lacks the required partition_key_index");
            }
            if (!hasData) {
                throw new MalformedProtobufException("lacks the required data");
            }
            String partitionKey = lookUp(partitionKeys, partitionKeyIndex, "partition_key_index");
            String explicitHashKey = hasExplicitHashKeyIndex
                    ? lookUp(explicitHashKeys, explicitHashKeyIndex, "explicit_hash_key_index")
                    : null;
            return new KplSubRecord(partitionKey, explicitHashKey,
                    Arrays.copyOfRange(reader.buffer(), dataStart, dataStart + dataLength));
        } catch (MalformedProtobufException e) {
            throw new MalformedProtobufException("record " + index + ": " + e.getMessage());
        }
    }

    /** Tags are not returned, but a tag must still be well-formed and have its required key. */
    private static void checkTag(ProtobufReader reader) {
        boolean hasKey = false;
        while (reader.hasRemaining()) {
            long tag = reader.readTag();
            switch (ProtobufReader.fieldNumber(tag)) {
                case KplFormat.FIELD_TAG_KEY -> {
                    reader.expectWireType(tag, KplFormat.WIRE_LENGTH_DELIMITED, "tag key");
                    reader.skipBytes(reader.readLength());
                    hasKey = true;
                }
                case KplFormat.FIELD_TAG_VALUE -> {
                    reader.expectWireType(tag, KplFormat.WIRE_LENGTH_DELIMITED, "tag value");
                    reader.skipBytes(reader.readLength());
                }
                default -> reader.skipField(tag);
            }
        }
        if (!hasKey) {
            throw new MalformedProtobufException("a tag lacks the required key");
        }
    }

    private static String lookUp(List<String> table, long index, String fieldName) {
        if (Long.compareUnsigned(index, table.size()) >= 0) {
            throw new MalformedProtobufException(fieldName + " " + Long.toUnsignedString(index)
                    + " is out of range: the table has " + table.size() + " entries");
        }
        return table.get((int) index);
    }
}
