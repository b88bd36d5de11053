package io.github.logway.elb;

import io.github.logway.core.LogwayException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An {@link AccessLogSource} in memory, for unit tests and {@code logway bench}; never used in Lambda. Objects are
 * put with an ETag; {@link #failNext} injects failures. Records every open (bucket, key, offset). Thread-safe.
 */
public final class InMemoryAccessLogSource implements AccessLogSource {

    /**
     * One call to {@link #open}.
     *
     * @param offset the requested first byte
     */
    public record OpenCall(String bucket, String key, long offset) {
    }

    private record StoredObject(byte[] body, String eTag) {
    }

    private final Map<String, StoredObject> objects = new HashMap<>();
    private final List<OpenCall> calls = new ArrayList<>();
    private final List<Supplier<? extends LogwayException>> failures = new ArrayList<>();

    /** Stores (or replaces) an object. */
    public synchronized InMemoryAccessLogSource put(String bucket, String key, byte[] body, String eTag) {
        objects.put(bucket + "/" + key, new StoredObject(body.clone(), Objects.requireNonNull(eTag, "eTag")));
        return this;
    }

    /** Removes an object (later opens find it {@link ObjectOpening.Missing}). */
    public synchronized void delete(String bucket, String key) {
        objects.remove(bucket + "/" + key);
    }

    /** The next {@code times} opens throw what {@code failure} supplies. */
    public synchronized void failNext(int times, Supplier<? extends LogwayException> failure) {
        for (int i = 0; i < times; i++) {
            failures.add(failure);
        }
    }

    @Override
    public synchronized ObjectOpening open(String bucket, String key, long offset) {
        calls.add(new OpenCall(bucket, key, offset));
        if (!failures.isEmpty()) {
            throw failures.remove(0).get();
        }
        StoredObject object = objects.get(bucket + "/" + key);
        if (object == null) {
            return new ObjectOpening.Missing();
        }
        int from = (int) Math.min(offset, object.body().length);
        return new ObjectOpening.Opened(
                new ByteArrayInputStream(object.body(), from, object.body().length - from), object.eTag());
    }

    /** Every open so far, in order. */
    public synchronized List<OpenCall> calls() {
        return List.copyOf(calls);
    }
}
