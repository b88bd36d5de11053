package io.github.logway.local.stack;

import io.github.logway.local.servers.LocalCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SDK clients for the services of a local stack, with explicit endpoints and the local credentials, and the
 * idempotent creation of streams, buckets and queues ({@code demo}, {@code run}, {@code invoke}).
 */
public final class StackClients implements AutoCloseable {

    /** How long a new stream may stay CREATING (kinesis-local: about 50 ms). */
    private static final Duration STREAM_ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    private final StackEndpoints endpoints;
    private KinesisClient kinesis;
    private S3Client s3;
    private SqsClient sqs;

    /** @param endpoints where the services listen */
    public StackClients(StackEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The stack's endpoints. */
    public StackEndpoints endpoints() {
        return endpoints;
    }

    /** The Kinesis client (kinesis-local speaks the SDK's default CBOR). */
    public synchronized KinesisClient kinesis() {
        if (kinesis == null) {
            kinesis = KinesisClient.builder().endpointOverride(endpoint(StackService.KINESIS))
                    .region(Region.of(LocalCredentials.REGION)).credentialsProvider(credentials()).build();
        }
        return kinesis;
    }

    /** The S3 client, path-style as s3proxy needs. */
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = S3Client.builder().endpointOverride(endpoint(StackService.S3)).forcePathStyle(true)
                    .region(Region.of(LocalCredentials.REGION)).credentialsProvider(credentials()).build();
        }
        return s3;
    }

    /** The SQS client. */
    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = SqsClient.builder().endpointOverride(endpoint(StackService.SQS))
                    .region(Region.of(LocalCredentials.REGION)).credentialsProvider(credentials()).build();
        }
        return sqs;
    }

    /**
     * Creates a stream unless it exists, and waits until it is ACTIVE.
     *
     * @param name the stream
     * @param shards its shard count when created
     * @return its ARN
     */
    public String createStream(String name, int shards) {
        try {
            kinesis().createStream(request -> request.streamName(name).shardCount(shards));
        } catch (ResourceInUseException exists) {
            // created before: fine
        }
        long deadline = System.nanoTime() + STREAM_ACTIVE_TIMEOUT.toNanos();
        while (true) {
            var summary = kinesis().describeStreamSummary(request -> request.streamName(name))
                    .streamDescriptionSummary();
            if (summary.streamStatus() == StreamStatus.ACTIVE) {
                return summary.streamARN();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("stream " + name + " did not become ACTIVE within "
                        + STREAM_ACTIVE_TIMEOUT);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /**
     * Creates a bucket unless it exists.
     *
     * @param name the bucket
     */
    public void createBucket(String name) {
        try {
            s3().createBucket(request -> request.bucket(name));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException exists) {
            // created before: fine
        }
    }

    /**
     * Creates a queue unless it exists (SQS's CreateQueue is idempotent for equal attributes).
     *
     * @param name the queue
     * @param deadLetterQueueArn the dead-letter queue of its redrive policy, if any
     * @param maxReceiveCount receives before a message moves there
     * @param visibilityTimeoutSeconds the queue's visibility timeout
     * @return the queue URL
     */
    public String createQueue(String name, Optional<String> deadLetterQueueArn, int maxReceiveCount,
            int visibilityTimeoutSeconds) {
        Map<QueueAttributeName, String> attributes = new java.util.EnumMap<>(QueueAttributeName.class);
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds));
        deadLetterQueueArn.ifPresent(arn -> attributes.put(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}"));
        return sqs().createQueue(request -> request.queueName(name).attributes(attributes)).queueUrl();
    }

    /**
     * The ARN of a local queue.
     *
     * @param name the queue
     * @return {@code arn:aws:sqs:us-east-1:000000000000:NAME}
     */
    public static String queueArn(String name) {
        return "arn:aws:sqs:" + LocalCredentials.REGION + ":" + LocalCredentials.ACCOUNT_ID + ":" + name;
    }

    /**
     * The ARN of a local stream.
     *
     * @param name the stream
     * @return {@code arn:aws:kinesis:us-east-1:000000000000:stream/NAME}
     */
    public static String streamArn(String name) {
        return "arn:aws:kinesis:" + LocalCredentials.REGION + ":" + LocalCredentials.ACCOUNT_ID + ":stream/" + name;
    }

    private URI endpoint(StackService service) {
        return endpoints.of(service).orElseThrow(() -> new IllegalStateException(
                "the local stack does not run " + service.key()));
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public synchronized void close() {
        if (kinesis != null) {
            kinesis.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (sqs != null) {
            sqs.close();
        }
    }
}
