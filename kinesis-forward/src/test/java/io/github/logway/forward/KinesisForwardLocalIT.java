package io.github.logway.forward;

import static io.github.logway.forward.ForwardTestData.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.FatalException;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.publish.KinesisRecordPublisher;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import io.github.logway.testing.servers.KinesisEndpoint;
import io.github.logway.testing.servers.KinesisStreams;
import io.github.logway.testing.servers.WithLocalServers;
import io.github.logway.testing.time.ManualClock;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/** kinesis-forward against kinesis-local (started by the build): what is forwarded is readable from the target. */
@WithLocalServers
class KinesisForwardLocalIT {

    private static final ManualClock CLOCK = ManualClock.at(KinesisEventBuilder.DEFAULT_FIRST_ARRIVAL.plusSeconds(5));

    private static KinesisBatchProcessor.Result forward(KinesisClient client, KinesisForwardConfig config,
            KinesisEventBuilder event) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        KinesisForwarder forwarder = new KinesisForwarder(config, new KinesisRecordPublisher(client),
                new InMemoryObjectStore(), CLOCK, new SplittableRandom(3), Sleeper.SYSTEM, Runnable::run, quiet,
                new JsonLogger(KinesisForwarder.FUNCTION_NAME, LogLevel.ERROR, quiet));
        return forwarder.process(event.build(), FakeLambdaContext.withRemainingTime(CLOCK, Duration.ofMinutes(5)));
    }

    private static List<String> keyAndData(List<Record> records) {
        return records.stream().map(record -> record.partitionKey() + "=" + record.data().asUtf8String()).toList();
    }

    @Test
    void jsonLines_areReadableFromTheTargetWithTheirSourcePartitionKeys(KinesisEndpoint kinesis) throws Exception {
        try (KinesisClient client = kinesis.newKinesisClient()) {
            KinesisStreams.createActive(client, "forward-it-lines", 2);
            List<String> lines = List.of(line("orders", "1"), line("payments", "2"), line("orders", "3"));

            KinesisBatchProcessor.Result result = forward(client,
                    ForwardTestData.config("TARGET_STREAM_NAME=forward-it-lines", "LOG_TYPE_WHITELIST=orders"),
                    KinesisEventBuilder.ofLines(lines).partitionKey("producer-1"));

            assertThat(keyAndData(KinesisStreams.readAll(client, "forward-it-lines"))).containsExactlyInAnyOrder(
                    "producer-1=" + line("orders", "1"), "producer-1=" + line("orders", "3"));
            assertThat(result.response().getBatchItemFailures()).isEmpty();
            assertThat(result.summary().dropped()).isEqualTo(1);
        }
    }

    @Test
    void partitionKeyLogId_isTheKeyInTheTarget(KinesisEndpoint kinesis) throws Exception {
        try (KinesisClient client = kinesis.newKinesisClient()) {
            KinesisStreams.createActive(client, "forward-it-log-id", 2);
            String longId = "x".repeat(300);

            forward(client, ForwardTestData.config("TARGET_STREAM_NAME=forward-it-log-id", "PARTITION_KEY=log_id"),
                    KinesisEventBuilder.ofLines(List.of(line("orders", "short-id"), line("orders", longId))));

            assertThat(keyAndData(KinesisStreams.readAll(client, "forward-it-log-id"))).containsExactlyInAnyOrder(
                    "short-id=" + line("orders", "short-id"),
                    PartitionKeys.sha256Hex(longId) + "=" + line("orders", longId));
        }
    }

    @Test
    void cloudWatchLogsEnvelope_becomesOneTargetRecordPerEvent(KinesisEndpoint kinesis) throws Exception {
        try (KinesisClient client = kinesis.newKinesisClient()) {
            KinesisStreams.createActive(client, "forward-it-cwl", 1);
            List<String> messages = List.of(line("lambda", "a"), line("lambda", "b"), line("lambda", "c"));

            forward(client, ForwardTestData.config("TARGET_STREAM_NAME=forward-it-cwl"),
                    KinesisEventBuilder.ofPayloads(List.of(ForwardTestData.cwlEnvelope(messages))));

            assertThat(KinesisStreams.readAll(client, "forward-it-cwl"))
                    .extracting(record -> record.data().asUtf8String())
                    .containsExactlyElementsOf(messages);
        }
    }

    @Test
    void kplAggregate_arrivesDeaggregated(KinesisEndpoint kinesis) throws Exception {
        try (KinesisClient client = kinesis.newKinesisClient()) {
            KinesisStreams.createActive(client, "forward-it-kpl", 1);
            List<String> lines = List.of(line("orders", "1"), line("orders", "2"), line("orders", "3"));

            forward(client, ForwardTestData.config("TARGET_STREAM_NAME=forward-it-kpl"),
                    KinesisEventBuilder.ofPayloads(List.of(ForwardTestData.kpl(lines))).partitionKey("aggregate-key"));

            assertThat(keyAndData(KinesisStreams.readAll(client, "forward-it-kpl"))).containsExactly(
                    "aggregate-key=" + lines.get(0), "aggregate-key=" + lines.get(1),
                    "aggregate-key=" + lines.get(2));
        }
    }

    @Test
    void targetGivenAsArn_receivesTheRecords(KinesisEndpoint kinesis) throws Exception {
        try (KinesisClient client = kinesis.newKinesisClient()) {
            KinesisStreams.createActive(client, "forward-it-arn", 1);
            String arn = kinesis.streamArn("000000000000", "forward-it-arn");

            forward(client, ForwardTestData.config("TARGET_STREAM_NAME=" + arn),
                    KinesisEventBuilder.ofLines(List.of(line("orders", "1"))));

            assertThat(KinesisStreams.readAll(client, "forward-it-arn")).hasSize(1);
        }
    }

    @Test
    void passthrough_putsTheInputRecordUnchanged(KinesisEndpoint kinesis) throws Exception {
        try (KinesisClient client = kinesis.newKinesisClient()) {
            KinesisStreams.createActive(client, "forward-it-passthrough", 1);
            byte[] envelope = ForwardTestData.cwlEnvelope(List.of(line("lambda", "a"), line("lambda", "b")));

            forward(client, ForwardTestData.config("TARGET_STREAM_NAME=forward-it-passthrough",
                            "OUTPUT_FORMAT=passthrough"),
                    KinesisEventBuilder.ofPayloads(List.of(envelope)));

            assertThat(KinesisStreams.readAll(client, "forward-it-passthrough"))
                    .singleElement()
                    .satisfies(record -> assertThat(record.data().asByteArray()).isEqualTo(envelope));
        }
    }

    @Test
    void missingTargetStream_failsTheInvocation(KinesisEndpoint kinesis) {
        try (KinesisClient client = kinesis.newKinesisClient()) {
            assertThatThrownBy(() -> forward(client, ForwardTestData.config("TARGET_STREAM_NAME=forward-it-missing"),
                            KinesisEventBuilder.ofLines(List.of(line("orders", "1")))))
                    .isInstanceOf(FatalException.class)
                    .hasMessageContaining("ResourceNotFoundException");
        }
    }

    @Test
    void clientOfTheLambdaPath_honoursTheStandardKinesisEndpointSetting(KinesisEndpoint kinesis) throws Exception {
        // aws.endpointUrlKinesis is the system-property form of AWS_ENDPOINT_URL_KINESIS: same SDK setting.
        Map<String, String> properties = Map.of(
                "aws.endpointUrlKinesis", kinesis.endpoint().toString(), "aws.region", kinesis.region(),
                "aws.accessKeyId", kinesis.accessKeyId(), "aws.secretAccessKey", kinesis.secretAccessKey());
        Map<String, String> previous = new java.util.HashMap<>();
        properties.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        try (KinesisClient setup = kinesis.newKinesisClient();
                KinesisClient lambdaClient = TargetClients.kinesis(
                        ForwardTestData.config("TARGET_STREAM_NAME=forward-it-endpoint-setting"))) {
            KinesisStreams.createActive(setup, "forward-it-endpoint-setting", 1);

            forward(lambdaClient, ForwardTestData.config("TARGET_STREAM_NAME=forward-it-endpoint-setting"),
                    KinesisEventBuilder.ofLines(List.of(line("orders", "1"))));

            assertThat(KinesisStreams.readAll(setup, "forward-it-endpoint-setting")).hasSize(1);
        } finally {
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }
}
