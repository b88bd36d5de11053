package io.github.logway.schema.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.schema.decode.KplResult.Aggregated;
import io.github.logway.schema.decode.KplResult.CorruptKpl;
import io.github.logway.schema.decode.KplResult.NotAggregated;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Tuple;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class KplRoundTripProperties {

    @Property(tries = 300)
    void deaggregate_afterAggregate_returnsTheSameRecords(@ForAll("subRecordLists") List<KplSubRecord> records) {
        byte[] aggregate = KplAggregator.aggregate(records);

        assertThat(KplDeaggregator.deaggregate(aggregate, 0, aggregate.length)).isEqualTo(new Aggregated(records));
    }

    @Property(tries = 200)
    void deaggregate_whenDigestByteFlipped_returnsNotAggregated(@ForAll("subRecordLists") List<KplSubRecord> records,
            @ForAll @IntRange(min = 1, max = 16) int fromEnd, @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] aggregate = KplAggregator.aggregate(records);
        aggregate[aggregate.length - fromEnd] ^= (byte) mask;

        assertThat(KplDeaggregator.deaggregate(aggregate, 0, aggregate.length)).isEqualTo(new NotAggregated());
    }

    @Property(tries = 200)
    void deaggregate_whenSingleRecordProtobufTruncatedWithValidDigest_returnsCorruptKpl(
            @ForAll("subRecords") KplSubRecord record, @ForAll @IntRange(min = 1, max = 1_000_000) int cut) {
        byte[] protobuf = protobufOf(KplAggregator.aggregate(List.of(record)));
        // The record field comes last: any cut drops part of it, or all of it (then no records are left).
        byte[] truncated = Arrays.copyOf(protobuf, protobuf.length - 1 - (cut - 1) % protobuf.length);

        assertThat(deaggregate(KplBytes.frame(truncated))).isInstanceOf(CorruptKpl.class);
    }

    @Property(tries = 200)
    void deaggregate_whenLastRecordTruncatedWithValidDigest_returnsCorruptKpl(
            @ForAll("subRecordLists") List<KplSubRecord> records, @ForAll @IntRange(min = 1) int cut) {
        byte[] protobuf = protobufOf(KplAggregator.aggregate(records));
        // Data is the last field of the last record: cutting into it or its length byte leaves a broken record.
        int cutBytes = 1 + (cut - 1) % (records.get(records.size() - 1).data().length + 1);
        byte[] truncated = Arrays.copyOf(protobuf, protobuf.length - cutBytes);

        assertThat(deaggregate(KplBytes.frame(truncated))).isInstanceOf(CorruptKpl.class);
    }

    @Provide
    Arbitrary<List<KplSubRecord>> subRecordLists() {
        return subRecords().list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<KplSubRecord> subRecords() {
        // Few distinct keys, so tables get shared entries; unicode from every plane.
        Arbitrary<String> partitionKeys = Arbitraries.oneOf(Arbitraries.of("pk-1", "pk-2", "ユーザー", ""), unicode());
        Arbitrary<String> explicitHashKeys = Arbitraries.oneOf(
                Arbitraries.of("0", "340282366920938463463374607431768211455"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(39)).injectNull(0.5);
        return Combinators.combine(partitionKeys, explicitHashKeys, data()).as(KplSubRecord::new);
    }

    /** Valid UTF-16 strings (no lone surrogates, which UTF-8 cannot carry), any code point. */
    private static Arbitrary<String> unicode() {
        return Arbitraries.integers().between(1, Character.MAX_CODE_POINT)
                .filter(codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE)
                .list().ofMaxSize(40)
                .map(codePoints -> new String(codePoints.stream().mapToInt(Integer::intValue).toArray(), 0,
                        codePoints.size()));
    }

    /** Mostly small, sometimes empty, now and then close to the 1 MiB Kinesis record limit. */
    private static Arbitrary<byte[]> data() {
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(20, Arbitraries.integers().between(1, 300)),
                Tuple.of(1, Arbitraries.integers().between(100_000, 1_000_000)));
        return Combinators.combine(sizes, Arbitraries.longs()).as((size, seed) -> {
            byte[] bytes = new byte[size];
            new Random(seed).nextBytes(bytes);
            return bytes;
        });
    }

    private static byte[] protobufOf(byte[] aggregate) {
        return Arrays.copyOfRange(aggregate, 4, aggregate.length - 16);
    }

    private static KplResult deaggregate(byte[] data) {
        return KplDeaggregator.deaggregate(data, 0, data.length);
    }
}
