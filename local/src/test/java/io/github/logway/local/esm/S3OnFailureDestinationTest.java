package io.github.logway.local.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class S3OnFailureDestinationTest {

    private static final String STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/router";
    private static final String MAPPING = "a1b2c3d4-5678-90ab-cdef-11111EXAMPLE";
    private static final Instant ARRIVAL = Instant.parse("2026-11-24T10:00:00Z");

    private static OnFailureRecord record() {
        List<StreamRecord> records = List.of(
                new StreamRecord("shardId-000000000001", "4960118965842235937883", "pk",
                        "one".getBytes(StandardCharsets.UTF_8), ARRIVAL),
                new StreamRecord("shardId-000000000001", "4960118965842235937884", "pk",
                        "two".getBytes(StandardCharsets.UTF_8), ARRIVAL.plusSeconds(1)));
        String event = new KinesisEventJson(STREAM, "arn:aws:iam::000000000000:role/r").write(records);
        return new OnFailureRecord("c9b8fa9f-5a7f-4a7e-af9c-0c604cde93a5",
                "arn:aws:lambda:us-east-1:000000000000:function:to-s3", OnFailureRecord.RETRY_ATTEMPTS_EXHAUSTED, 3,
                "Unhandled", Instant.parse("2026-11-24T10:05:07.123Z"), STREAM, records, event);
    }

    @Test
    void key_followsLambdasDocumentedLayout() {
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            S3OnFailureDestination destination =
                    new S3OnFailureDestination(s3, "failed-batches", MAPPING, new SplittableRandom(1));

            String key = destination.key(record());

            assertThat(key).matches("aws/lambda/" + MAPPING + "/shardId-000000000001/2026/11/24/"
                    + "2026-11-24T10\\.05\\.07-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(destination.key(record())).isNotEqualTo(key);
        }
    }

    @Test
    void body_holdsTheInvocationRecordAndTheEventAsPayload() throws Exception {
        JsonNode body = new ObjectMapper().readTree(S3OnFailureDestination.body(record()));

        assertThat(body.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(body.path("KinesisBatchInfo").path("batchSize").asInt()).isEqualTo(2);
        assertThat(body.path("payload").isObject()).isTrue();
        assertThat(body.path("payload").path("Records")).hasSize(2);
        assertThat(body.path("payload").path("Records").get(1).path("kinesis").path("sequenceNumber").asText())
                .isEqualTo("4960118965842235937884");
    }
}
