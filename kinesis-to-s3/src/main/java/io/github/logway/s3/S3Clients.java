package io.github.logway.s3;

import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the one S3 client of a function instance (cold start), reused across invocations.
 *
 * <p>Region and credentials come from the SDK's default chains (Lambda sets {@code AWS_REGION} and the role's
 * credentials). The endpoint is S3's unless the SDK's standard {@code AWS_ENDPOINT_URL_S3} or
 * {@code AWS_ENDPOINT_URL} variable (or the {@code aws.endpointUrlS3} system property) overrides it, which is
 * how local servers are reached; {@code S3_FORCE_PATH_STYLE} switches to path-style requests for them.
 */
final class S3Clients {

    private S3Clients() {
    }

    /** A synchronous client on Apache HttpClient 5 with one pooled connection per concurrent upload. */
    static S3Client create(KinesisToS3Config config) {
        return S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(config.uploadConcurrency()))
                .forcePathStyle(config.forcePathStyle())
                .build();
    }
}
