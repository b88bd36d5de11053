package io.github.logway.testing.servers;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Everything a client needs to talk to the local S3 server (s3proxy), which checks AWS signatures and
 * serves path-style requests only.
 *
 * <p>The client helpers need {@code software.amazon.awssdk:s3} on the caller's test classpath; this module
 * declares it optional so it does not leak into modules that never call them.
 *
 * @param endpoint {@code http://127.0.0.1:PORT}
 * @param region the region to sign requests for
 * @param accessKeyId the access key id the server accepts
 * @param secretAccessKey the matching secret
 */
public record S3Endpoint(URI endpoint, String region, String accessKeyId, String secretAccessKey) {

    /** Validates every component. */
    public S3Endpoint {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /**
     * A client builder set up for this server: endpoint, region, static credentials and path-style access.
     * Add an HTTP client or overrides before {@code build()}.
     *
     * @return a new builder
     */
    public S3ClientBuilder s3ClientBuilder() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .forcePathStyle(true);
    }

    /**
     * A client for this server with the SDK's default HTTP client; the caller closes it.
     *
     * @return a new client
     */
    public S3Client newS3Client() {
        return s3ClientBuilder().build();
    }
}
