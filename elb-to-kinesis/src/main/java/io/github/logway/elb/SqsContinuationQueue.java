package io.github.logway.elb;

import io.github.logway.core.AwsErrors;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link ContinuationQueue} on SQS ({@code SendMessage}) with the AWS SDK v2. */
public final class SqsContinuationQueue implements ContinuationQueue {

    private final SqsClient sqs;

    public SqsContinuationQueue(SqsClient sqs) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
    }

    @Override
    public void send(String queueUrl, String body) {
        try {
            sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
        } catch (SdkException e) {
            throw AwsErrors.classify("SQS SendMessage to " + queueUrl, e);
        }
    }
}
