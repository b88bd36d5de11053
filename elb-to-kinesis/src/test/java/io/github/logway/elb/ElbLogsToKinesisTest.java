package io.github.logway.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.FatalException;
import io.github.logway.core.RetryableException;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.failedlog.FailedLogEnvelope;
import io.github.logway.core.failedlog.FailedLogReader;
import io.github.logway.core.failedlog.S3LineSource;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.publish.FakeRecordPublisher;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.schema.EventRef;
import io.github.logway.schema.LogRecordParser;
import io.github.logway.schema.Parsed;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.RejectReason;
import io.github.logway.schema.SchemaRules;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ElbLogsToKinesisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "alb-logs-111122223333";
    private static final String KEY_A = "AWSLogs/111122223333/elasticloadbalancing/ap-northeast-1/2026/11/24/"
            + "111122223333_elasticloadbalancing_ap-northeast-1_app.shop-front.5f3c9e2a7b1d4c60_20261124T1015Z_"
            + "203.0.113.9_2k4x9q1z.log.gz";
    private static final String KEY_B = "AWSLogs/111122223333/elasticloadbalancing/ap-northeast-1/2026/11/24/"
            + "111122223333_elasticloadbalancing_ap-northeast-1_app.shop-front.5f3c9e2a7b1d4c60_20261124T1015Z_"
            + "203.0.113.10_7h3m2c8v.log.gz";
    private static final String SOURCE_QUEUE_ARN = "arn:aws:sqs:ap-northeast-1:111122223333:alb-log-objects";
    private static final String SOURCE_QUEUE_URL =
            "https://sqs.ap-northeast-1.amazonaws.com/111122223333/alb-log-objects";
    private static final Instant NOW = Instant.parse("2026-11-24T10:21:00Z");

    private final ManualClock clock = ManualClock.at(NOW);
    private final InMemoryAccessLogSource s3 = new InMemoryAccessLogSource();
    private final FakeRecordPublisher kinesis = new FakeRecordPublisher();
    private final InMemoryContinuationQueue queue = new InMemoryContinuationQueue();
    private final InMemoryObjectStore failedLogStore = new InMemoryObjectStore();
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @Test
    void handle_directNotificationWithTwoObjects_putsEveryLineWithIdsFromBucketKeyAndLine() {
        s3.put(BUCKET, KEY_A, gzipLines("http", "https", "h2"), "9b2cf535f27731c974343645a3985328");
        s3.put(BUCKET, KEY_B, gzipLines("ws", "wss"), "1f3870be274f6c49b3e31a0c6728957f");

        SQSBatchResponse response = function().handle(
                event(message("m1", Fixtures.notification("s3-two-objects.json"))), context(Duration.ofMinutes(5)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(acceptedIds()).containsExactly(id(KEY_A, 1), id(KEY_A, 2), id(KEY_A, 3), id(KEY_B, 1),
                id(KEY_B, 2));
        assertThat(kinesis.accepted()).extracting(PublishEntry::partitionKey).containsExactly("203.0.113.17",
                "198.51.100.42", "203.0.113.200", "10.0.0.140", "10.0.0.141");
        assertThat(kinesis.calls()).extracting(FakeRecordPublisher.Call::stream).containsOnly("router");
    }

    @Test
    void handle_everyRecordPut_passesTheCommonSchema() {
        s3.put(BUCKET, KEY_A, gzipLines("http", "https", "h2", "ws", "wss", "lambda", "lambda-error", "redirect",
                "error", "escaped", "extra-trailing", "older"), "9b2cf535f27731c974343645a3985328");

        function().handle(event(message("m1", Fixtures.notification("sns-wrapped-s3.json"))),
                context(Duration.ofMinutes(5)));

        LogRecordParser schema = new LogRecordParser(SchemaRules.DEFAULTS);
        EventRef ref = EventRef.of(new RecordSource("", "", "", "", NOW.toEpochMilli()));
        assertThat(kinesis.accepted()).hasSize(12).allSatisfy(entry -> assertThat(
                schema.parseObject(entry.data(), 0, entry.data().length, ref)).isInstanceOf(Parsed.class));
    }

    @Test
    void handle_snsWrappedNotification_readsTheObject() {
        s3.put(BUCKET, KEY_A, gzipLines("http"), "9b2cf535f27731c974343645a3985328");

        SQSBatchResponse response = function().handle(
                event(message("m1", Fixtures.notification("sns-wrapped-s3.json"))), context(Duration.ofMinutes(5)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(acceptedIds()).containsExactly(id(KEY_A, 1));
    }

    @Test
    void handle_eventBridgeNotification_readsTheObject() {
        s3.put(BUCKET, KEY_A, gzipLines("http", "lambda"), "9b2cf535f27731c974343645a3985328");

        SQSBatchResponse response = function().handle(
                event(message("m1", Fixtures.notification("eventbridge-object-created.json"))),
                context(Duration.ofMinutes(5)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(acceptedIds()).containsExactly(id(KEY_A, 1), id(KEY_A, 2));
    }

    @Test
    void handle_s3TestEvent_isAcknowledgedWithoutReadingAnything() {
        ElbLogsToKinesis.Result result = function().process(
                event(message("m1", Fixtures.notification("s3-test-event.json"))), context(Duration.ofMinutes(5)));

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(s3.calls()).isEmpty();
        assertThat(kinesis.calls()).isEmpty();
        assertThat(result.summary().skipped()).isEqualTo(1);
        assertThat(result.summary().balanced()).isTrue();
    }

    @Test
    void handle_urlEncodedKey_readsTheDecodedKey() {
        String decoded = "team=web/alb logs/AWSLogs/111122223333/elasticloadbalancing/ap-northeast-1/2026/11/24/"
                + "111122223333_elasticloadbalancing_ap-northeast-1_app.shop-front.5f3c9e2a7b1d4c60_20261124T1020Z_"
                + "203.0.113.9_5n6b7v8c.log.gz";
        s3.put(BUCKET, decoded, gzipLines("http"), "c4ca4238a0b923820dcc509a6f75849b");

        SQSBatchResponse response = function().handle(
                event(message("m1", Fixtures.notification("s3-encoded-key.json"))), context(Duration.ofMinutes(5)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(s3.calls()).containsExactly(new InMemoryAccessLogSource.OpenCall(BUCKET, decoded, 0));
        assertThat(acceptedIds()).containsExactly(id(decoded, 1));
    }

    @Test
    void handle_anObjectWhoseGzipHeaderIsDamaged_isDivertedAsCorruptGzipInsteadOfRetriedForever() throws IOException {
        byte[] damaged = {0x1F, (byte) 0x8B, 7, 0, 0, 0, 0, 0, 0, 3, 'n', 'o', 't', ' ', 'd', 'e', 'f', 'l', 'a', 't', 'e'};
        s3.put(BUCKET, KEY_A, damaged, "9b2cf535f27731c974343645a3985328");

        ElbLogsToKinesis.Result result = function().process(
                event(message("m1", Fixtures.notification("sns-wrapped-s3.json"))), context(Duration.ofMinutes(5)));

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(kinesis.accepted()).isEmpty();
        assertThat(result.summary().diverted()).isEqualTo(Map.of(RejectReason.CORRUPT_GZIP, 1L));
        assertThat(result.summary().logEvents()).isEqualTo(1);
        assertThat(result.summary().balanced()).isTrue();
        List<FailedLogEnvelope> envelopes = FailedLogReader.read(failedLogStore.objects().get(0).body());
        assertThat(envelopes).singleElement().satisfies(envelope -> {
            assertThat(envelope.reason()).isEqualTo(RejectReason.CORRUPT_GZIP);
            assertThat(envelope.detail()).startsWith("gzip data of s3://" + BUCKET + "/" + KEY_A + " is corrupt");
        });
    }

    @Test
    void handle_anObjectCorruptAfterSomeLines_sendsThoseLinesAndDivertsTheRestAsOneEvent() {
        byte[] gzip = Fixtures.gzip(Fixtures.logFile(numberedLines(3)));
        gzip[gzip.length - 8] ^= 0x55; // the trailer's CRC-32: every line inflates, then the check fails
        s3.put(BUCKET, KEY_A, gzip, "9b2cf535f27731c974343645a3985328");

        ElbLogsToKinesis.Result result = function().process(
                event(message("m1", Fixtures.notification("sns-wrapped-s3.json"))), context(Duration.ofMinutes(5)));

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(acceptedIds()).containsExactly(id(KEY_A, 1), id(KEY_A, 2), id(KEY_A, 3));
        assertThat(result.summary().diverted()).isEqualTo(Map.of(RejectReason.CORRUPT_GZIP, 1L));
        assertThat(result.summary().logEvents()).isEqualTo(4);
        assertThat(result.summary().balanced()).isTrue();
    }

    @Test
    void handle_invalidLines_areDivertedWithBucketKeyAndLineNumber() throws IOException {
        s3.put(BUCKET, KEY_A, gzipLines("http", "malformed-quote", "https", "malformed-number"),
                "9b2cf535f27731c974343645a3985328");

        ElbLogsToKinesis.Result result = function().process(
                event(message("m1", Fixtures.notification("sns-wrapped-s3.json"))), context(Duration.ofMinutes(5)));

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(acceptedIds()).containsExactly(id(KEY_A, 1), id(KEY_A, 3));
        assertThat(failedLogStore.keys("failed-bucket")).containsExactly("failed/invalid_access_log_line/2026-11/24/"
                + "2026-11-24-10:20:04-" + objectHash(KEY_A) + "-2.gz");
        List<FailedLogEnvelope> envelopes = FailedLogReader.read(failedLogStore.objects().get(0).body());
        assertThat(envelopes).extracting(FailedLogEnvelope::source).containsExactly(
                new S3LineSource(BUCKET, KEY_A, 2, Instant.parse("2026-11-24T10:20:04.512Z").toEpochMilli()),
                new S3LineSource(BUCKET, KEY_A, 4, Instant.parse("2026-11-24T10:20:04.512Z").toEpochMilli()));
        assertThat(envelopes.get(0).dataText()).isEqualTo(Fixtures.albCase("malformed-quote"));
        assertThat(envelopes.get(1).detail()).isEqualTo("field received_bytes is not a number");
        assertThat(result.summary().diverted()).isEqualTo(Map.of(RejectReason.INVALID_ACCESS_LOG_LINE, 2L));
        assertThat(result.summary().delivered()).isEqualTo(2);
        assertThat(result.summary().logEvents()).isEqualTo(4);
        assertThat(result.summary().balanced()).isTrue();
    }

    @Test
    void handle_lineTimeOutsideTheSchemaSkew_isDivertedWithTheSchemasReason() throws IOException {
        String old = Fixtures.albCase("http").replace("2026-11-24T10:15:30.123456Z", "2010-01-01T00:00:00.000001Z");
        s3.put(BUCKET, KEY_A, Fixtures.gzip(Fixtures.logFile(List.of(old, Fixtures.albCase("https")))), "etag-a");

        ElbLogsToKinesis.Result result = function().process(event(message("m1", s3Event(KEY_A))),
                context(Duration.ofMinutes(5)));

        assertThat(acceptedIds()).containsExactly(id(KEY_A, 2));
        assertThat(result.summary().diverted()).isEqualTo(Map.of(RejectReason.TIME_OUT_OF_RANGE, 1L));
        List<FailedLogEnvelope> envelopes = FailedLogReader.read(failedLogStore.objects().get(0).body());
        assertThat(envelopes).hasSize(1);
        assertThat(envelopes.get(0).dataText()).isEqualTo(old);
        assertThat(failedLogStore.keys("failed-bucket").get(0)).startsWith("failed/time_out_of_range/");
    }

    @Test
    void handle_someMessagesFail_listsExactlyThoseMessageIds() {
        String keyC = KEY_B.replace("7h3m2c8v", "9z8y7x6w");
        s3.put(BUCKET, KEY_A, gzipLines("http"), "etag-a");
        s3.put(BUCKET, KEY_B, gzipLines("lambda"), "etag-b");
        s3.put(BUCKET, keyC, gzipLines("https"), "etag-c");
        kinesis.failEntries((entry, attempt) -> entry.partitionKey().equals("192.0.2.77"),
                "ProvisionedThroughputExceededException");

        SQSBatchResponse response = function().handle(event(
                message("ok-1", s3Event(KEY_A)),
                message("throttled", s3Event(KEY_B)),
                message("garbage", "definitely not a notification"),
                message("ok-2", s3Event(keyC))), context(Duration.ofMinutes(5)));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("throttled", "garbage");
        assertThat(acceptedIds()).containsExactly(id(KEY_A, 1), id(keyC, 1));
    }

    @Test
    void handle_s3ReadFailsTransiently_listsTheMessage() {
        s3.put(BUCKET, KEY_A, gzipLines("http"), "etag-a");
        s3.failNext(1, () -> new RetryableException("S3 GetObject failed: SlowDown (503)", "SlowDown", null));

        SQSBatchResponse response = function().handle(event(message("m1", s3Event(KEY_A))),
                context(Duration.ofMinutes(5)));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1");
        assertThat(kinesis.accepted()).isEmpty();
    }

    @Test
    void handle_gzipObjectNeedingThreeInvocations_putsEveryLineExactlyOnce() {
        List<String> lines = numberedLines(40);
        s3.put(BUCKET, KEY_A, Fixtures.gzip(Fixtures.logFile(lines)), "etag-a");
        kinesis.beforeAnswer(() -> clock.advance(Duration.ofSeconds(1)));
        ElbLogsToKinesis function = function(Map.of("DEADLINE_MARGIN_MS", "500"), 4);

        List<SQSBatchResponse> responses = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        bodies.add(s3Event(KEY_A));
        while (!bodies.isEmpty() && responses.size() < 10) {
            String body = bodies.remove(0);
            responses.add(function.handle(event(message("m" + responses.size(), body)),
                    context(Duration.ofSeconds(4))));
            queue.drain().forEach(sent -> bodies.add(sent.body()));
        }

        assertThat(responses).hasSize(3).allSatisfy(response -> assertThat(response.getBatchItemFailures()).isEmpty());
        List<String> expected = new ArrayList<>();
        for (int line = 1; line <= 40; line++) {
            expected.add(id(KEY_A, line));
        }
        assertThat(acceptedIds()).containsExactlyElementsOf(expected);
        assertThat(s3.calls()).extracting(InMemoryAccessLogSource.OpenCall::offset).containsExactly(0L, 0L, 0L);
    }

    @Test
    void handle_interruptedGzipObject_sendsContinuationWithNextLineAndNoOffsetToTheSourceQueue() throws IOException {
        s3.put(BUCKET, KEY_A, Fixtures.gzip(Fixtures.logFile(numberedLines(40))), "etag-a");
        kinesis.beforeAnswer(() -> clock.advance(Duration.ofSeconds(1)));

        SQSBatchResponse response = function(Map.of("DEADLINE_MARGIN_MS", "500"), 4).handle(
                event(message("m1", s3Event(KEY_A))), context(Duration.ofSeconds(4)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(queue.sent()).hasSize(1);
        assertThat(queue.sent().get(0).queueUrl()).isEqualTo(SOURCE_QUEUE_URL);
        JsonNode object = JSON.readTree(queue.sent().get(0).body()).path("objects").get(0);
        assertThat(object.path("bucket").asText()).isEqualTo(BUCKET);
        assertThat(object.path("key").asText()).isEqualTo(KEY_A);
        assertThat(object.path("etag").asText()).isEqualTo("etag-a");
        assertThat(object.path("next_line").asLong()).isEqualTo(17);
        assertThat(object.path("byte_offset").isNull()).isTrue();
        assertThat(object.path("event_time").asText()).isEqualTo("2026-11-24T10:20:04.512Z");
    }

    @Test
    void handle_interruptedPlainLog_resumesWithARangedGetAtTheNextLine() {
        List<String> lines = numberedClassicLines(12);
        byte[] file = Fixtures.logFile(lines);
        String key = "AWSLogs/111122223333/elasticloadbalancing/ap-northeast-1/2026/11/24/"
                + "111122223333_elasticloadbalancing_ap-northeast-1_legacy-web_20261124T1015Z_198.51.100.1_abc.log";
        s3.put(BUCKET, key, file, "etag-log");
        kinesis.beforeAnswer(() -> clock.advance(Duration.ofSeconds(1)));
        ElbLogsToKinesis function = function(Map.of("DEADLINE_MARGIN_MS", "500"), 5);

        function.handle(event(message("m1", s3Event(key))), context(Duration.ofSeconds(2)));
        String continuation = queue.drain().get(0).body();
        function.handle(event(message("m2", continuation)), context(Duration.ofMinutes(5)));

        long offsetOfLine11 = 0;
        for (int i = 0; i < 10; i++) {
            offsetOfLine11 += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        assertThat(s3.calls()).extracting(InMemoryAccessLogSource.OpenCall::offset).containsExactly(0L,
                offsetOfLine11);
        List<String> expected = new ArrayList<>();
        for (int line = 1; line <= 12; line++) {
            expected.add(id(key, line));
        }
        assertThat(acceptedIds()).containsExactlyElementsOf(expected);
        assertThat(kinesis.accepted()).allSatisfy(entry -> assertThat(logType(entry)).isEqualTo("elb"));
    }

    @Test
    void handle_objectReplacedBeforeTheContinuation_readsTheNewObjectFromItsFirstLine() {
        s3.put(BUCKET, KEY_A, Fixtures.gzip(Fixtures.logFile(numberedLines(12))), "etag-old");
        kinesis.beforeAnswer(() -> clock.advance(Duration.ofSeconds(1)));
        ElbLogsToKinesis function = function(Map.of("DEADLINE_MARGIN_MS", "500"), 4);
        function.handle(event(message("m1", s3Event(KEY_A))), context(Duration.ofSeconds(2)));
        String continuation = queue.drain().get(0).body();
        assertThat(acceptedIds()).hasSize(8);
        s3.put(BUCKET, KEY_A, Fixtures.gzip(Fixtures.logFile(numberedLines(3))), "etag-new");

        SQSBatchResponse response = function.handle(event(message("m2", continuation)),
                context(Duration.ofMinutes(5)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(acceptedIds().subList(8, acceptedIds().size())).containsExactly(id(KEY_A, 1), id(KEY_A, 2),
                id(KEY_A, 3));
        assertThat(queue.sent()).isEmpty();
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("\"restarted_objects\":1");
    }

    @Test
    void handle_redeliveredMessage_putsTheSameIdsAgain() {
        s3.put(BUCKET, KEY_A, gzipLines("http", "https"), "etag-a");
        ElbLogsToKinesis function = function();

        function.handle(event(message("m1", s3Event(KEY_A))), context(Duration.ofMinutes(5)));
        function.handle(event(message("m1", s3Event(KEY_A))), context(Duration.ofMinutes(5)));

        assertThat(acceptedIds()).containsExactly(id(KEY_A, 1), id(KEY_A, 2), id(KEY_A, 1), id(KEY_A, 2));
    }

    @Test
    void handle_severalObjectsInOneMessageInterrupted_carriesTheUnstartedOnesInTheContinuation()
            throws IOException {
        s3.put(BUCKET, KEY_A, Fixtures.gzip(Fixtures.logFile(numberedLines(8))), "etag-a");
        s3.put(BUCKET, KEY_B, gzipLines("http"), "etag-b");
        kinesis.beforeAnswer(() -> clock.advance(Duration.ofSeconds(1)));

        function(Map.of("DEADLINE_MARGIN_MS", "500"), 4).handle(
                event(message("m1", Fixtures.notification("s3-two-objects.json"))), context(Duration.ofSeconds(1)));

        JsonNode objects = JSON.readTree(queue.sent().get(0).body()).path("objects");
        assertThat(objects).hasSize(2);
        assertThat(objects.get(0).path("key").asText()).isEqualTo(KEY_A);
        assertThat(objects.get(0).path("next_line").asLong()).isEqualTo(5);
        assertThat(objects.get(1).path("key").asText()).isEqualTo(KEY_B);
        assertThat(objects.get(1).path("next_line").asLong()).isEqualTo(1);
        assertThat(objects.get(1).path("etag").asText()).isEqualTo("1f3870be274f6c49b3e31a0c6728957f");
    }

    @Test
    void handle_configuredContinuationQueue_isUsedInsteadOfTheSourceQueue() {
        s3.put(BUCKET, KEY_A, Fixtures.gzip(Fixtures.logFile(numberedLines(8))), "etag-a");
        kinesis.beforeAnswer(() -> clock.advance(Duration.ofSeconds(1)));
        String url = "http://127.0.0.1:9324/000000000000/alb-continue";

        function(Map.of("DEADLINE_MARGIN_MS", "500", "CONTINUATION_QUEUE_URL", url), 4).handle(
                event(message("m1", s3Event(KEY_A))), context(Duration.ofSeconds(1)));

        assertThat(queue.sent()).extracting(InMemoryContinuationQueue.SentMessage::queueUrl).containsExactly(url);
    }

    @Test
    void handle_continuationCannotBeSent_listsTheMessage() {
        s3.put(BUCKET, KEY_A, Fixtures.gzip(Fixtures.logFile(numberedLines(8))), "etag-a");
        kinesis.beforeAnswer(() -> clock.advance(Duration.ofSeconds(1)));
        queue.failNext(1, () -> new RetryableException("SQS SendMessage failed: ThrottlingException (400)"));

        SQSBatchResponse response = function(Map.of("DEADLINE_MARGIN_MS", "500"), 4).handle(
                event(message("m1", s3Event(KEY_A))), context(Duration.ofSeconds(1)));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1");
    }

    @Test
    void handle_deadlinePassedBeforeAMessage_listsTheUnstartedMessages() {
        s3.put(BUCKET, KEY_A, gzipLines("http"), "etag-a");
        s3.put(BUCKET, KEY_B, gzipLines("https"), "etag-b");
        kinesis.beforeAnswer(() -> clock.advance(Duration.ofSeconds(2)));

        SQSBatchResponse response = function(Map.of("DEADLINE_MARGIN_MS", "500"), 4).handle(
                event(message("first", s3Event(KEY_A)), message("second", s3Event(KEY_B))),
                context(Duration.ofSeconds(2)));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("second");
        assertThat(acceptedIds()).containsExactly(id(KEY_A, 1));
    }

    @Test
    void handle_deletedObject_isAcknowledgedAndCountedSkipped() {
        ElbLogsToKinesis.Result result = function().process(event(message("m1", s3Event(KEY_A))),
                context(Duration.ofMinutes(5)));

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(result.summary().skipped()).isEqualTo(1);
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("object not found; skipped");
    }

    @Test
    void handle_whitelistWithoutTheLogType_dropsTheLines() {
        s3.put(BUCKET, KEY_A, gzipLines("http", "https"), "etag-a");

        ElbLogsToKinesis.Result result = function(Map.of("LOG_TYPE_WHITELIST", "elb"), 100).process(
                event(message("m1", s3Event(KEY_A))), context(Duration.ofMinutes(5)));

        assertThat(kinesis.accepted()).isEmpty();
        assertThat(result.summary().dropped()).isEqualTo(2);
        assertThat(result.summary().balanced()).isTrue();
    }

    @Test
    void handle_randomPartitionKeys_are32HexCharactersEach() {
        s3.put(BUCKET, KEY_A, gzipLines("http", "http"), "etag-a");

        function(Map.of("PARTITION_KEY", "random"), 100).handle(event(message("m1", s3Event(KEY_A))),
                context(Duration.ofMinutes(5)));

        List<String> keys = kinesis.accepted().stream().map(PublishEntry::partitionKey).collect(Collectors.toList());
        assertThat(keys).hasSize(2).allSatisfy(key -> assertThat(key).matches("[0-9a-f]{32}"));
        assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
    }

    @Test
    void process_summary_countsLinesAsLogEventsWithNullCheckpointAndWritesOneMetricsLine() {
        s3.put(BUCKET, KEY_A, gzipLines("http", "malformed-short", "https"), "etag-a");

        ElbLogsToKinesis.Result result = function().process(
                event(message("m1", s3Event(KEY_A)), message("m2", Fixtures.notification("s3-test-event.json"))),
                context(Duration.ofMinutes(5)));

        assertThat(result.summary().records()).isEqualTo(2);
        assertThat(result.summary().logEvents()).isEqualTo(4);
        assertThat(result.summary().delivered()).isEqualTo(2);
        assertThat(result.summary().divertedTotal()).isEqualTo(1);
        assertThat(result.summary().skipped()).isEqualTo(1);
        assertThat(result.summary().checkpoint()).isNull();
        assertThat(result.summary().balanced()).isTrue();
        assertThat(result.summary().oldestArrivalMillis()).isEqualTo(NOW.minusSeconds(30).toEpochMilli());
        String emf = metrics.toString(StandardCharsets.UTF_8);
        assertThat(emf.split("\n")).hasSize(1);
        assertThat(emf).contains("\"function\":\"elb-to-kinesis\"", "\"LogEvents\":4", "\"Delivered\":2",
                "\"Diverted_invalid_access_log_line\":1");
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("203.0.113.17");
    }

    @Test
    void handle_kinesisStreamMissing_failsTheInvocation() {
        s3.put(BUCKET, KEY_A, gzipLines("http"), "etag-a");
        kinesis.failCalls(call -> true,
                () -> new FatalException("Kinesis PutRecords to router failed: ResourceNotFoundException (400)"));

        assertThatThrownBy(() -> function().handle(event(message("m1", s3Event(KEY_A))),
                context(Duration.ofMinutes(5))))
                .isInstanceOf(FatalException.class)
                .hasMessage("Kinesis PutRecords to router failed: ResourceNotFoundException (400)");
    }

    // --- helpers ---

    private ElbLogsToKinesis function() {
        return function(Map.of(), 100);
    }

    private ElbLogsToKinesis function(Map<String, String> env, int linesPerChunk) {
        Map<String, String> all = new HashMap<>(Map.of("TARGET_STREAM_NAME", "router",
                "FAILED_LOG_S3_BUCKET", "failed-bucket"));
        all.putAll(env);
        ElbToKinesisConfig config = ElbToKinesisConfig.read(new EnvReader(all));
        return new ElbLogsToKinesis(config, s3, kinesis, queue, failedLogStore, clock, new SplittableRandom(7),
                clock::advance, Runnable::run, new PrintStream(metrics, true, StandardCharsets.UTF_8),
                new JsonLogger("elb-to-kinesis", LogLevel.INFO, new PrintStream(logs, true, StandardCharsets.UTF_8)),
                new ObjectReader.ChunkSettings(linesPerChunk, 8L * 1024 * 1024));
    }

    private FakeLambdaContext context(Duration remaining) {
        return FakeLambdaContext.withRemainingTime(clock, remaining);
    }

    private static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    private SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setEventSourceArn(SOURCE_QUEUE_ARN);
        message.setEventSource("aws:sqs");
        message.setAttributes(Map.of("SentTimestamp", Long.toString(NOW.minusSeconds(30).toEpochMilli()),
                "ApproximateReceiveCount", "1"));
        return message;
    }

    /** A one-record S3 notification for {@code key} (written the way S3 writes it, URL-encoded). */
    private static String s3Event(String key) {
        return Fixtures.notification("s3-encoded-key.json").replace(
                "team%3Dweb/alb+logs/AWSLogs/111122223333/elasticloadbalancing/ap-northeast-1/2026/11/24/"
                        + "111122223333_elasticloadbalancing_ap-northeast-1_app.shop-front.5f3c9e2a7b1d4c60_"
                        + "20261124T1020Z_203.0.113.9_5n6b7v8c.log.gz",
                key.replace(" ", "+"))
                .replace("2026-11-24T10:25:04.100Z", "2026-11-24T10:20:04.512Z");
    }

    private static byte[] gzipLines(String... cases) {
        List<String> lines = new ArrayList<>();
        for (String name : cases) {
            lines.add(Fixtures.albCase(name));
        }
        return Fixtures.gzip(Fixtures.logFile(lines));
    }

    /** {@code count} valid ALB lines, each with a distinct client port. */
    private static List<String> numberedLines(int count) {
        List<String> lines = new ArrayList<>();
        String template = Fixtures.albCase("http");
        for (int i = 1; i <= count; i++) {
            lines.add(template.replace("203.0.113.17:51234", "203.0.113.17:" + (40000 + i)));
        }
        return lines;
    }

    private static List<String> numberedClassicLines(int count) {
        List<String> lines = new ArrayList<>();
        String template = Fixtures.classicCase("http");
        for (int i = 1; i <= count; i++) {
            lines.add(template.replace("198.51.100.23:40122", "198.51.100.23:" + (30000 + i)));
        }
        return lines;
    }

    private List<String> acceptedIds() {
        List<String> ids = new ArrayList<>();
        for (PublishEntry entry : kinesis.accepted()) {
            ids.add(field(entry, "log_id"));
        }
        return ids;
    }

    private static String logType(PublishEntry entry) {
        return field(entry, "log_type");
    }

    private static String field(PublishEntry entry, String name) {
        try {
            return JSON.readTree(entry.data()).path(name).asText();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + entry, e);
        }
    }

    private static String id(String key, long line) {
        return LogIds.forObject(BUCKET, key).idFor(line);
    }

    private static String objectHash(String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((BUCKET + "/" + key).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

}
