package io.github.logway.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.logway.core.config.ConfigException;
import org.junit.jupiter.api.Test;

class KinesisForwardHandlerTest {

    @Test
    void publicConstructor_withoutItsVariables_failsTheColdStartNamingThem() {
        assumeTrue(System.getenv(KinesisForwardConfig.TARGET_STREAM_NAME) == null
                        && System.getenv("FAILED_LOG_S3_BUCKET") == null,
                "the test JVM's environment sets the function's variables");

        assertThatThrownBy(KinesisForwardHandler::new)
                .isInstanceOf(ConfigException.class)
                .satisfies(error -> assertThat(((ConfigException) error).problems())
                        .contains("TARGET_STREAM_NAME is required", "FAILED_LOG_S3_BUCKET is required"));
    }
}
