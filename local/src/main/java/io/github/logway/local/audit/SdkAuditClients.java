package io.github.logway.local.audit;

import java.net.http.HttpClient;
import java.time.Duration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Clients from the SDK's standard settings: region, credentials and endpoints from the environment
 * ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_KINESIS}, ..., as {@code eval
 * "$(./logway stack up)"} sets them), the profile, or the instance role. S3 uses path-style requests when an
 * endpoint is set, as local S3 servers expect.
 */
final class SdkAuditClients implements AuditClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private S3Client s3;
    private KinesisClient kinesis;
    private HttpClient http;

    @Override
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = S3Client.builder().forcePathStyle(s3EndpointConfigured()).build();
        }
        return s3;
    }

    @Override
    public synchronized KinesisClient kinesis() {
        if (kinesis == null) {
            kinesis = KinesisClient.builder().build();
        }
        return kinesis;
    }

    @Override
    public synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        }
        return http;
    }

    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
        }
        if (kinesis != null) {
            kinesis.close();
        }
    }

    private static boolean s3EndpointConfigured() {
        return isSet("AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3") || isSet("AWS_ENDPOINT_URL", "aws.endpointUrl");
    }

    private static boolean isSet(String variable, String property) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(variable);
        }
        return value != null && !value.isBlank();
    }
}
