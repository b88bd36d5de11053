package io.github.logway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-24T10:15:30Z"));

    @Test
    void fromContext_subtractsSafetyMarginFromRemainingTime() {
        Deadline deadline = Deadline.fromContext(FakeLambdaContext.withRemainingTime(clock, Duration.ofMillis(60_000)), Duration.ofSeconds(5), clock);

        assertThat(deadline.instant()).isEqualTo(Instant.parse("2026-11-24T10:16:25Z"));
        assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(55));
    }

    @Test
    void fromContext_whenMarginExceedsRemainingTime_isAlreadyExpired() {
        Deadline deadline = Deadline.fromContext(FakeLambdaContext.withRemainingTime(clock, Duration.ofMillis(3_000)), Duration.ofSeconds(5), clock);

        assertThat(deadline.isExpired()).isTrue();
        assertThat(deadline.remaining()).isEqualTo(Duration.ZERO);
    }

    @Test
    void fromContext_whenMarginNegative_throws() {
        assertThatThrownBy(() -> Deadline.fromContext(FakeLambdaContext.withRemainingTime(clock, Duration.ofMillis(3_000)), Duration.ofMillis(-1), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("safetyMargin");
    }

    @Test
    void remaining_shrinksAsTheClockMoves() {
        Deadline deadline = Deadline.at(clock.instant().plusSeconds(10), clock);

        clock.advance(Duration.ofSeconds(4));

        assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void remaining_afterDeadline_isZeroNotNegative() {
        Deadline deadline = Deadline.at(clock.instant().plusSeconds(1), clock);

        clock.advance(Duration.ofMinutes(1));

        assertThat(deadline.remaining()).isEqualTo(Duration.ZERO);
    }

    @Test
    void isExpired_beforeTheInstant_isFalse() {
        Deadline deadline = Deadline.at(clock.instant().plusMillis(1), clock);

        assertThat(deadline.isExpired()).isFalse();
    }

    @Test
    void isExpired_atTheInstant_isTrue() {
        Deadline deadline = Deadline.at(clock.instant().plusMillis(1), clock);

        clock.advance(Duration.ofMillis(1));

        assertThat(deadline.isExpired()).isTrue();
    }

    @Test
    void hasAtLeast_comparesWithRemainingTimeInclusively() {
        Deadline deadline = Deadline.at(clock.instant().plusSeconds(10), clock);

        assertThat(deadline.hasAtLeast(Duration.ofSeconds(10))).isTrue();
        assertThat(deadline.hasAtLeast(Duration.ofSeconds(10).plusNanos(1))).isFalse();
    }

    @Test
    void none_isNeverExpiredAndConvertsToMillisWithoutOverflow() {
        Deadline deadline = Deadline.none(clock);

        clock.advance(Duration.ofDays(365 * 100));

        assertThat(deadline.isExpired()).isFalse();
        assertThat(deadline.remaining().toMillis()).isGreaterThan(Duration.ofDays(365L * 7000).toMillis());
    }

    @Test
    void clock_returnsTheInjectedClock() {
        assertThat(Deadline.none(clock).clock()).isSameAs(clock);
    }
}
