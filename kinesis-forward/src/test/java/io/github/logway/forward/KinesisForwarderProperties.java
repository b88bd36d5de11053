package io.github.logway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.BatchSummary;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.publish.FakeRecordPublisher;
import io.github.logway.core.publish.KinesisLimits;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.schema.RejectReason;
import io.github.logway.testing.events.KinesisEventBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Batching invariants of the forwarder on the fake publisher: no PutRecords request exceeds any cap, and every
 * record is sent exactly once, diverted as too large, or behind the checkpoint.
 */
class KinesisForwarderProperties {

    private static final String PTEE = "ProvisionedThroughputExceededException";

    /** Sizes of the log lines: mostly small, some near the 1 MiB record limit, a few over it. */
    @Provide
    Arbitrary<List<Integer>> lineSizes() {
        Arbitrary<Integer> size = Arbitraries.frequencyOf(
                Tuple.of(80, Arbitraries.integers().between(120, 2_000)),
                Tuple.of(12, Arbitraries.integers().between(100_000, 1_048_000)),
                Tuple.of(5, Arbitraries.integers().between(1_048_000, 1_048_576)),
                Tuple.of(3, Arbitraries.integers().between(1_048_577, 1_060_000)));
        return size.list().ofMinSize(1).ofMaxSize(1_200);
    }

    @Property(tries = 60)
    void requestsStayWithinEveryCap_andEveryRecordIsSentOnceDivertedOrBehindTheCheckpoint(
            @ForAll("lineSizes") List<Integer> sizes,
            @ForAll @IntRange(min = 0, max = 3) int maxRetries,
            @ForAll @IntRange(min = 0, max = 6) int failEveryNth,
            @ForAll @IntRange(min = 1, max = 4) int failedAttempts,
            @ForAll @IntRange(min = 1, max = 300) int partitionKeyLength) {
        ForwardHarness harness = new ForwardHarness("KINESIS_MAX_RETRIES=" + maxRetries);
        if (failEveryNth > 0) {
            // Entry n (by log id) fails on its first failedAttempts attempts when n is a multiple of failEveryNth.
            harness.publisher.failEntries((entry, attempt) -> attempt <= failedAttempts
                    && idOf(entry) % failEveryNth == 0, errorCodeFor(failedAttempts));
        }
        List<String> lines = new ArrayList<>(sizes.size());
        for (int i = 0; i < sizes.size(); i++) {
            lines.add(ForwardTestData.lineOfSize("orders", "id-" + i, sizes.get(i)));
        }
        String partitionKey = "k".repeat(partitionKeyLength);
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(lines).partitionKey(partitionKey);

        KinesisBatchProcessor.Result result = harness.process(builder.build());

        int keyBytes = PartitionKeys.fitted(partitionKey).getBytes(StandardCharsets.UTF_8).length;
        for (FakeRecordPublisher.Call call : harness.publisher.calls()) {
            assertThat(call.entries()).hasSizeBetween(1, KinesisLimits.MAX_PUT_RECORDS_ENTRIES);
            assertThat(call.entries().stream().mapToLong(PublishEntry::sizeBytes).sum())
                    .isLessThanOrEqualTo(KinesisLimits.MAX_PUT_RECORDS_BYTES);
            assertThat(call.entries()).allSatisfy(entry ->
                    assertThat(entry.sizeBytes()).isLessThanOrEqualTo(KinesisLimits.MAX_RECORD_BYTES));
        }
        StreamsEventResponse response = result.response();
        BigInteger checkpoint = response.getBatchItemFailures().isEmpty() ? null
                : new BigInteger(response.getBatchItemFailures().get(0).getItemIdentifier());
        List<Integer> acceptedIds = harness.publisher.accepted().stream().map(KinesisForwarderProperties::idOf)
                .toList();
        assertThat(acceptedIds).doesNotHaveDuplicates();
        Set<Integer> accepted = Set.copyOf(acceptedIds);
        long tooLarge = 0;
        for (int i = 0; i < sizes.size(); i++) {
            boolean overLimit = (long) sizes.get(i) + keyBytes > KinesisLimits.MAX_RECORD_BYTES;
            if (overLimit) {
                tooLarge++;
                assertThat(accepted).doesNotContain(i);
            } else if (!accepted.contains(i)) {
                assertThat(checkpoint).as("record %d was not sent: it must be behind the checkpoint", i).isNotNull();
                assertThat(new BigInteger(builder.sequenceNumber(i))).isGreaterThanOrEqualTo(checkpoint);
            }
        }
        BatchSummary summary = result.summary();
        assertThat(summary.balanced()).isTrue();
        assertThat(summary.delivered()).isEqualTo(accepted.size());
        assertThat(summary.diverted().getOrDefault(RejectReason.RECORD_TOO_LARGE_FOR_TARGET, 0L)).isEqualTo(tooLarge);
    }

    /** Alternates the per-entry error codes Kinesis answers with. */
    private static String errorCodeFor(int failedAttempts) {
        return failedAttempts % 2 == 0 ? "InternalFailure" : PTEE;
    }

    /** The number N of the line's {@code "log_id":"id-N"}. */
    private static int idOf(PublishEntry entry) {
        String text = new String(entry.data(), 0, Math.min(entry.data().length, 200), StandardCharsets.UTF_8);
        int start = text.indexOf("\"id-") + 4;
        int end = text.indexOf('"', start);
        return Integer.parseInt(text.substring(start, end));
    }
}
