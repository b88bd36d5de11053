package io.github.logway.elb;

/**
 * Where access-log objects are read from: S3 in Lambda ({@link S3AccessLogSource}), memory in tests and the bench
 * ({@link InMemoryAccessLogSource}).
 */
public interface AccessLogSource {

    /**
     * Opens {@code bucket}/{@code key} for streaming from byte {@code offset} (a ranged GET when above 0). The
     * caller reads the body as it goes and closes it.
     *
     * @param offset the first byte to read, 0 for the whole object; at or past the end gives an empty body
     * @return the object's body and ETag, or {@link ObjectOpening.Missing} when there is no such object (deleted
     *     since the notification)
     * @throws io.github.logway.core.RetryableException on throttling, 5xx, timeouts
     * @throws io.github.logway.core.FatalException on denied access, a missing bucket, bad credentials, KMS errors
     */
    ObjectOpening open(String bucket, String key, long offset);
}
