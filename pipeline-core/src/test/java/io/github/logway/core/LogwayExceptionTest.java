package io.github.logway.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class LogwayExceptionTest {

    @Test
    void retryable_withCode_exposesCodeMessageAndCause() {
        IOException cause = new IOException("reset");

        RetryableException error = new RetryableException("put failed", "SlowDown", cause);

        assertThat(error).isInstanceOf(LogwayException.class).hasMessage("put failed").hasCause(cause);
        assertThat(error.errorCode()).contains("SlowDown");
    }

    @Test
    void fatal_withoutCode_hasEmptyErrorCode() {
        FatalException error = new FatalException("no bucket");

        assertThat(error).isInstanceOf(LogwayException.class).hasMessage("no bucket").hasNoCause();
        assertThat(error.errorCode()).isEmpty();
    }

    @Test
    void bothFamilies_areUnchecked() {
        assertThat(new RetryableException("x")).isInstanceOf(RuntimeException.class);
        assertThat(new FatalException("x", new IllegalStateException())).isInstanceOf(RuntimeException.class);
    }
}
