package io.github.logway.core.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently to retry: exponential backoff with full jitter between attempts.
 *
 * @param maxAttempts total attempts including the first, at least 1 (1 = no retry)
 * @param baseDelay upper bound of the first backoff; doubles per retry
 * @param maxDelay cap of the backoff upper bound, at least {@code baseDelay}
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** Default attempts: the first plus 4 retries, about 3 s of backoff in the worst case. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** Default first backoff cap: 100 ms, a shard's throughput budget refills every second. */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(100);
    /** Default backoff cap: 2 s. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(2);

    /** The default policy. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_DELAY,
            DEFAULT_MAX_DELAY);

    /** One attempt, no retry. */
    public static final RetryPolicy NO_RETRY = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (baseDelay.isNegative()) {
            throw new IllegalArgumentException("baseDelay must not be negative: " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " must be at least baseDelay " + baseDelay);
        }
    }

    /** The default delays with {@code maxRetries} retries after the first attempt (e.g. {@code KINESIS_MAX_RETRIES}). */
    public static RetryPolicy withRetries(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        return DEFAULT.withMaxAttempts(maxRetries + 1);
    }

    /** This policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay);
    }
}
