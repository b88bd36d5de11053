package io.github.logway.local.esm;

/**
 * Where an event source mapping sends discarded batches (DestinationConfig.OnFailure): an SQS queue, an SNS
 * topic or an S3 bucket in Lambda; locally an SQS queue (ElasticMQ), an S3 bucket (s3proxy) or memory.
 */
@FunctionalInterface
public interface OnFailureDestination {

    /** A destination that keeps nothing: the batch is only counted (Lambda without a destination). */
    OnFailureDestination NONE = record -> { };

    /**
     * Stores the record. A failure here is reported by the runner and the batch is retried, as Lambda does
     * when it cannot reach the destination.
     */
    void send(OnFailureRecord record);
}
