package io.github.logway.local.esm;

/**
 * What an SQS event source mapping did, cumulatively.
 *
 * @param invocations function invocations
 * @param functionErrors invocations that threw or timed out: nothing of their batch was deleted
 * @param invalidResponses invocations whose {@code batchItemFailures} Lambda cannot use (not JSON, an identifier
 *     null, empty or not in the batch): a failure of the whole batch, nothing deleted
 * @param partialFailures invocations that reported at least one failed message
 * @param messagesReceived messages received (a redelivered message counts again)
 * @param messagesDeleted messages deleted after their invocation succeeded
 * @param messagesLeftForRetry messages left on the queue to reappear after the visibility timeout
 * @param deleteFailures messages whose deletion SQS refused (they reappear and are processed again)
 */
public record SqsEsmStats(
        long invocations,
        long functionErrors,
        long invalidResponses,
        long partialFailures,
        long messagesReceived,
        long messagesDeleted,
        long messagesLeftForRetry,
        long deleteFailures) {

    public static final SqsEsmStats ZERO = new SqsEsmStats(0, 0, 0, 0, 0, 0, 0, 0);
}
