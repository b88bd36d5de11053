package io.github.logway.local.servers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalServerSpecTest {

    private static final HealthCheck ALWAYS = port -> true;

    @Test
    void new_whenNameIsNotUsableInFileName_throws() {
        assertThatThrownBy(() -> new LocalServerSpec(
                        "S3 proxy/1", port -> new ProcessBuilder("true"), ALWAYS, Duration.ofSeconds(1), Path.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must be lowercase letters, digits and '-', usable in a file name: 'S3 proxy/1'");
    }

    @Test
    void new_whenStartTimeoutIsZero_throws() {
        assertThatThrownBy(() -> new LocalServerSpec(
                        "tiny", port -> new ProcessBuilder("true"), ALWAYS, Duration.ZERO, Path.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startTimeout must be positive: PT0S");
    }
}
