package io.github.logway.testing.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    private static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void instant_staysPutUntilAdvanced() {
        ManualClock clock = ManualClock.at(START);

        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofMillis(1500));
        assertThat(clock.instant()).isEqualTo(START.plusMillis(1500));
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli() + 1500);
    }

    @Test
    void advance_whenNegative_throws() {
        assertThatThrownBy(() -> ManualClock.at(START).advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a clock only moves forward: PT-1S");
    }
}
