package io.github.logway.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.failedlog.FailedLogEntry;
import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.core.failedlog.KinesisEventSource;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.core.store.S3ObjectStore;
import io.github.logway.local.esm.KinesisEventJson;
import io.github.logway.local.esm.OnFailureRecord;
import io.github.logway.local.esm.S3OnFailureDestination;
import io.github.logway.local.esm.SqsOnFailureDestination;
import io.github.logway.local.esm.StreamRecord;
import io.github.logway.schema.EventRef;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.RejectReason;
import io.github.logway.testing.servers.KinesisEndpoint;
import io.github.logway.testing.servers.KinesisStreams;
import io.github.logway.testing.servers.S3Endpoint;
import io.github.logway.testing.servers.SqsEndpoint;
import io.github.logway.testing.servers.WithLocalServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code replay} against real servers: failed-log objects written by pipeline-core's writer into s3proxy, an S3
 * on-failure object written by the runner's destination, and an SQS on-failure message pointing at records of a
 * kinesis-local stream; the records land in a kinesis-local stream byte for byte, and a second run skips them.
 */
@WithLocalServers
class ReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "000000000000";
    private static final Instant ARRIVAL = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final byte[] NOT_UTF8 = {(byte) 0xc3, (byte) 0x28, 'x', (byte) 0xff};

    @Test
    void failedLogObjects_replayByteIdenticalWithTheirPartitionKeys_andASecondRunSkipsThem(
            S3Endpoint s3Endpoint, KinesisEndpoint kinesisEndpoint, SqsEndpoint sqsEndpoint) throws Exception {
        try (S3Client s3 = s3Endpoint.newS3Client(); KinesisClient kinesis = kinesisEndpoint.newKinesisClient();
                SqsClient sqs = sqsEndpoint.newSqsClient()) {
            s3.createBucket(request -> request.bucket("replay-failed-log"));
            KinesisStreams.createActive(kinesis, "replay-failed-log-target", 2);
            List<FailedLogEntry> entries = List.of(
                    entry(RejectReason.NOT_JSON, "not json, line one", "pk-a", "101"),
                    entry(RejectReason.NOT_JSON, "{\"log_id\":\"id-2\"", "pk-b", "102"),
                    new FailedLogEntry(RejectReason.NOT_UTF8, "not UTF-8", NOT_UTF8, source("pk-c", "103")));
            FailedLogWriter.Result written = new FailedLogWriter(new S3ObjectStore(s3), "replay-failed-log", "failed",
                    "kinesis-forward", ZoneOffset.UTC).write(entries);
            assertThat(written.allWritten()).isTrue();
            ReplayCommand command = command(s3, kinesis, sqs);
            List<String> args = List.of("--from", "s3://replay-failed-log/failed/", "--to",
                    "replay-failed-log-target");

            Run first = run(command, args);

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.lines()).hasSize(3);
            assertThat(first.lines().get(0).path("source").asText())
                    .isEqualTo("s3://replay-failed-log/" + written.groups().get(0).key());
            assertThat(first.lines().get(0).path("events").asLong()).isEqualTo(2);
            assertThat(first.lines().get(0).path("sent").asLong()).isEqualTo(2);
            assertTotal(first, 3, 3, 0, 0);
            List<Record> replayed = KinesisStreams.readAll(kinesis, "replay-failed-log-target");
            assertThat(replayed.stream().map(record -> record.partitionKey() + "=" + hex(record.data().asByteArray())))
                    .containsExactlyInAnyOrderElementsOf(entries.stream().map(entry -> partitionKey(entry) + "="
                            + hex(entry.data())).collect(Collectors.toList()));

            Run second = run(command, args);

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.lines().subList(0, 2)).allSatisfy(line -> {
                assertThat(line.path("sent").asLong()).isZero();
                assertThat(line.path("skipped").asLong()).isEqualTo(line.path("events").asLong()).isPositive();
            });
            assertTotal(second, 3, 0, 3, 0);
            assertThat(KinesisStreams.readAll(kinesis, "replay-failed-log-target")).hasSize(3);
        }
    }

    @Test
    void failedLogObjects_dryRunWithAReason_countsOnlyThatReasonAndSendsNothing(
            S3Endpoint s3Endpoint, KinesisEndpoint kinesisEndpoint, SqsEndpoint sqsEndpoint) throws Exception {
        try (S3Client s3 = s3Endpoint.newS3Client(); KinesisClient kinesis = kinesisEndpoint.newKinesisClient();
                SqsClient sqs = sqsEndpoint.newSqsClient()) {
            s3.createBucket(request -> request.bucket("replay-dry-run"));
            KinesisStreams.createActive(kinesis, "replay-dry-run-target", 1);
            new FailedLogWriter(new S3ObjectStore(s3), "replay-dry-run", "failed", "kinesis-forward", ZoneOffset.UTC)
                    .write(List.of(entry(RejectReason.NOT_JSON, "x", "pk", "1"),
                            new FailedLogEntry(RejectReason.NOT_UTF8, "y", NOT_UTF8, source("pk", "2"))));

            Run run = run(command(s3, kinesis, sqs), List.of("--from", "s3://replay-dry-run/failed", "--to",
                    "replay-dry-run-target", "--reason", "not_utf8", "--since", "2026-11-24T00:00:00Z", "--dry-run"));
            Run outOfRange = run(command(s3, kinesis, sqs), List.of("--from", "s3://replay-dry-run/failed", "--to",
                    "replay-dry-run-target", "--until", "2026-11-24T10:15:30Z", "--dry-run"));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.lines()).hasSize(2);
            assertThat(run.lines().get(0).path("source").asText()).contains("/not_utf8/");
            assertTotal(run, 1, 0, 0, 0);
            assertThat(outOfRange.lines()).hasSize(1);
            assertTotal(outOfRange, 0, 0, 0, 0);
            assertThat(KinesisStreams.readAll(kinesis, "replay-dry-run-target")).isEmpty();
            assertThat(s3.listObjectsV2(request -> request.bucket("replay-dry-run")).contents())
                    .noneMatch(object -> object.key().endsWith(".replayed"));
        }
    }

    @Test
    void s3OnFailureObject_replaysThePayloadsRecords_andMarksTheObject(
            S3Endpoint s3Endpoint, KinesisEndpoint kinesisEndpoint, SqsEndpoint sqsEndpoint) throws Exception {
        try (S3Client s3 = s3Endpoint.newS3Client(); KinesisClient kinesis = kinesisEndpoint.newKinesisClient();
                SqsClient sqs = sqsEndpoint.newSqsClient()) {
            s3.createBucket(request -> request.bucket("replay-on-failure"));
            KinesisStreams.createActive(kinesis, "replay-on-failure-target", 1);
            String sourceArn = kinesisEndpoint.streamArn(ACCOUNT, "replay-on-failure-source");
            List<StreamRecord> records = List.of(
                    streamRecord("4960", "pk-1", "{\"log_id\":\"a\"}".getBytes(StandardCharsets.UTF_8)),
                    streamRecord("4961", "pk-2", NOT_UTF8),
                    streamRecord("4962", "pk-3", "plain text".getBytes(StandardCharsets.UTF_8)));
            new S3OnFailureDestination(s3, "replay-on-failure", "6d9bfb0e-1b2c-4d3e-8f40-5a6b7c8d9e0f",
                    new SplittableRandom(7)).send(onFailure(sourceArn, records));
            ReplayCommand command = command(s3, kinesis, sqs);
            List<String> args = List.of("--from", "s3://replay-on-failure/aws/lambda/", "--to",
                    "replay-on-failure-target", "--rate", "2");

            Run first = run(command, args);
            Run second = run(command, args);

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.lines().get(0).path("source").asText()).startsWith("s3://replay-on-failure/aws/lambda/");
            assertTotal(first, 3, 3, 0, 0);
            assertThat(KinesisStreams.readAll(kinesis, "replay-on-failure-target").stream()
                    .map(record -> record.partitionKey() + "=" + hex(record.data().asByteArray())))
                    .containsExactly("pk-1=" + hex(records.get(0).data()), "pk-2=" + hex(NOT_UTF8),
                            "pk-3=" + hex(records.get(2).data()));
            assertTotal(second, 3, 0, 3, 0);
            assertThat(KinesisStreams.readAll(kinesis, "replay-on-failure-target")).hasSize(3);
        }
    }

    @Test
    void sqsOnFailureMessage_reReadsTheRangeFromTheStream_sendsIt_andDeletesTheMessage(
            S3Endpoint s3Endpoint, KinesisEndpoint kinesisEndpoint, SqsEndpoint sqsEndpoint) throws Exception {
        try (S3Client s3 = s3Endpoint.newS3Client(); KinesisClient kinesis = kinesisEndpoint.newKinesisClient();
                SqsClient sqs = sqsEndpoint.newSqsClient()) {
            KinesisStreams.createActive(kinesis, "replay-sqs-source", 1);
            KinesisStreams.createActive(kinesis, "replay-sqs-target", 1);
            String sourceArn = kinesisEndpoint.streamArn(ACCOUNT, "replay-sqs-source");
            List<StreamRecord> put = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                byte[] data = ("{\"log_id\":\"r" + i + "\"}").getBytes(StandardCharsets.UTF_8);
                String partitionKey = "pk-" + i;
                String sequence = kinesis.putRecord(request -> request.streamName("replay-sqs-source")
                        .partitionKey(partitionKey).data(SdkBytes.fromByteArray(data))).sequenceNumber();
                put.add(new StreamRecord("shardId-000000000000", sequence, partitionKey, data, ARRIVAL));
            }
            String queueUrl = sqs.createQueue(request -> request.queueName("replay-on-failure-queue")).queueUrl();
            new SqsOnFailureDestination(sqs, queueUrl).send(onFailure(sourceArn, put.subList(1, 4)));
            ReplayCommand command = command(s3, kinesis, sqs);
            List<String> args = List.of("--from-sqs", queueUrl, "--to", "replay-sqs-target");

            Run dryRun = run(command, List.of("--from-sqs", queueUrl, "--to", "replay-sqs-target", "--dry-run"));
            Run first = run(command, args);
            Run second = run(command, args);

            assertTotal(dryRun, 3, 0, 0, 0);
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.lines()).hasSize(2);
            assertThat(first.lines().get(0).path("source").asText()).startsWith(queueUrl + "#");
            assertTotal(first, 3, 3, 0, 0);
            assertThat(KinesisStreams.readAll(kinesis, "replay-sqs-target").stream()
                    .map(record -> record.partitionKey() + "=" + record.data().asUtf8String()))
                    .containsExactly("pk-1={\"log_id\":\"r1\"}", "pk-2={\"log_id\":\"r2\"}",
                            "pk-3={\"log_id\":\"r3\"}");
            assertThat(second.lines()).hasSize(1);
            assertTotal(second, 0, 0, 0, 0);
            assertThat(sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                    .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                    .attributesAsStrings()).containsEntry("ApproximateNumberOfMessages", "0")
                    .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
        }
    }

    @Test
    void missingTargetStream_exitsWithUsage(S3Endpoint s3Endpoint, KinesisEndpoint kinesisEndpoint,
            SqsEndpoint sqsEndpoint) throws Exception {
        try (S3Client s3 = s3Endpoint.newS3Client(); KinesisClient kinesis = kinesisEndpoint.newKinesisClient();
                SqsClient sqs = sqsEndpoint.newSqsClient()) {
            s3.createBucket(request -> request.bucket("replay-no-stream"));

            Run run = run(command(s3, kinesis, sqs), List.of("--from", "s3://replay-no-stream/", "--to",
                    "replay-no-such-stream"));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("replay-no-such-stream");
        }
    }

    private record Run(int exitCode, List<JsonNode> lines, String err) {
    }

    private static Run run(ReplayCommand command, List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(exitCode, lines, err.toString(StandardCharsets.UTF_8));
    }

    private static void assertTotal(Run run, long events, long sent, long skipped, long failed) {
        JsonNode total = run.lines().get(run.lines().size() - 1);
        assertThat(total.path("total").asBoolean()).as("last line %s; stderr %s", total, run.err()).isTrue();
        assertThat(Map.of("events", total.path("events").asLong(), "sent", total.path("sent").asLong(),
                "skipped", total.path("skipped").asLong(), "failed", total.path("failed").asLong()))
                .as("stderr: %s", run.err())
                .isEqualTo(Map.of("events", events, "sent", sent, "skipped", skipped, "failed", failed));
    }

    private static ReplayCommand command(S3Client s3, KinesisClient kinesis, SqsClient sqs) {
        return new ReplayCommand(Clock.systemUTC(), Sleeper.SYSTEM, () -> ReplayClients.of(s3, kinesis, sqs));
    }

    private static FailedLogEntry entry(RejectReason reason, String text, String partitionKey, String sequence) {
        return new FailedLogEntry(reason, "test", text.getBytes(StandardCharsets.UTF_8),
                source(partitionKey, sequence));
    }

    private static KinesisEventSource source(String partitionKey, String sequence) {
        return new KinesisEventSource(new EventRef(new RecordSource("arn:aws:kinesis:us-east-1:000000000000:stream/x",
                "shardId-000000000000", sequence, partitionKey, ARRIVAL.toEpochMilli()), EventRef.NONE, 0));
    }

    private static String partitionKey(FailedLogEntry entry) {
        return ((KinesisEventSource) entry.source()).ref().source().partitionKey();
    }

    private static StreamRecord streamRecord(String sequence, String partitionKey, byte[] data) {
        return new StreamRecord("shardId-000000000000", sequence, partitionKey, data, ARRIVAL);
    }

    private static OnFailureRecord onFailure(String streamArn, List<StreamRecord> records) {
        return new OnFailureRecord("request-1", "arn:aws:lambda:us-east-1:000000000000:function:to-s3",
                OnFailureRecord.RETRY_ATTEMPTS_EXHAUSTED, 3, "Unhandled", ARRIVAL.plusSeconds(60), streamArn, records,
                new KinesisEventJson(streamArn, "arn:aws:iam::000000000000:role/lambda").write(records));
    }

    private static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }
}
