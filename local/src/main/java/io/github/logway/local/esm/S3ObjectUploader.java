package io.github.logway.local.esm;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Stores an object in the local S3 server (s3proxy) and then does what S3's event notification to an SQS queue
 * would: sends an {@code ObjectCreated:Put} {@link S3EventNotification} to the queue. s3proxy has no notifications
 * of its own. Like S3, the notification follows the successful PUT; unlike S3, it is sent exactly once, and
 * {@link #notify(S3EventNotification)} sends it again to imitate a duplicate delivery.
 */
public final class S3ObjectUploader {

    private final S3Client s3;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String region;
    private final Clock clock;
    private final RandomGenerator random;
    private long lastSequence;

    /**
     * @param s3 a client of the S3 server
     * @param sqs a client of the SQS server
     * @param queueUrl the queue the bucket's notifications go to
     * @param region the bucket's region, as the notification reports it
     * @param clock the event time
     * @param random request ids
     */
    public S3ObjectUploader(S3Client s3, SqsClient sqs, String queueUrl, String region, Clock clock,
            RandomGenerator random) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Puts the object, then sends its notification.
     *
     * @return the notification sent
     */
    public S3EventNotification put(String bucket, String key, byte[] body) {
        PutObjectResponse response = s3.putObject(request -> request.bucket(bucket).key(key),
                RequestBody.fromBytes(body));
        Instant now = clock.instant();
        S3EventNotification notification = new S3EventNotification(region, now,
                S3EventNotification.OBJECT_CREATED_PUT, bucket, key, body.length, unquoted(response.eTag()),
                sequencer(now), requestId(), hostId());
        notify(notification);
        return notification;
    }

    /** Sends a notification to the queue (again). */
    public void notify(S3EventNotification notification) {
        String body = notification.toJson();
        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    }

    /** An uppercase hexadecimal token that grows with every upload of this uploader, as S3's does per key. */
    private synchronized String sequencer(Instant now) {
        lastSequence = Math.max(lastSequence + 1, now.toEpochMilli() * 1000);
        return String.format(Locale.ROOT, "00%016X", lastSequence);
    }

    private String requestId() {
        return String.format(Locale.ROOT, "%016X", random.nextLong());
    }

    private String hostId() {
        byte[] bytes = new byte[57];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String unquoted(String eTag) {
        if (eTag == null) {
            return "";
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
