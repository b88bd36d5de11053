package io.github.logway.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.Deadline;
import io.github.logway.testing.time.ManualClock;
import io.github.logway.core.testing.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1));

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    /** A generator that always returns the largest value allowed. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    /** A generator that always returns zero. */
    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    @Test
    void ceiling_doublesPerRetryUpToMaxDelay() {
        Backoff backoff = new Backoff(POLICY, LOWEST, sleeper);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(200)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void ceiling_whenRetryNotPositive_throws() {
        Backoff backoff = new Backoff(POLICY, LOWEST, sleeper);

        assertThatThrownBy(() -> backoff.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delay_withHighestRandom_equalsCeiling() {
        Backoff backoff = new Backoff(POLICY, HIGHEST, sleeper);

        assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void delay_withLowestRandom_isZero() {
        Backoff backoff = new Backoff(POLICY, LOWEST, sleeper);

        assertThat(backoff.delay(3)).isEqualTo(Duration.ZERO);
    }

    @Test
    void delay_isFullJitterWithinZeroAndCeiling() {
        Backoff backoff = new Backoff(POLICY, new SplittableRandom(42), sleeper);

        for (int retry = 1; retry <= 6; retry++) {
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(retry)).isBetween(Duration.ZERO, backoff.ceiling(retry));
            }
        }
    }

    @Test
    void delay_spreadsOverTheRange() {
        Backoff backoff = new Backoff(POLICY, new SplittableRandom(7), sleeper);

        long below = 0;
        for (int i = 0; i < 1000; i++) {
            if (backoff.delay(5).compareTo(Duration.ofMillis(500)) < 0) {
                below++;
            }
        }

        assertThat(below).isBetween(400L, 600L);
    }

    @Test
    void delay_withZeroBaseDelay_isZeroWithoutAskingRandom() {
        Backoff backoff = new Backoff(RetryPolicy.NO_RETRY.withMaxAttempts(3), HIGHEST, sleeper);

        assertThat(backoff.delay(2)).isEqualTo(Duration.ZERO);
    }

    @Test
    void canRetry_untilMaxAttemptsMade() {
        Backoff backoff = new Backoff(POLICY, LOWEST, sleeper);

        assertThat(backoff.canRetry(4)).isTrue();
        assertThat(backoff.canRetry(5)).isFalse();
    }

    @Test
    void sleepBeforeRetry_withTimeLeft_sleepsTheDelay() {
        Backoff backoff = new Backoff(POLICY, HIGHEST, sleeper);

        boolean retry = backoff.sleepBeforeRetry(2, Deadline.at(clock.instant().plusSeconds(10), clock));

        assertThat(retry).isTrue();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void sleepBeforeRetry_whenDelayWouldPassDeadline_returnsFalseWithoutSleeping() {
        Backoff backoff = new Backoff(POLICY, HIGHEST, sleeper);

        boolean retry = backoff.sleepBeforeRetry(2, Deadline.at(clock.instant().plusMillis(150), clock));

        assertThat(retry).isFalse();
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void sleepBeforeRetry_whenDelayEndsExactlyAtDeadline_returnsFalse() {
        Backoff backoff = new Backoff(POLICY, HIGHEST, sleeper);

        boolean retry = backoff.sleepBeforeRetry(1, Deadline.at(clock.instant().plusMillis(100), clock));

        assertThat(retry).isFalse();
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void sleepBeforeRetry_whenDeadlinePassed_returnsFalseEvenForZeroDelay() {
        Backoff backoff = new Backoff(POLICY, LOWEST, sleeper);

        boolean retry = backoff.sleepBeforeRetry(1, Deadline.at(clock.instant(), clock));

        assertThat(retry).isFalse();
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void sleepBeforeRetry_neverMovesTheClockPastTheDeadline() {
        Backoff backoff = new Backoff(POLICY, new SplittableRandom(3), sleeper);
        Deadline deadline = Deadline.at(clock.instant().plusMillis(1500), clock);

        int retry = 1;
        while (backoff.sleepBeforeRetry(retry, deadline)) {
            retry++;
        }

        assertThat(deadline.isExpired()).isFalse();
    }
}
