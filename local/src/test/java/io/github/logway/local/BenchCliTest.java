package io.github.logway.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.local.bench.BenchCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCliTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final LogwayCli cli = new LogwayCli("1.2.3-TEST", List.of(new BenchCommand(Clock.systemUTC())));

    private int run(String... args) {
        return cli.run(List.of(args), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    @Test
    void bench_withUnknownFunction_exitsTwoWithTheMessageOnStderrOnly() {
        int exitCode = run("bench", "to-mars", "--event", "x.json");

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("logway bench: unknown FUNCTION 'to-mars'");
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void bench_withHelp_showsBothFormsOfTheCommand() {
        int exitCode = run("bench", "--help");

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .contains("Usage: ./logway bench FUNCTION --event FILE")
                .contains("./logway bench gen --events N --kind json|cwl|kpl|alb --out FILE");
    }

    @Test
    void help_listsTheBenchCommand() {
        run("--help");

        assertThat(errBytes.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^  bench +Time a function");
    }
}
