package io.github.logway.local.bench;

import io.github.logway.elb.ContinuationQueue;
import java.util.concurrent.atomic.AtomicLong;

/** elb's continuation queue in the bench: accepts every message and keeps nothing, counting them. */
final class DiscardingContinuationQueue implements ContinuationQueue {

    private final AtomicLong sent = new AtomicLong();

    @Override
    public void send(String queueUrl, String body) {
        sent.incrementAndGet();
    }

    /** Messages sent so far. */
    long sent() {
        return sent.get();
    }
}
