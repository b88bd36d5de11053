package io.github.logway.local.esm;

import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS queue as the on-failure destination of a Kinesis event source mapping: one message per discarded
 * batch, its body the invocation record without the payload ({@code requestContext}, {@code responseContext},
 * {@code version}, {@code timestamp}, {@code KinesisBatchInfo}), as Lambda sends it. The message only points at the
 * shard and sequence range; {@code replay --from-sqs} re-reads the records from the stream.
 */
public final class SqsOnFailureDestination implements OnFailureDestination {

    private final SqsClient sqs;
    private final String queueUrl;

    /**
     * @param sqs a client for the queue's endpoint
     * @param queueUrl the destination queue's URL
     */
    public SqsOnFailureDestination(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    /** Sends the record; an SDK exception propagates, and the mapping retries the batch later. */
    @Override
    public void send(OnFailureRecord record) {
        String body = record.toJson(false);
        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    }
}
