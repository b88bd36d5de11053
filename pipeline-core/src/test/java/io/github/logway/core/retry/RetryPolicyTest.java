package io.github.logway.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void default_allowsRetriesWithBoundedDelays() {
        assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(5);
        assertThat(RetryPolicy.DEFAULT.baseDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(RetryPolicy.DEFAULT.maxDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void constructor_whenMaxAttemptsBelowOne_throws() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    }

    @Test
    void constructor_whenBaseDelayNegative_throws() {
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseDelay");
    }

    @Test
    void constructor_whenMaxDelayBelowBaseDelay_throws() {
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDelay");
    }

    @Test
    void withRetries_countsTheFirstAttemptExtra() {
        assertThat(RetryPolicy.withRetries(3).maxAttempts()).isEqualTo(4);
        assertThat(RetryPolicy.withRetries(0).maxAttempts()).isEqualTo(1);
    }

    @Test
    void withRetries_whenNegative_throws() {
        assertThatThrownBy(() -> RetryPolicy.withRetries(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
