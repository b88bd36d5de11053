package io.github.logway.local.bench;

import io.github.logway.core.store.ObjectStore;
import io.github.logway.core.store.PutOptions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link ObjectStore} that accepts every object and keeps nothing: the bench's S3 and failed log. It counts
 * what it was handed (thread-safe: kinesis-to-s3 uploads from a pool).
 */
final class DiscardingObjectStore implements ObjectStore {

    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    @Override
    public void put(String bucket, String key, byte[] body, PutOptions options) {
        objects.incrementAndGet();
        bytes.addAndGet(body.length);
    }

    /** Objects handed over so far. */
    long objects() {
        return objects.get();
    }

    /** Body bytes handed over so far. */
    long bytes() {
        return bytes.get();
    }
}
