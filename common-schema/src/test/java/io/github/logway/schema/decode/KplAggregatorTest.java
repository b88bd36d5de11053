package io.github.logway.schema.decode;

import static io.github.logway.schema.decode.KplBytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class KplAggregatorTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aggregate_whenOneRecord_writesMagicProtobufAndMd5() {
        byte[] protobuf = HEX.parseHex(
                "0a0161" // partition_key_table: "a"
                + "1a05" + "0800" + "1a0178"); // records: {partition_key_index: 0, data: "x"}

        byte[] aggregate = KplAggregator.aggregate(List.of(new KplSubRecord("a", null, utf8("x"))));

        assertThat(HEX.formatHex(aggregate))
                .isEqualTo("f3899ac2" + HEX.formatHex(protobuf) + HEX.formatHex(KplBytes.md5(protobuf)));
    }

    @Test
    void aggregate_whenKeysRepeat_storesEachKeyOnceAndPointsAtIt() {
        byte[] protobuf = HEX.parseHex(
                "0a0161" + "0a0162" // partition_key_table: "a", "b"
                + "120131" + "120132" // explicit_hash_key_table: "1", "2"
                + "1a07" + "0800" + "1000" + "1a0178" // {pk 0, ehk 0, data "x"}
                + "1a05" + "0801" + "1a0179" // {pk 1, data "y"}
                + "1a07" + "0800" + "1001" + "1a017a"); // {pk 0, ehk 1, data "z"}

        byte[] aggregate = KplAggregator.aggregate(List.of(
                new KplSubRecord("a", "1", utf8("x")),
                new KplSubRecord("b", null, utf8("y")),
                new KplSubRecord("a", "2", utf8("z"))));

        assertThat(HEX.formatHex(aggregate))
                .isEqualTo("f3899ac2" + HEX.formatHex(protobuf) + HEX.formatHex(KplBytes.md5(protobuf)));
    }

    @Test
    void aggregate_whenDataNeedsMultiByteLength_writesVarintLength() {
        byte[] data = new byte[300];

        byte[] aggregate = KplAggregator.aggregate(List.of(new KplSubRecord("a", null, data)));

        // records field: tag 1a, body length 2 + 1 + 2 + 300 = 305 = b1 02; data field: tag 1a, length 300 = ac 02
        assertThat(HEX.formatHex(aggregate, 4, 15)).isEqualTo("0a0161" + "1ab102" + "0800" + "1aac02");
        assertThat(aggregate).hasSize(4 + 3 + 3 + 305 + 16);
    }

    @Test
    void aggregate_whenEmptyList_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> KplAggregator.aggregate(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a KPL aggregate holds at least one record");
    }
}
