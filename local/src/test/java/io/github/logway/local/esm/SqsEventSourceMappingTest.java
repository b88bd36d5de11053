package io.github.logway.local.esm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** How the SQS mapping reads a function's {@code SQSBatchResponse}, and which settings Lambda refuses. */
class SqsEventSourceMappingTest {

    private static final List<Message> BATCH = List.of(message("m-1"), message("m-2"), message("m-3"));

    private static Message message(String id) {
        return Message.builder().messageId(id).receiptHandle("rh-" + id).body("b").build();
    }

    @Test
    void failedMessageIds_whenNullOrEmptyResponse_reportsNoFailure() {
        assertThat(SqsEventSourceMapping.failedMessageIds("null", BATCH)).isEmpty();
        assertThat(SqsEventSourceMapping.failedMessageIds("{}", BATCH)).isEmpty();
        assertThat(SqsEventSourceMapping.failedMessageIds("{\"batchItemFailures\":[]}", BATCH)).isEmpty();
        assertThat(SqsEventSourceMapping.failedMessageIds("{\"batchItemFailures\":null}", BATCH)).isEmpty();
    }

    @Test
    void failedMessageIds_returnsTheListedMessages() {
        assertThat(SqsEventSourceMapping.failedMessageIds(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-3\"},{\"itemIdentifier\":\"m-1\"}]}", BATCH))
                .containsExactlyInAnyOrder("m-1", "m-3");
    }

    @Test
    void failedMessageIds_whenResponseUnusable_failsTheWholeBatch() {
        assertThat(SqsEventSourceMapping.failedMessageIds("not json", BATCH)).isNull();
        assertThat(SqsEventSourceMapping.failedMessageIds("{\"batchItemFailures\":\"m-1\"}", BATCH)).isNull();
        assertThat(SqsEventSourceMapping.failedMessageIds("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
                BATCH)).isNull();
        assertThat(SqsEventSourceMapping.failedMessageIds("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
                BATCH)).isNull();
        assertThat(SqsEventSourceMapping.failedMessageIds("{\"batchItemFailures\":[{\"id\":\"m-1\"}]}", BATCH))
                .isNull();
        assertThat(SqsEventSourceMapping.failedMessageIds(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-9\"}]}", BATCH)).isNull();
    }

    @Test
    void settings_whenBatchAboveTenWithoutWindow_areRefusedWithEveryProblem() {
        assertThatThrownBy(() -> SqsEsmSettings.DEFAULTS.withBatchSize(100).withPollWait(Duration.ofSeconds(21)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch_size=100: above 10 needs a maximum batching window of at least 1 second");
        assertThatThrownBy(() -> new SqsEsmSettings(100, Duration.ZERO, true, Duration.ofSeconds(60),
                Duration.ofSeconds(21)))
                .hasMessageContaining("batch_size=100")
                .hasMessageContaining("poll wait PT21S: must be 0 to 20 seconds");
    }

    @Test
    void mapping_onAFifoQueue_refusesABatchingWindow() {
        SqsEsmSettings settings = SqsEsmSettings.DEFAULTS.withMaximumBatchingWindow(Duration.ofSeconds(5));

        try (SqsClient sqs = SqsClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            assertThatThrownBy(() -> new SqsEventSourceMapping(sqs, "http://127.0.0.1:1/000000000000/jobs.fifo",
                    "arn:aws:sqs:us-east-1:000000000000:jobs.fifo", settings,
                    (event, timeout) -> new FunctionInvoker.Returned("null"), Clock.systemUTC(), duration -> { },
                    System.err))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maximum batching window PT5S: not supported for a FIFO queue");
        }
    }
}
