package io.github.logway.core.store;

/**
 * Where objects go: S3 in Lambda ({@link S3ObjectStore}), memory in tests and the bench
 * ({@link InMemoryObjectStore}).
 */
public interface ObjectStore {

    /**
     * Stores {@code body} under {@code bucket}/{@code key}, replacing any object there.
     *
     * @throws io.github.logway.core.RetryableException on throttling, 5xx, timeouts: the object may or may not
     *     be stored; retry or leave the records behind the checkpoint
     * @throws io.github.logway.core.FatalException on denied access, a missing bucket, bad credentials or KMS
     *     key errors
     */
    void put(String bucket, String key, byte[] body, PutOptions options);
}
