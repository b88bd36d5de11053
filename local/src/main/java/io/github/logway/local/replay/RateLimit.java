package io.github.logway.local.replay;

import io.github.logway.core.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code --rate N}: at most N records per second, on average from the first record. Each call waits until the
 * records before it have had their time; it never waits for the first batch.
 */
final class RateLimit {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int recordsPerSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextFree;

    RateLimit(int recordsPerSecond, Clock clock, Sleeper sleeper) {
        if (recordsPerSecond < 1) {
            throw new IllegalArgumentException("recordsPerSecond must be at least 1: " + recordsPerSecond);
        }
        this.recordsPerSecond = recordsPerSecond;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The largest batch to send at once: one second's worth. */
    int recordsPerSecond() {
        return recordsPerSecond;
    }

    /** Waits until {@code records} more may be sent, then books their time. */
    void acquire(int records) {
        Instant now = clock.instant();
        if (nextFree == null || nextFree.isBefore(now)) {
            nextFree = now;
        }
        sleeper.sleep(Duration.between(now, nextFree));
        nextFree = nextFree.plusNanos(records * NANOS_PER_SECOND / recordsPerSecond);
    }
}
