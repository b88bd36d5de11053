package io.github.logway.local.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.publish.PublishEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ReplayOnFailureBatchTest {

    private static final String BATCH_INFO = "\"KinesisBatchInfo\":{\"shardId\":\"shardId-000000000000\","
            + "\"startSequenceNumber\":\"4960\",\"endSequenceNumber\":\"4970\",\"batchSize\":2,"
            + "\"streamArn\":\"arn:aws:kinesis:us-east-1:000000000000:stream/router\"}";
    private static final String EVENT = "{\"Records\":[{\"kinesis\":{\"partitionKey\":\"pk-1\",\"data\":\""
            + base64("line one") + "\"}},{\"kinesis\":{\"partitionKey\":\"\",\"data\":\""
            + base64("{\"log_id\":\"id-2\"}") + "\"}}]}";

    @Test
    void parse_whenSqsRecord_readsTheRangeAndHasNoPayload() {
        OnFailureBatch batch = OnFailureBatch.parse(bytes("{\"requestContext\":{},\"version\":\"1.0\","
                + "\"timestamp\":\"2026-11-24T10:15:30.123Z\"," + BATCH_INFO + "}"));

        assertThat(batch.streamArn()).isEqualTo("arn:aws:kinesis:us-east-1:000000000000:stream/router");
        assertThat(batch.shardId()).isEqualTo("shardId-000000000000");
        assertThat(batch.startSequenceNumber()).isEqualTo("4960");
        assertThat(batch.endSequenceNumber()).isEqualTo("4970");
        assertThat(batch.batchSize()).isEqualTo(2);
        assertThat(batch.timestamp()).contains(Instant.parse("2026-11-24T10:15:30.123Z"));
        assertThat(batch.payload()).isEmpty();
    }

    @Test
    void parse_whenS3ObjectWithPayloadObject_readsTheRecordsWithTheirPartitionKeys() {
        OnFailureBatch batch = OnFailureBatch.parse(bytes("{" + BATCH_INFO + ",\"payload\":" + EVENT + "}"));

        assertThat(batch.payload()).hasValueSatisfying(records -> assertThat(records).containsExactly(
                PublishEntry.of(bytes("line one"), "pk-1"), PublishEntry.of(bytes("{\"log_id\":\"id-2\"}"), "id-2")));
    }

    @Test
    void parse_whenPayloadIsAJsonString_readsTheSameRecords() {
        String quoted = EVENT.replace("\"", "\\\"");

        OnFailureBatch batch = OnFailureBatch.parse(bytes("{" + BATCH_INFO + ",\"payload\":\"" + quoted + "\"}"));

        assertThat(batch.payload()).hasValueSatisfying(records -> assertThat(records).hasSize(2));
    }

    @Test
    void parse_whenSnsNotification_saysSnsIsNotReplayable() {
        assertThatThrownBy(() -> OnFailureBatch.parse(bytes("{\"Type\":\"Notification\",\"TopicArn\":\"arn\","
                + "\"Message\":\"{}\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an SNS notification: SNS on-failure records are not replayable");
    }

    @Test
    void parse_whenBatchInfoLacksASequence_namesTheField() {
        assertThatThrownBy(() -> OnFailureBatch.parse(bytes("{\"KinesisBatchInfo\":{\"shardId\":\"s\","
                + "\"streamArn\":\"a\",\"startSequenceNumber\":\"1\"}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KinesisBatchInfo has no endSequenceNumber");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(bytes(text));
    }
}
