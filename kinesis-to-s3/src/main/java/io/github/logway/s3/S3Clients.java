package io.github.logway.s3;

import java.time.Duration;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the one S3 client of a function instance (cold start), reused across invocations.
 *
 * <p>Region and credentials come from the SDK's default chains (Lambda sets {@code AWS_REGION} and the role's
 * credentials). The endpoint is S3's unless the SDK's standard {@code AWS_ENDPOINT_URL_S3} or
 * {@code AWS_ENDPOINT_URL} variable (or the {@code aws.endpointUrlS3} system property) overrides it, which is
 * how local servers are reached; {@code S3_FORCE_PATH_STYLE} switches to path-style requests for them.
 *
 * <p>The HTTP client is the AWS CRT one, chosen by measurement against Apache HttpClient 5
 * (benchmarks' {@code S3HttpClientComparison}, docs/kinesis-to-s3.md "HTTP client"): a shorter, cheaper cold
 * start and, under Lambda's default C1-only JIT, several times less CPU per HTTPS upload (native TLS).
 */
final class S3Clients {

    /**
     * A connection that moves no byte for this long is closed and the request fails (then the SDK retries):
     * what Apache's 30 s socket timeout did. The CRT client has no socket read timeout of its own.
     */
    static final Duration STALLED_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    private S3Clients() {
    }

    /** A synchronous client on the AWS CRT HTTP client with one connection per concurrent upload. */
    static S3Client create(KinesisToS3Config config) {
        return S3Client.builder()
                .httpClientBuilder(AwsCrtHttpClient.builder()
                        .maxConcurrency(config.uploadConcurrency())
                        .connectionHealthConfiguration(health -> health
                                .minimumThroughputInBps(1L)
                                .minimumThroughputTimeout(STALLED_CONNECTION_TIMEOUT)))
                .forcePathStyle(config.forcePathStyle())
                .build();
    }
}
