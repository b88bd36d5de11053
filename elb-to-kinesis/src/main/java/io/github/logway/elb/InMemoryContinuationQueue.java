package io.github.logway.elb;

import io.github.logway.core.LogwayException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link ContinuationQueue} in memory, for unit tests and {@code logway bench}; never used in Lambda. Keeps every
 * sent message; {@link #failNext} injects failures. Thread-safe.
 */
public final class InMemoryContinuationQueue implements ContinuationQueue {

    /** One sent message. */
    public record SentMessage(String queueUrl, String body) {
    }

    private final List<SentMessage> sent = new ArrayList<>();
    private final List<Supplier<? extends LogwayException>> failures = new ArrayList<>();

    @Override
    public synchronized void send(String queueUrl, String body) {
        if (!failures.isEmpty()) {
            throw failures.remove(0).get();
        }
        sent.add(new SentMessage(queueUrl, body));
    }

    /** The next {@code times} sends throw what {@code failure} supplies. */
    public synchronized void failNext(int times, Supplier<? extends LogwayException> failure) {
        for (int i = 0; i < times; i++) {
            failures.add(failure);
        }
    }

    /** Every message sent so far, in order. */
    public synchronized List<SentMessage> sent() {
        return List.copyOf(sent);
    }

    /** Removes and returns every message sent so far (as a consumer receiving them would). */
    public synchronized List<SentMessage> drain() {
        List<SentMessage> all = List.copyOf(sent);
        sent.clear();
        return all;
    }
}
