package io.github.logway.elb;

import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients of elb-to-kinesis, built once at cold start with the SDK's defaults: region and credentials
 * from the Lambda environment, endpoints from the SDK's standard {@code AWS_ENDPOINT_URL_S3} /
 * {@code AWS_ENDPOINT_URL_SQS} / {@code AWS_ENDPOINT_URL_KINESIS} / {@code AWS_ENDPOINT_URL} when set (the local
 * stack), the Apache 5 HTTP client (the only one in the package).
 */
final class ElbClients {

    private ElbClients() {
    }

    /** Reads the access logs and writes the failed log. */
    static S3Client s3() {
        return S3Client.create();
    }

    /** Sends continuation messages. */
    static SqsClient sqs() {
        return SqsClient.create();
    }

    /** Puts the records; in the ARN's region when the target is given as an ARN. */
    static KinesisClient kinesis(ElbToKinesisConfig config) {
        KinesisClientBuilder builder = KinesisClient.builder();
        if (config.targetStream().startsWith("arn:")) {
            builder.region(Region.of(config.targetStream().split(":", 6)[3]));
        }
        return builder.build();
    }
}
