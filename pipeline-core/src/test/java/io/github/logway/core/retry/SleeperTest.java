package io.github.logway.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.RetryableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SleeperTest {

    @Test
    void system_withZeroOrNegativeDuration_returnsAtOnceEvenWhenInterrupted() {
        Thread.currentThread().interrupt();
        try {
            Sleeper.SYSTEM.sleep(Duration.ZERO);
            Sleeper.SYSTEM.sleep(Duration.ofMillis(-5));
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    @Test
    void system_whenInterrupted_throwsRetryableAndKeepsInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Sleeper.SYSTEM.sleep(Duration.ofSeconds(10)))
                    .isInstanceOf(RetryableException.class)
                    .hasMessageContaining("interrupted")
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
