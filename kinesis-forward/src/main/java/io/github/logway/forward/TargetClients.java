package io.github.logway.forward;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The AWS clients of kinesis-forward, built once at cold start with the SDK's defaults: region and credentials
 * from the Lambda environment, endpoints from the SDK's standard {@code AWS_ENDPOINT_URL_KINESIS} /
 * {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL} when set (the local stack), the Apache 5 HTTP client.
 */
final class TargetClients {

    /** The session name of the assumed target role, visible in the target account's CloudTrail. */
    static final String ROLE_SESSION_NAME = "logway-kinesis-forward";

    private TargetClients() {
    }

    /**
     * The client for the target stream: in the ARN's region when the target is an ARN (Kinesis refuses a
     * {@code StreamARN} of another region), with credentials of {@code TARGET_ROLE_ARN} assumed through STS (and
     * refreshed before they expire) when it is set.
     */
    static KinesisClient kinesis(KinesisForwardConfig config) {
        KinesisClientBuilder builder = KinesisClient.builder();
        config.targetRegion().ifPresent(region -> builder.region(Region.of(region)));
        assumedRole(config.targetRoleArn()).ifPresent(builder::credentialsProvider);
        return builder.build();
    }

    /** The client of the failed-log bucket, with the function's own credentials. */
    static S3Client s3() {
        return S3Client.create();
    }

    private static Optional<AwsCredentialsProvider> assumedRole(Optional<String> roleArn) {
        return roleArn.map(role -> StsAssumeRoleCredentialsProvider.builder()
                .stsClient(StsClient.create())
                .refreshRequest(request -> request.roleArn(role).roleSessionName(ROLE_SESSION_NAME))
                .build());
    }
}
