package io.github.logway.schema.decode;

import static io.github.logway.schema.decode.KplBytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.schema.decode.KplResult.Aggregated;
import io.github.logway.schema.decode.KplResult.CorruptKpl;
import io.github.logway.schema.decode.KplResult.NotAggregated;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KplDeaggregatorTest {

    private static final byte[] JSON = utf8("{\"log_type\":\"app\",\"log_id\":\"1\",\"time\":1795515330}");

    @Test
    void deaggregate_whenPlainJson_returnsNotAggregated() {
        assertThat(deaggregate(JSON)).isEqualTo(new NotAggregated());
    }

    @Test
    void deaggregate_whenShorterThanMagicAndDigest_returnsNotAggregated() {
        byte[] data = Arrays.copyOf(KplBytes.MAGIC, KplBytes.MAGIC.length + 15);

        assertThat(deaggregate(data)).isEqualTo(new NotAggregated());
    }

    @Test
    void deaggregate_whenDigestDoesNotMatch_returnsNotAggregated() {
        byte[] data = oneRecord("pk", "x").framed();
        data[data.length - 1] ^= 0x40;

        assertThat(deaggregate(data)).isEqualTo(new NotAggregated());
    }

    @Test
    void deaggregate_whenOneRecord_returnsItsKeyAndData() {
        assertThat(deaggregate(oneRecord("pk-1", "{\"a\":1}").framed()))
                .isEqualTo(new Aggregated(List.of(new KplSubRecord("pk-1", null, utf8("{\"a\":1}")))));
    }

    @Test
    void deaggregate_whenRangeInsideLargerArray_readsOnlyTheRange() {
        byte[] aggregate = oneRecord("pk", "data").framed();
        byte[] padded = GzipDecoderTest.concat(JSON, aggregate, JSON);

        assertThat(KplDeaggregator.deaggregate(padded, JSON.length, aggregate.length))
                .isEqualTo(new Aggregated(List.of(new KplSubRecord("pk", null, utf8("data")))));
    }

    @Test
    void deaggregate_whenExplicitHashKeyIndexGiven_returnsTheKey() {
        byte[] data = new KplBytes()
                .string(1, "pk")
                .string(2, "170141183460469231731687303715884105728")
                .message(3, new KplBytes().varint(1, 0).varint(2, 0).string(3, "x"))
                .framed();

        assertThat(deaggregate(data)).isEqualTo(new Aggregated(List.of(
                new KplSubRecord("pk", "170141183460469231731687303715884105728", utf8("x")))));
    }

    @Test
    void deaggregate_whenRecordsComeBeforeKeyTables_resolvesKeys() {
        byte[] data = new KplBytes()
                .message(3, new KplBytes().varint(1, 1).string(3, "first"))
                .message(3, new KplBytes().string(3, "second").varint(1, 0))
                .string(1, "zero")
                .string(1, "one")
                .framed();

        assertThat(deaggregate(data)).isEqualTo(new Aggregated(List.of(
                new KplSubRecord("one", null, utf8("first")),
                new KplSubRecord("zero", null, utf8("second")))));
    }

    @Test
    void deaggregate_whenUnknownFieldsOfWireTypes0125_skipsThem() {
        KplBytes unknown = new KplBytes()
                .varint(9, Long.MAX_VALUE)
                .tag(10, 1).raw(1, 2, 3, 4, 5, 6, 7, 8)
                .string(11, "ignored")
                .tag(12, 5).raw(1, 2, 3, 4);
        byte[] unknownBytes = unknown.toByteArray();
        byte[] data = KplBytes.frame(GzipDecoderTest.concat(
                unknownBytes,
                new KplBytes().string(1, "pk").message(3, new KplBytes().varint(1, 0).string(3, "x")
                        .raw(toInts(unknownBytes))).toByteArray(),
                unknownBytes));

        assertThat(deaggregate(data)).isEqualTo(new Aggregated(List.of(new KplSubRecord("pk", null, utf8("x")))));
    }

    @Test
    void deaggregate_whenTagsPresent_ignoresThem() {
        byte[] data = new KplBytes()
                .string(1, "pk")
                .message(3, new KplBytes().varint(1, 0).string(3, "x")
                        .message(4, new KplBytes().string(1, "env").string(2, "prod"))
                        .message(4, new KplBytes().string(1, "team")))
                .framed();

        assertThat(deaggregate(data)).isEqualTo(new Aggregated(List.of(new KplSubRecord("pk", null, utf8("x")))));
    }

    @Test
    void deaggregate_whenEmptyDataField_returnsEmptyData() {
        assertThat(deaggregate(oneRecord("pk", "").framed()))
                .isEqualTo(new Aggregated(List.of(new KplSubRecord("pk", null, new byte[0]))));
    }

    @Test
    void deaggregate_whenValidDigestButNoRecords_returnsCorruptKpl() {
        assertThat(deaggregate(new KplBytes().string(1, "pk").framed()))
                .isEqualTo(new CorruptKpl("aggregate holds no records"));
    }

    @Test
    void deaggregate_whenEmptyProtobufWithValidDigest_returnsCorruptKpl() {
        assertThat(deaggregate(KplBytes.frame(new byte[0]))).isEqualTo(new CorruptKpl("aggregate holds no records"));
    }

    @Test
    void deaggregate_whenPartitionKeyIndexOutOfRange_returnsCorruptKpl() {
        byte[] data = new KplBytes()
                .string(1, "pk")
                .message(3, new KplBytes().varint(1, 0).string(3, "ok"))
                .message(3, new KplBytes().varint(1, 1).string(3, "bad"))
                .framed();

        assertThat(deaggregate(data)).isEqualTo(
                new CorruptKpl("record 1: partition_key_index 1 is out of range: the table has 1 entries"));
    }

    @Test
    void deaggregate_whenPartitionKeyIndexIsLargestUint64_returnsCorruptKpl() {
        byte[] data = new KplBytes()
                .string(1, "pk")
                .message(3, new KplBytes().varint(1, -1L).string(3, "x"))
                .framed();

        assertThat(deaggregate(data)).isEqualTo(new CorruptKpl(
                "record 0: partition_key_index 18446744073709551615 is out of range: the table has 1 entries"));
    }

    @Test
    void deaggregate_whenExplicitHashKeyIndexWithoutTable_returnsCorruptKpl() {
        byte[] data = new KplBytes()
                .string(1, "pk")
                .message(3, new KplBytes().varint(1, 0).varint(2, 0).string(3, "x"))
                .framed();

        assertThat(deaggregate(data)).isEqualTo(
                new CorruptKpl("record 0: explicit_hash_key_index 0 is out of range: the table has 0 entries"));
    }

    @Test
    void deaggregate_whenRecordLacksPartitionKeyIndex_returnsCorruptKpl() {
        byte[] data = new KplBytes().string(1, "pk").message(3, new KplBytes().string(3, "x")).framed();

        assertThat(deaggregate(data)).isEqualTo(new CorruptKpl("record 0: lacks the required partition_key_index"));
    }

    @Test
    void deaggregate_whenRecordLacksData_returnsCorruptKpl() {
        byte[] data = new KplBytes().string(1, "pk").message(3, new KplBytes().varint(1, 0)).framed();

        assertThat(deaggregate(data)).isEqualTo(new CorruptKpl("record 0: lacks the required data"));
    }

    @Test
    void deaggregate_whenTagLacksKey_returnsCorruptKpl() {
        byte[] data = new KplBytes()
                .string(1, "pk")
                .message(3, new KplBytes().varint(1, 0).string(3, "x").message(4, new KplBytes().string(2, "v")))
                .framed();

        assertThat(deaggregate(data)).isEqualTo(new CorruptKpl("record 0: a tag lacks the required key"));
    }

    @Test
    void deaggregate_whenKnownFieldHasWrongWireType_returnsCorruptKpl() {
        byte[] data = new KplBytes().varint(1, 7).message(3, new KplBytes().varint(1, 0).string(3, "x")).framed();

        assertThat(deaggregate(data)).isEqualTo(
                new CorruptKpl("partition_key_table has wire type 0, expected 2, before byte 1"));
    }

    @Test
    void deaggregate_whenGroupWireType_returnsCorruptKpl() {
        byte[] data = new KplBytes().tag(9, 3).tag(9, 4).framed();

        assertThat(deaggregate(data)).isEqualTo(
                new CorruptKpl("unsupported wire type 3 of field 9 before byte 1"));
    }

    @Test
    void deaggregate_whenUndefinedWireType_returnsCorruptKpl() {
        assertThat(deaggregate(new KplBytes().tag(9, 7).framed()))
                .isInstanceOfSatisfying(CorruptKpl.class, corrupt ->
                        assertThat(corrupt.detail()).startsWith("unsupported wire type 7 of field 9"));
    }

    @Test
    void deaggregate_whenFieldNumberZero_returnsCorruptKpl() {
        assertThat(deaggregate(new KplBytes().tag(0, 2).raw(0).framed()))
                .isEqualTo(new CorruptKpl("invalid field number 0 at byte 0"));
    }

    @Test
    void deaggregate_whenLengthPassesEnd_returnsCorruptKpl() {
        byte[] data = new KplBytes().tag(1, 2).rawVarint(100).raw('p', 'k').framed();

        assertThat(deaggregate(data)).isEqualTo(
                new CorruptKpl("length 100 at byte 1 passes the end of the message (2 bytes left)"));
    }

    @Test
    void deaggregate_whenVarintLongerThanTenBytes_returnsCorruptKpl() {
        byte[] data = new KplBytes().tag(9, 0).raw(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01)
                .framed();

        assertThat(deaggregate(data)).isEqualTo(new CorruptKpl("varint longer than 10 bytes ending at byte 11"));
    }

    @Test
    void deaggregate_whenVarintTruncated_returnsCorruptKpl() {
        assertThat(deaggregate(new KplBytes().tag(9, 0).raw(0x80).framed()))
                .isEqualTo(new CorruptKpl("truncated varint at byte 2"));
    }

    @Test
    void deaggregate_whenPartitionKeyNotUtf8_replacesMalformedBytes() {
        byte[] data = new KplBytes()
                .bytes(1, new byte[] {'a', (byte) 0xFF})
                .message(3, new KplBytes().varint(1, 0).string(3, "x"))
                .framed();

        assertThat(deaggregate(data)).isEqualTo(new Aggregated(List.of(new KplSubRecord("a\uFFFD", null, utf8("x")))));
    }

    @Test
    void deaggregate_whenRangeOutsideArray_throwsIndexOutOfBounds() {
        assertThatThrownBy(() -> KplDeaggregator.deaggregate(new byte[4], 2, 4))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void subRecord_toString_hidesData() {
        assertThat(new KplSubRecord("pk", null, utf8("secret")))
                .hasToString("KplSubRecord[partitionKey=pk, explicitHashKey=null, data=6 bytes]");
    }

    private static KplBytes oneRecord(String partitionKey, String data) {
        return new KplBytes().string(1, partitionKey).message(3, new KplBytes().varint(1, 0).string(3, data));
    }

    private static KplResult deaggregate(byte[] data) {
        return KplDeaggregator.deaggregate(data, 0, data.length);
    }

    private static int[] toInts(byte[] bytes) {
        int[] ints = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ints[i] = bytes[i] & 0xFF;
        }
        return ints;
    }
}
