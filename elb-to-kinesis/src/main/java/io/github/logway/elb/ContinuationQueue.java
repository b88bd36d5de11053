package io.github.logway.elb;

/**
 * Where continuation messages go (PRODUCT.md §7): SQS in Lambda ({@link SqsContinuationQueue}), memory in tests
 * ({@link InMemoryContinuationQueue}).
 */
public interface ContinuationQueue {

    /**
     * Sends one message.
     *
     * @param queueUrl the queue's URL
     * @param body the message body (a continuation JSON object; no log payload)
     * @throws io.github.logway.core.RetryableException on throttling, 5xx, timeouts: the message may or may not be
     *     sent
     * @throws io.github.logway.core.FatalException on a missing queue, denied access, bad credentials, KMS errors
     */
    void send(String queueUrl, String body);
}
