package io.github.logway.core.retry;

import io.github.logway.core.RetryableException;
import java.time.Duration;

/**
 * Waits. Injected wherever code backs off, so tests neither wait nor depend on wall time.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Sleeps on the current thread with {@link Thread#sleep(long, int)}. An interrupt restores the thread's
     * interrupt flag and throws {@link RetryableException}: the work is left for re-delivery.
     */
    Sleeper SYSTEM = duration -> {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableException("interrupted while backing off", e);
        }
    };

    /** Sleeps for {@code duration}; zero or negative durations return at once. */
    void sleep(Duration duration);
}
