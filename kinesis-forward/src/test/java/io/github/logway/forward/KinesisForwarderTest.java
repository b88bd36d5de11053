package io.github.logway.forward;

import static io.github.logway.forward.ForwardTestData.line;
import static io.github.logway.forward.ForwardTestData.lineOfSize;
import static io.github.logway.forward.ForwardTestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.BatchSummary;
import io.github.logway.core.FatalException;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.RetryableException;
import io.github.logway.core.publish.FakeRecordPublisher;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.schema.RejectReason;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KinesisForwarderTest {

    private static final String PTEE = "ProvisionedThroughputExceededException";

    private static KinesisEvent linesEvent(List<String> lines) {
        return KinesisEventBuilder.ofLines(lines).build();
    }

    // --- whitelist ---

    @Test
    void emptyWhitelist_forwardsEveryLogType() {
        ForwardHarness harness = new ForwardHarness();
        List<String> lines = List.of(line("orders", "1"), line("payments", "2"), line("auth", "3"));

        BatchSummary summary = harness.process(linesEvent(lines)).summary();

        assertThat(harness.acceptedTexts()).containsExactlyElementsOf(lines);
        assertThat(summary.delivered()).isEqualTo(3);
        assertThat(summary.dropped()).isZero();
        assertThat(summary.checkpoint()).isNull();
    }

    @Test
    void whitelistOfOne_forwardsOnlyThatTypeAndDropsTheRest() {
        ForwardHarness harness = new ForwardHarness("LOG_TYPE_WHITELIST=orders");
        List<String> lines = List.of(line("orders", "1"), line("payments", "2"), line("orders", "3"));

        BatchSummary summary = harness.process(linesEvent(lines)).summary();

        assertThat(harness.acceptedTexts()).containsExactly(line("orders", "1"), line("orders", "3"));
        assertThat(summary.delivered()).isEqualTo(2);
        assertThat(summary.dropped()).isEqualTo(1);
        assertThat(summary.balanced()).isTrue();
    }

    @Test
    void whitelistOfMany_forwardsEachListedType() {
        ForwardHarness harness = new ForwardHarness("LOG_TYPE_WHITELIST=orders,auth");
        List<String> lines = List.of(line("orders", "1"), line("payments", "2"), line("auth", "3"),
                line("search", "4"));

        BatchSummary summary = harness.process(linesEvent(lines)).summary();

        assertThat(harness.acceptedTexts()).containsExactly(line("orders", "1"), line("auth", "3"));
        assertThat(summary.dropped()).isEqualTo(2);
    }

    @Test
    void whitelistMatchingNothing_sendsNoRequest() {
        ForwardHarness harness = new ForwardHarness("LOG_TYPE_WHITELIST=nothing-matches");

        StreamsEventResponse response = harness.forwarder.handle(
                linesEvent(List.of(line("orders", "1"))),
                FakeLambdaContext.withRemainingTime(harness.clock, ForwardHarness.REMAINING_TIME));

        assertThat(harness.publisher.calls()).isEmpty();
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    // --- what is put ---

    @Test
    void forwardedRecord_isTheOriginalBytesWithoutNewlineUnderTheSourcePartitionKey() {
        ForwardHarness harness = new ForwardHarness();
        String original = "{ \"log_type\" : \"orders\",\"log_id\":\"1\",\"time\":\"" + ForwardTestData.TIME
                + "\",\"text\":\"caf\u00e9 \\u00e9\"}";

        harness.process(KinesisEventBuilder.ofLines(List.of(original)).partitionKey("producer-7").build());

        assertThat(harness.accepted()).singleElement().satisfies(entry -> {
            assertThat(entry.data()).isEqualTo(utf8(original));
            assertThat(entry.partitionKey()).isEqualTo("producer-7");
        });
        assertThat(harness.publisher.calls()).singleElement()
                .satisfies(call -> assertThat(call.stream()).isEqualTo("logway-target"));
    }

    @Test
    void partitionKeyLogId_usesEachRecordsLogId() {
        ForwardHarness harness = new ForwardHarness("PARTITION_KEY=log_id");

        harness.process(linesEvent(List.of(line("orders", "id-1"), line("orders", "id-2"))));

        assertThat(harness.accepted()).extracting(PublishEntry::partitionKey).containsExactly("id-1", "id-2");
    }

    @Test
    void ndjsonRecord_isForwardedAsOneRecordPerLine() {
        ForwardHarness harness = new ForwardHarness();
        String ndjson = line("orders", "1") + "\n" + line("orders", "2") + "\n";

        BatchSummary summary = harness.process(KinesisEventBuilder.ofPayloads(List.of(utf8(ndjson))).build())
                .summary();

        assertThat(harness.acceptedTexts()).containsExactly(line("orders", "1"), line("orders", "2"));
        assertThat(summary.records()).isEqualTo(1);
        assertThat(summary.delivered()).isEqualTo(2);
    }

    @Test
    void cloudWatchLogsEnvelope_isForwardedAsOneRecordPerEvent() {
        ForwardHarness harness = new ForwardHarness();
        List<String> messages = List.of(line("lambda", "a"), line("lambda", "b"), line("lambda", "c"));

        harness.process(KinesisEventBuilder.ofPayloads(List.of(ForwardTestData.cwlEnvelope(messages))).build());

        assertThat(harness.acceptedTexts()).containsExactlyElementsOf(messages);
        assertThat(harness.accepted()).extracting(PublishEntry::partitionKey)
                .containsOnly(KinesisEventBuilder.DEFAULT_PARTITION_KEY);
    }

    @Test
    void kplAggregate_isForwardedDeaggregated() {
        ForwardHarness harness = new ForwardHarness();
        List<String> lines = List.of(line("orders", "1"), line("payments", "2"));

        harness.process(KinesisEventBuilder.ofPayloads(List.of(ForwardTestData.kpl(lines))).build());

        assertThat(harness.acceptedTexts()).containsExactlyElementsOf(lines);
    }

    @Test
    void invalidRecord_isDivertedToTheFailedLogAndNotForwarded() {
        ForwardHarness harness = new ForwardHarness();

        BatchSummary summary = harness.process(linesEvent(List.of("{\"log_type\":\"orders\"}",
                line("orders", "2")))).summary();

        assertThat(harness.acceptedTexts()).containsExactly(line("orders", "2"));
        assertThat(summary.diverted()).containsEntry(RejectReason.MISSING_LOG_ID, 1L);
        assertThat(harness.failedLogKeys()).singleElement().asString().startsWith("failed/missing_log_id/");
        assertThat(summary.checkpoint()).isNull();
    }

    // --- limits ---

    @Test
    void overSizeRecord_isDivertedAsTooLargeForTargetAndTheRestSent() {
        ForwardHarness harness = new ForwardHarness("MAX_RECORD_BYTES=1000");
        String small = lineOfSize("orders", "small", 900);
        // 1000 bytes of data + the 11-byte partition key "logway-test": over the limit.
        String large = lineOfSize("orders", "large", 1000);

        BatchSummary summary = harness.process(linesEvent(List.of(large, small))).summary();

        assertThat(harness.acceptedTexts()).containsExactly(small);
        assertThat(summary.diverted()).containsExactly(Map.entry(RejectReason.RECORD_TOO_LARGE_FOR_TARGET, 1L));
        assertThat(harness.failedLogKeys()).singleElement().asString()
                .startsWith("failed/record_too_large_for_target/");
        assertThat(ForwardTestData.gunzipText(harness.failedLog.objects().get(0).body()))
                .contains("MAX_RECORD_BYTES=1000").contains("log_id\\\":\\\"large");
        assertThat(summary.checkpoint()).isNull();
    }

    @Test
    void recordExactlyAtTheLimitWithItsKey_isSent() {
        ForwardHarness harness = new ForwardHarness("MAX_RECORD_BYTES=1000");
        String exact = lineOfSize("orders", "exact", 1000 - KinesisEventBuilder.DEFAULT_PARTITION_KEY.length());

        harness.process(linesEvent(List.of(exact)));

        assertThat(harness.acceptedTexts()).containsExactly(exact);
    }

    @Test
    void batchOf501Records_isSentAs500AndOne() {
        ForwardHarness harness = new ForwardHarness();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            lines.add(line("orders", "id-" + i));
        }

        harness.process(linesEvent(lines));

        assertThat(harness.publisher.calls()).extracting(call -> call.entries().size()).containsExactly(500, 1);
        assertThat(harness.acceptedTexts()).containsExactlyElementsOf(lines);
    }

    @Test
    void batchOverFiveMebibytes_isSplitWithinTheRequestLimit() {
        ForwardHarness harness = new ForwardHarness();
        // Six records of 1 MiB minus the partition key: 6 MiB in all, each exactly at the record limit.
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.add(lineOfSize("orders", "id-" + i,
                    1024 * 1024 - KinesisEventBuilder.DEFAULT_PARTITION_KEY.length()));
        }

        harness.process(linesEvent(lines));

        assertThat(harness.publisher.calls()).extracting(call -> call.entries().size()).containsExactly(5, 1);
        assertThat(harness.publisher.calls()).allSatisfy(call -> assertThat(
                call.entries().stream().mapToLong(PublishEntry::sizeBytes).sum()).isLessThanOrEqualTo(5L * 1024 * 1024));
        assertThat(harness.accepted()).hasSize(6);
    }

    // --- failures ---

    @Test
    void perEntryFailures_areRetriedAloneUntilSent() {
        ForwardHarness harness = new ForwardHarness();
        List<String> lines = List.of(line("orders", "1"), line("orders", "2"), line("orders", "3"));
        harness.publisher.failEntries((entry, attempt) -> attempt == 1 && new String(entry.data()).contains("\"2\""),
                PTEE);
        harness.publisher.failEntries((entry, attempt) -> attempt <= 2 && new String(entry.data()).contains("\"3\""),
                "InternalFailure");

        KinesisBatchProcessor.Result result = harness.process(linesEvent(lines));

        assertThat(harness.publisher.calls()).extracting(call -> call.entries().size()).containsExactly(3, 2, 1);
        assertThat(harness.acceptedTexts()).containsExactlyInAnyOrderElementsOf(lines).hasSize(3);
        assertThat(result.summary().delivered()).isEqualTo(3);
        assertThat(result.response().getBatchItemFailures()).isEmpty();
    }

    @Test
    void entriesStillFailingAfterRetries_stayBehindTheCheckpoint() {
        ForwardHarness harness = new ForwardHarness("KINESIS_MAX_RETRIES=2");
        List<String> lines = List.of(line("orders", "1"), line("orders", "2"), line("orders", "3"));
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(lines);
        harness.publisher.failEntries((entry, attempt) -> new String(entry.data()).contains("\"2\""), PTEE);

        KinesisBatchProcessor.Result result = harness.process(builder.build());

        assertThat(harness.publisher.calls()).hasSize(3);
        assertThat(harness.acceptedTexts()).containsExactly(line("orders", "1"), line("orders", "3"));
        assertThat(result.response().getBatchItemFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getItemIdentifier()).isEqualTo(builder.sequenceNumber(1)));
        assertThat(result.summary().behindCheckpoint()).isEqualTo(1);
        assertThat(result.summary().balanced()).isTrue();
    }

    @Test
    void retryableCallFailure_leavesEveryRecordBehindTheCheckpoint() {
        ForwardHarness harness = new ForwardHarness("KINESIS_MAX_RETRIES=1");
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(List.of(line("orders", "1"), line("orders", "2")));
        harness.publisher.failCalls(call -> true, () -> new RetryableException("throttled", PTEE, null));

        KinesisBatchProcessor.Result result = harness.process(builder.build());

        assertThat(result.response().getBatchItemFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getItemIdentifier()).isEqualTo(builder.sequenceNumber(0)));
        assertThat(result.summary().behindCheckpoint()).isEqualTo(2);
    }

    @Test
    void fatalCallFailure_failsTheInvocation() {
        ForwardHarness harness = new ForwardHarness();
        harness.publisher.failCalls(call -> true,
                () -> new FatalException("Kinesis PutRecords to logway-target failed: ResourceNotFoundException (400)",
                        "ResourceNotFoundException", null));

        assertThatThrownBy(() -> harness.process(linesEvent(List.of(line("orders", "1")))))
                .isInstanceOf(FatalException.class)
                .hasMessageContaining("ResourceNotFoundException");
    }

    // --- passthrough ---

    @Test
    void passthrough_forwardsMatchingInputRecordsUnchanged() {
        ForwardHarness harness = new ForwardHarness("OUTPUT_FORMAT=passthrough", "LOG_TYPE_WHITELIST=lambda");
        byte[] matching = ForwardTestData.cwlEnvelope(List.of(line("lambda", "a"), line("lambda", "b")));
        byte[] other = ForwardTestData.cwlEnvelope(List.of(line("ecs", "c")));

        BatchSummary summary = harness.process(KinesisEventBuilder.ofPayloads(List.of(matching, other)).build())
                .summary();

        assertThat(harness.accepted()).singleElement()
                .satisfies(entry -> assertThat(entry.data()).isEqualTo(matching));
        assertThat(summary.delivered()).isEqualTo(2);
        assertThat(summary.dropped()).isEqualTo(1);
    }

    @Test
    void passthrough_recordWithOneMatchingEvent_isForwardedWhole() {
        ForwardHarness harness = new ForwardHarness("OUTPUT_FORMAT=passthrough", "LOG_TYPE_WHITELIST=orders");
        String ndjson = line("orders", "1") + "\n" + line("payments", "2");

        BatchSummary summary = harness.process(KinesisEventBuilder.ofPayloads(List.of(utf8(ndjson))).build())
                .summary();

        assertThat(harness.acceptedTexts()).containsExactly(ndjson);
        assertThat(summary.delivered()).isEqualTo(1);
        assertThat(summary.dropped()).isEqualTo(1);
    }

    @Test
    void passthrough_unsentRecord_leavesAllItsEventsBehindTheCheckpoint() {
        ForwardHarness harness = new ForwardHarness("OUTPUT_FORMAT=passthrough", "KINESIS_MAX_RETRIES=0");
        KinesisEventBuilder builder = KinesisEventBuilder.ofPayloads(List.of(
                utf8(line("orders", "1")), ForwardTestData.kpl(List.of(line("orders", "2"), line("orders", "3")))));
        harness.publisher.failEntries((entry, attempt) -> entry.data()[0] != '{', "InternalFailure");

        KinesisBatchProcessor.Result result = harness.process(builder.build());

        assertThat(harness.acceptedTexts()).containsExactly(line("orders", "1"));
        assertThat(result.summary().behindCheckpoint()).isEqualTo(2);
        assertThat(result.response().getBatchItemFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getItemIdentifier()).isEqualTo(builder.sequenceNumber(1)));
    }

    // --- the handler ---

    @Test
    void handleRequest_delegatesToTheForwarder() {
        ForwardHarness harness = new ForwardHarness();
        KinesisForwardHandler handler = new KinesisForwardHandler(harness.forwarder);

        StreamsEventResponse response = handler.handleRequest(linesEvent(List.of(line("orders", "1"))),
                FakeLambdaContext.withRemainingTime(harness.clock, ForwardHarness.REMAINING_TIME));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(harness.publisher.accepted()).hasSize(1);
        assertThat(harness.publisher.calls()).extracting(FakeRecordPublisher.Call::stream)
                .containsExactly("logway-target");
    }
}
