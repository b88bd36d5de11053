package io.github.logway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.logway.core.failedlog.FailedLogEnvelope;
import io.github.logway.core.failedlog.FailedLogReader;
import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.core.failedlog.KinesisEventSource;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.schema.LogDecoder;
import io.github.logway.schema.LogRecord;
import io.github.logway.schema.RejectReason;
import io.github.logway.schema.SchemaRules;
import io.github.logway.schema.decode.GzipDecoder;
import io.github.logway.testing.events.KinesisEventBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class KinesisBatchProcessorTest {

    private static final Instant NOW = KinesisEventBuilder.DEFAULT_FIRST_ARRIVAL.plusSeconds(5);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String BUCKET = "failed-bucket";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final FailedLogWriter failedLog = new FailedLogWriter(store, BUCKET, "failed", "test-fn", ZoneOffset.UTC);
    private final LogDecoder decoder = new LogDecoder(SchemaRules.DEFAULTS);
    private final List<LogRecord> received = new ArrayList<>();

    @Test
    void process_whenEveryRecordIsDelivered_reportsNoFailure() {
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(line("a", "1"), line("b", "2"))).build();

        KinesisBatchProcessor.Result result = processor(all -> DeliveryOutcome.DELIVERED).process(event, open());

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(result.summary().delivered()).isEqualTo(2);
        assertThat(result.summary().checkpoint()).isNull();
        assertThat(result.summary().balanced()).isTrue();
        assertThat(received).extracting(LogRecord::logId).containsExactly("1", "2");
    }

    @Test
    void process_whenRecordIsInvalid_divertsItToTheFailedLogAndReportsNoFailure() {
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(List.of(line("a", "1"), "{\"log_type\":\"a/b\","
                + "\"log_id\":\"2\",\"time\":\"2026-01-15T10:00:00Z\"}"));

        KinesisBatchProcessor.Result result = processor(all -> DeliveryOutcome.DELIVERED).process(builder.build(), open());

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(result.summary().diverted()).containsEntry(RejectReason.INVALID_LOG_TYPE, 1L);
        assertThat(store.keys(BUCKET)).singleElement().asString()
                .startsWith("failed/invalid_log_type/2026-01/15/2026-01-15-10:20:30-shardId-000000000000-"
                        + builder.sequenceNumber(1));
        List<FailedLogEnvelope> envelopes = FailedLogReader.read(store.objects().get(0).body());
        assertThat(envelopes).singleElement().satisfies(envelope -> {
            assertThat(envelope.reason()).isEqualTo(RejectReason.INVALID_LOG_TYPE);
            assertThat(envelope.function()).isEqualTo("test-fn");
            assertThat(envelope.dataText()).contains("\"log_type\":\"a/b\"");
            assertThat(((KinesisEventSource) envelope.source()).ref().source().sequenceNumber())
                    .isEqualTo(builder.sequenceNumber(1));
        });
    }

    @Test
    void process_whenLogTypeIsNotWhitelisted_dropsIt() {
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(line("keep", "1"), line("other", "2"))).build();

        KinesisBatchProcessor.Result result = new KinesisBatchProcessor(decoder, Set.of("keep")::contains,
                recording(all -> DeliveryOutcome.DELIVERED), failedLog).process(event, open());

        assertThat(result.summary().dropped()).isEqualTo(1);
        assertThat(result.summary().delivered()).isEqualTo(1);
        assertThat(received).extracting(LogRecord::logType).containsExactly("keep");
        assertThat(result.response().getBatchItemFailures()).isEmpty();
    }

    @Test
    void process_whenSinkFailsTransientlyOnOneRecord_checkpointsAtItsSequence() {
        KinesisEventBuilder builder =
                KinesisEventBuilder.ofLines(List.of(line("a", "1"), line("a", "2"), line("a", "3"), line("a", "4")));

        KinesisBatchProcessor.Result result = processor(r -> r.logId().equals("3") || r.logId().equals("4")
                ? new DeliveryOutcome.Retryable("throttled") : DeliveryOutcome.DELIVERED).process(builder.build(), open());

        assertThat(result.response().getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo(builder.sequenceNumber(2)));
        assertThat(result.summary().behindCheckpoint()).isEqualTo(2);
        assertThat(result.summary().retried()).isEqualTo(2);
        assertThat(result.summary().balanced()).isTrue();
    }

    @Test
    void process_whenOneEventOfAnNdjsonRecordFails_checkpointsAtThatRecord() {
        KinesisEventBuilder builder = KinesisEventBuilder.ofPayloads(List.of(
                utf8(line("a", "1")), utf8(line("a", "2") + "\n" + line("a", "3")), utf8(line("a", "4"))));

        KinesisBatchProcessor.Result result = processor(r -> r.logId().equals("3")
                ? new DeliveryOutcome.Retryable("timeout") : DeliveryOutcome.DELIVERED).process(builder.build(), open());

        assertThat(result.summary().checkpoint()).isEqualTo(builder.sequenceNumber(1));
        assertThat(result.summary().logEvents()).isEqualTo(4);
        assertThat(result.summary().delivered()).isEqualTo(3);
        assertThat(result.summary().behindCheckpoint()).isEqualTo(1);
    }

    @Test
    void process_whenFailedLogWriteFails_checkpointsAtTheFirstRejectedRecord() {
        store.failWhen(key -> key.contains("/not_json/"), () -> new RetryableException("SlowDown"));
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(List.of(line("a", "1"), "oops", line("a", "3")));

        KinesisBatchProcessor.Result result = processor(r -> DeliveryOutcome.DELIVERED).process(builder.build(), open());

        assertThat(result.summary().checkpoint()).isEqualTo(builder.sequenceNumber(1));
        assertThat(result.summary().diverted()).isEmpty();
        assertThat(result.summary().delivered()).isEqualTo(2);
        assertThat(result.summary().balanced()).isTrue();
    }

    @Test
    void process_whenSinkDivertsAnItem_storesItAsRejectedBySink() {
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(line("a", "1"), line("a", "2"))).build();

        KinesisBatchProcessor.Result result = processor(r -> r.logId().equals("2")
                ? new DeliveryOutcome.Diverted(RejectReason.REJECTED_BY_SINK, "mapper_parsing_exception: bad field")
                : DeliveryOutcome.DELIVERED).process(event, open());

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(result.summary().diverted()).containsEntry(RejectReason.REJECTED_BY_SINK, 1L);
        FailedLogEnvelope envelope = FailedLogReader.read(store.objects().get(0).body()).get(0);
        assertThat(envelope.detail()).isEqualTo("mapper_parsing_exception: bad field");
        assertThat(envelope.dataText()).isEqualTo(line("a", "2"));
    }

    @Test
    void process_whenDeadlineHasPassed_deliversNothingAndCheckpointsAtTheFirstRecord() {
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(List.of(line("a", "1"), "bad"));

        KinesisBatchProcessor.Result result = processor(r -> DeliveryOutcome.DELIVERED)
                .process(builder.build(), Deadline.at(NOW.minusMillis(1), CLOCK));

        assertThat(received).isEmpty();
        assertThat(store.putAttempts()).isZero();
        assertThat(result.summary().checkpoint()).isEqualTo(builder.sequenceNumber(0));
        assertThat(result.summary().behindCheckpoint()).isEqualTo(2);
    }

    @Test
    void process_whenSinkReportsFatal_failsTheInvocation() {
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(line("a", "1"))).build();

        assertThatThrownBy(() -> processor(r -> new DeliveryOutcome.Fatal("AccessDenied on bucket logs"))
                .process(event, open()))
                .isInstanceOf(FatalException.class)
                .hasMessageContaining("AccessDenied on bucket logs");
    }

    @Test
    void process_whenCloudWatchControlMessage_skipsItWithoutFailure() {
        String control = "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\","
                + "\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":1,"
                + "\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.\"}]}";
        KinesisEvent event = KinesisEventBuilder.ofPayloads(List.of(GzipDecoder.gzip(utf8(control), 6))).build();

        KinesisBatchProcessor.Result result = processor(r -> DeliveryOutcome.DELIVERED).process(event, open());

        assertThat(result.summary().skipped()).isEqualTo(1);
        assertThat(result.summary().logEvents()).isEqualTo(1);
        assertThat(result.response().getBatchItemFailures()).isEmpty();
    }

    @Test
    void process_whenEventIsEmpty_reportsNothing() {
        KinesisBatchProcessor.Result result =
                processor(r -> DeliveryOutcome.DELIVERED).process(new KinesisEvent(), open());

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(result.summary().records()).isZero();
        assertThat(result.summary().oldestArrivalMillis()).isEqualTo(-1);
    }

    @Test
    void process_whenARecordHasNoArrivalTime_takesTheInvocationTimeInsteadOf1970() {
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(line("a", "1"), line("b", "2"))).build();
        event.getRecords().forEach(record -> record.getKinesis().setApproximateArrivalTimestamp(null));

        KinesisBatchProcessor.Result result = processor(all -> DeliveryOutcome.DELIVERED).process(event, open());

        assertThat(result.summary().delivered()).isEqualTo(2);
        assertThat(result.summary().diverted()).isEmpty();
        assertThat(result.summary().oldestArrivalMillis()).isEqualTo(NOW.toEpochMilli());
    }

    private Deadline open() {
        return Deadline.at(NOW.plusSeconds(60), CLOCK);
    }

    private KinesisBatchProcessor processor(Function<LogRecord, DeliveryOutcome> perRecord) {
        Predicate<String> all = type -> true;
        return new KinesisBatchProcessor(decoder, all, recording(perRecord), failedLog);
    }

    private LogSink recording(Function<LogRecord, DeliveryOutcome> perRecord) {
        return (records, deadline) -> {
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            for (LogRecord record : records) {
                DeliveryOutcome outcome = perRecord.apply(record);
                if (outcome instanceof DeliveryOutcome.Delivered) {
                    received.add(record);
                }
                outcomes.add(outcome);
            }
            return outcomes;
        };
    }

    static String line(String type, String id) {
        return "{\"log_type\":\"" + type + "\",\"log_id\":\"" + id + "\",\"time\":\"2026-01-15T10:00:00Z\"}";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
