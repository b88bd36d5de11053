package io.github.logway.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.local.UsageException;
import io.github.logway.local.LogwayFunction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeOptionsTest {

    @Test
    void parse_whenFunctionEventAndEnv_returnsThemWithDefaults() {
        InvokeOptions options = InvokeOptions.parse(List.of("to-s3", "--event", "e.json", "--env", "A=1",
                "--env", "B=x=y", "--env", "A=2"));

        assertThat(options.function()).isEqualTo(LogwayFunction.TO_S3);
        assertThat(options.eventFile()).isEqualTo("e.json");
        assertThat(options.env()).isEqualTo(Map.of("A", "2", "B", "x=y"));
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.aws()).isFalse();
    }

    @Test
    void parse_whenTimeoutAndAws_setsThem() {
        InvokeOptions options = InvokeOptions.parse(List.of("elb", "--timeout", "30", "--aws", "--event", "e"));

        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.aws()).isTrue();
    }

    @Test
    void parse_whenUnknownFunction_namesTheFunctions() {
        assertThatThrownBy(() -> InvokeOptions.parse(List.of("to-x", "--event", "e")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown FUNCTION 'to-x'; one of to-s3, to-es, forward, elb");
    }

    @Test
    void parse_whenNoEvent_fails() {
        assertThatThrownBy(() -> InvokeOptions.parse(List.of("to-es")))
                .isInstanceOf(UsageException.class).hasMessage("missing --event FILE");
    }

    @Test
    void parse_whenTwoEvents_fails() {
        assertThatThrownBy(() -> InvokeOptions.parse(List.of("to-es", "--event", "a", "--event", "b")))
                .isInstanceOf(UsageException.class).hasMessage("--event given twice; invoke runs one event file");
    }

    @Test
    void parse_whenEnvWithoutName_fails() {
        assertThatThrownBy(() -> InvokeOptions.parse(List.of("forward", "--event", "e", "--env", "=v")))
                .isInstanceOf(UsageException.class).hasMessage("--env takes K=V with a non-empty K, got '=v'");
    }

    @Test
    void parse_whenTimeoutOutOfRange_fails() {
        assertThatThrownBy(() -> InvokeOptions.parse(List.of("forward", "--event", "e", "--timeout", "901")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--timeout must be whole seconds from 1 to 900, got '901'");
    }

    @Test
    void parse_whenOptionLacksValue_fails() {
        assertThatThrownBy(() -> InvokeOptions.parse(List.of("forward", "--event")))
                .isInstanceOf(UsageException.class).hasMessage("--event needs a value");
    }

    @Test
    void parse_whenUnknownOption_listsTheOptions() {
        assertThatThrownBy(() -> InvokeOptions.parse(List.of("forward", "--repeat", "3")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--repeat'; options: --event, --env, --timeout, --aws");
    }
}
