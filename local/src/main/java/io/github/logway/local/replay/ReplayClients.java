package io.github.logway.local.replay;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients replay uses, each built on first use: only the services a run needs are configured. Closing
 * closes the clients this object built, never clients handed to {@link #of}.
 */
public final class ReplayClients implements AutoCloseable {

    private final Lazy<S3Client> s3;
    private final Lazy<KinesisClient> kinesis;
    private final Lazy<SqsClient> sqs;
    private final boolean owned;

    private ReplayClients(Supplier<S3Client> s3, Supplier<KinesisClient> kinesis, Supplier<SqsClient> sqs,
            boolean owned) {
        this.s3 = new Lazy<>(s3);
        this.kinesis = new Lazy<>(kinesis);
        this.sqs = new Lazy<>(sqs);
        this.owned = owned;
    }

    /**
     * Clients from the SDK's default chains: region, credentials and endpoints from the environment, the
     * profile and the SDK's standard variables ({@code AWS_ENDPOINT_URL_KINESIS}, {@code AWS_ENDPOINT_URL_S3},
     * {@code AWS_ENDPOINT_URL_SQS}, {@code AWS_ENDPOINT_URL}), as {@code eval "$(./logway stack up)"} sets them.
     * S3 uses path-style addressing when an endpoint is configured (local servers have no bucket DNS names).
     *
     * @param env the process environment
     */
    public static ReplayClients fromEnvironment(Map<String, String> env) {
        boolean s3Endpoint = env.containsKey("AWS_ENDPOINT_URL_S3") || env.containsKey("AWS_ENDPOINT_URL");
        return new ReplayClients(() -> S3Client.builder().forcePathStyle(s3Endpoint).build(),
                () -> KinesisClient.builder().build(), () -> SqsClient.builder().build(), true);
    }

    /** Clients the caller built and closes (tests pass the local servers' clients). */
    public static ReplayClients of(S3Client s3, KinesisClient kinesis, SqsClient sqs) {
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(kinesis, "kinesis");
        Objects.requireNonNull(sqs, "sqs");
        return new ReplayClients(() -> s3, () -> kinesis, () -> sqs, false);
    }

    S3Client s3() {
        return s3.get();
    }

    KinesisClient kinesis() {
        return kinesis.get();
    }

    SqsClient sqs() {
        return sqs.get();
    }

    @Override
    public void close() {
        if (owned) {
            s3.close();
            kinesis.close();
            sqs.close();
        }
    }

    /** A client built on first use. */
    private static final class Lazy<T extends AutoCloseable> {

        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }

        synchronized void close() {
            if (value != null) {
                try {
                    value.close();
                } catch (Exception e) {
                    // closing an SDK client releases memory and connections only; nothing to report
                }
            }
        }
    }
}
