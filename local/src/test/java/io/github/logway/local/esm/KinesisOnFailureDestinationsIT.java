package io.github.logway.local.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.testing.servers.KinesisEndpoint;
import io.github.logway.testing.servers.KinesisStreams;
import io.github.logway.testing.servers.S3Endpoint;
import io.github.logway.testing.servers.SqsEndpoint;
import io.github.logway.testing.servers.WithLocalServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A Kinesis event source mapping whose function always fails, with its retries used up, sends the batch to a real
 * SQS queue (ElasticMQ) or S3 bucket (s3proxy), in the shape Lambda gives the record.
 */
@WithLocalServers
class KinesisOnFailureDestinationsIT {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:always-fails";
    private static final String MAPPING_UUID = "6d9bfb0e-1b2c-4d3e-8f40-5a6b7c8d9e0f";
    private static final int RECORDS = 5;
    private static final int MAXIMUM_RETRY_ATTEMPTS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    private final AtomicInteger invocations = new AtomicInteger();
    private final RequestHandler<KinesisEvent, StreamsEventResponse> alwaysFails = (event, context) -> {
        invocations.incrementAndGet();
        throw new IllegalStateException("the sink is down");
    };

    @Test
    void exhaustedBatch_landsInTheSqsDestinationAsLambdasInvocationRecordWithoutPayload(
            KinesisEndpoint kinesisEndpoint, SqsEndpoint sqsEndpoint) throws Exception {
        try (KinesisClient kinesis = kinesisEndpoint.newKinesisClient(); SqsClient sqs = sqsEndpoint.newSqsClient()) {
            String stream = "hc-on-failure-sqs";
            KinesisStreams.createActive(kinesis, stream, 1);
            List<String> sequences = put(kinesis, stream);
            String queueUrl = sqs.createQueue(request -> request.queueName("hc-on-failure-sqs-dlq")).queueUrl();
            String streamArn = kinesisEndpoint.streamArn("000000000000", stream);

            EsmStats stats = run(kinesis, streamArn, new SqsOnFailureDestination(sqs, queueUrl));

            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(2)).messages();
            assertThat(messages).hasSize(1);
            JsonNode record = JSON.readTree(messages.get(0).body());
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(record.path("requestContext").path("functionArn").asText()).isEqualTo(FUNCTION);
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt())
                    .isEqualTo(MAXIMUM_RETRY_ATTEMPTS + 1);
            assertThat(record.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
            assertThat(record.path("version").asText()).isEqualTo("1.0");
            JsonNode batch = record.path("KinesisBatchInfo");
            assertThat(batch.path("shardId").asText()).isEqualTo("shardId-000000000000");
            assertThat(batch.path("startSequenceNumber").asText()).isEqualTo(sequences.get(0));
            assertThat(batch.path("endSequenceNumber").asText()).isEqualTo(sequences.get(RECORDS - 1));
            assertThat(batch.path("batchSize").asInt()).isEqualTo(RECORDS);
            assertThat(batch.path("streamArn").asText()).isEqualTo(streamArn);
            assertThat(record.has("payload")).isFalse();
            assertThat(invocations.get()).isEqualTo(MAXIMUM_RETRY_ATTEMPTS + 1);
            assertThat(stats.batchesDiscarded()).isEqualTo(1);
            assertThat(stats.recordsDiscarded()).isEqualTo(RECORDS);
        }
    }

    @Test
    void exhaustedBatch_landsInTheS3DestinationWithThePayload(KinesisEndpoint kinesisEndpoint, S3Endpoint s3Endpoint)
            throws Exception {
        try (KinesisClient kinesis = kinesisEndpoint.newKinesisClient(); S3Client s3 = s3Endpoint.newS3Client()) {
            String stream = "hc-on-failure-s3";
            KinesisStreams.createActive(kinesis, stream, 1);
            List<String> sequences = put(kinesis, stream);
            s3.createBucket(request -> request.bucket("hc-on-failure-batches"));
            String streamArn = kinesisEndpoint.streamArn("000000000000", stream);

            run(kinesis, streamArn, new S3OnFailureDestination(s3, "hc-on-failure-batches", MAPPING_UUID,
                    new SplittableRandom(3)));

            List<S3Object> objects = s3.listObjectsV2(request -> request.bucket("hc-on-failure-batches")).contents();
            assertThat(objects).singleElement().satisfies(object -> assertThat(object.key()).matches(
                    "aws/lambda/" + MAPPING_UUID + "/shardId-000000000000/\\d{4}/\\d{2}/\\d{2}/"
                            + "\\d{4}-\\d{2}-\\d{2}T\\d{2}\\.\\d{2}\\.\\d{2}-[0-9a-f-]{36}"));
            JsonNode record = JSON.readTree(s3.getObjectAsBytes(request -> request.bucket("hc-on-failure-batches")
                    .key(objects.get(0).key())).asByteArray());
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(record.path("KinesisBatchInfo").path("startSequenceNumber").asText())
                    .isEqualTo(sequences.get(0));
            JsonNode payload = record.path("payload").path("Records");
            assertThat(payload).hasSize(RECORDS);
            List<String> data = new ArrayList<>();
            for (JsonNode kinesisRecord : payload) {
                data.add(new String(Base64.getDecoder().decode(kinesisRecord.path("kinesis").path("data").asText()),
                        StandardCharsets.UTF_8));
                assertThat(kinesisRecord.path("eventSourceARN").asText()).isEqualTo(streamArn);
            }
            assertThat(data).containsExactly("record-0", "record-1", "record-2", "record-3", "record-4");
        }
    }

    private EsmStats run(KinesisClient kinesis, String streamArn, OnFailureDestination destination)
            throws InterruptedException {
        EsmSettings settings = EsmSettings.DEFAULTS.withBatchSize(RECORDS)
                .withMaximumRetryAttempts(MAXIMUM_RETRY_ATTEMPTS).withRetryDelay(Duration.ZERO);
        try (HandlerInvoker<KinesisEvent, StreamsEventResponse> invoker = new HandlerInvoker<>(alwaysFails,
                KinesisEvent.class, StreamsEventResponse.class, "always-fails", FUNCTION, 512, Clock.systemUTC(),
                out);
             KinesisEventSourceMapping mapping = new KinesisEventSourceMapping(kinesis, streamArn, settings, invoker,
                     destination, FUNCTION, Clock.systemUTC(), Sleeper.SYSTEM, out)) {
            mapping.start();
            assertThat(mapping.awaitIdle(Duration.ofSeconds(30))).as("drained; log: %s", log).isTrue();
            return mapping.stats();
        }
    }

    private static List<String> put(KinesisClient kinesis, String stream) {
        List<String> sequences = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String text = "record-" + i;
            sequences.add(kinesis.putRecord(request -> request.streamName(stream).partitionKey("pk")
                    .data(SdkBytes.fromUtf8String(text))).sequenceNumber());
        }
        return sequences;
    }
}
