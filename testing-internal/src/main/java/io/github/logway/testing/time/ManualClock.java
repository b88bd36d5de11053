package io.github.logway.testing.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A {@link Clock} that stands still until the test moves it, for code that takes its time from an injected
 * clock. Safe to read from several threads; in UTC.
 */
public final class ManualClock extends Clock {

    private volatile Instant now;

    private ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * A clock showing {@code start} until moved.
     *
     * @param start the initial instant
     * @return the clock
     */
    public static ManualClock at(Instant start) {
        return new ManualClock(start);
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far, zero or more
     */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward: " + duration);
        }
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Not supported: the manual clock is always UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("ManualClock is always UTC");
    }
}
