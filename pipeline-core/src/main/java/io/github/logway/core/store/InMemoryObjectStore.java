package io.github.logway.core.store;

import io.github.logway.core.LogwayException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An {@link ObjectStore} in memory, for unit tests of every module and for {@code logway bench}; never used in
 * Lambda. Failures can be injected per key: a put whose key matches a rule throws the rule's exception and
 * stores nothing. Thread-safe.
 */
public final class InMemoryObjectStore implements ObjectStore {

    private final Map<String, StoredObject> objects = new TreeMap<>();
    private final List<FailureRule> failures = new ArrayList<>();
    private int putAttempts;

    /**
     * One stored object.
     *
     * @param body the stored bytes (a copy; do not modify)
     */
    public record StoredObject(String bucket, String key, byte[] body, PutOptions options) {

        public StoredObject {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(options, "options");
        }

        /** The body as UTF-8 text (no decompression). */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredObject that && bucket.equals(that.bucket) && key.equals(that.key)
                    && Arrays.equals(body, that.body) && options.equals(that.options);
        }

        @Override
        public int hashCode() {
            return Objects.hash(bucket, key, Arrays.hashCode(body), options);
        }

        @Override
        public String toString() {
            return "StoredObject[s3://" + bucket + "/" + key + ", bytes=" + body.length + ", options=" + options + "]";
        }
    }

    private static final class FailureRule {
        final Predicate<String> keyMatches;
        final Supplier<? extends LogwayException> failure;
        int remaining;

        FailureRule(Predicate<String> keyMatches, int times, Supplier<? extends LogwayException> failure) {
            this.keyMatches = keyMatches;
            this.remaining = times;
            this.failure = failure;
        }
    }

    @Override
    public synchronized void put(String bucket, String key, byte[] body, PutOptions options) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(options, "options");
        putAttempts++;
        for (FailureRule rule : failures) {
            if (rule.remaining != 0 && rule.keyMatches.test(key)) {
                if (rule.remaining > 0) {
                    rule.remaining--;
                }
                throw rule.failure.get();
            }
        }
        objects.put(bucket + "/" + key, new StoredObject(bucket, key, body.clone(), options));
    }

    /** Every put whose key matches throws what {@code failure} supplies, until {@link #clearFailures()}. */
    public synchronized void failWhen(Predicate<String> keyMatches, Supplier<? extends LogwayException> failure) {
        failures.add(new FailureRule(keyMatches, -1, failure));
    }

    /** The next {@code times} puts whose key matches throw what {@code failure} supplies. */
    public synchronized void failTimes(
            Predicate<String> keyMatches, int times, Supplier<? extends LogwayException> failure) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        failures.add(new FailureRule(keyMatches, times, failure));
    }

    /** Removes every failure rule. */
    public synchronized void clearFailures() {
        failures.clear();
    }

    /** The object at {@code bucket}/{@code key}, if stored. */
    public synchronized Optional<StoredObject> get(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key));
    }

    /** The keys stored in {@code bucket}, sorted. */
    public synchronized List<String> keys(String bucket) {
        List<String> keys = new ArrayList<>();
        for (StoredObject object : objects.values()) {
            if (object.bucket().equals(bucket)) {
                keys.add(object.key());
            }
        }
        return keys;
    }

    /** Every stored object, sorted by their {@code bucket/key} path. */
    public synchronized List<StoredObject> objects() {
        return List.copyOf(objects.values());
    }

    /** Puts attempted so far, failed ones included. */
    public synchronized int putAttempts() {
        return putAttempts;
    }
}
