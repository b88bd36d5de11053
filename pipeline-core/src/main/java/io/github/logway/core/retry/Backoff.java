package io.github.logway.core.retry;

import io.github.logway.core.Deadline;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a uniformly random time in
 * {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}. Never waits past a {@link Deadline}.
 *
 * <p>Not thread-safe when the random generator is not: use it from the thread that drives the retries.
 */
public final class Backoff {

    private final RetryPolicy policy;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    public Backoff(RetryPolicy policy, RandomGenerator random, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public RetryPolicy policy() {
        return policy;
    }

    /** Whether another attempt is allowed after {@code attemptsMade} attempts. */
    public boolean canRetry(int attemptsMade) {
        return attemptsMade < policy.maxAttempts();
    }

    /** The upper bound of the wait before retry {@code retry} (1-based): {@code min(maxDelay, base * 2^(retry-1))}. */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry is 1-based: " + retry);
        }
        long baseNanos = policy.baseDelay().toNanos();
        long maxNanos = policy.maxDelay().toNanos();
        int shift = Math.min(retry - 1, 62);
        long ceiling = baseNanos > (maxNanos >> shift) ? maxNanos : baseNanos << shift;
        return Duration.ofNanos(Math.min(ceiling, maxNanos));
    }

    /** A random wait before retry {@code retry} (1-based), uniform in {@code [0, ceiling(retry)]}. */
    public Duration delay(int retry) {
        long ceilingNanos = ceiling(retry).toNanos();
        if (ceilingNanos == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(random.nextLong(ceilingNanos + 1));
    }

    /**
     * Waits the jittered delay before retry {@code retry} (1-based), unless that wait would end at or after the
     * deadline.
     *
     * @return {@code true} after waiting, when the retry may go ahead; {@code false} without waiting when the
     *     deadline has passed or would pass during the wait (leave the work behind the checkpoint)
     */
    public boolean sleepBeforeRetry(int retry, Deadline deadline) {
        Duration wait = delay(retry);
        if (deadline.isExpired() || deadline.remaining().compareTo(wait) <= 0) {
            return false;
        }
        sleeper.sleep(wait);
        return true;
    }
}
