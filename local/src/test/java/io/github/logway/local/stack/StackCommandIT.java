package io.github.logway.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.local.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.github.logway.testing.servers.WithLocalServers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stack up}, {@code status}, {@code up} again, {@code down}: the four real servers, once. Tagged like the
 * {@code @WithLocalServers} classes so that only failsafe runs it.
 */
@Tag(WithLocalServers.TAG)
class StackCommandIT {

    @TempDir
    Path folder;

    private record Run(int exitCode, List<String> out, String err) {}

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = new StackCommand(() -> folder.resolve("stack.json")).run(List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void upStatusDown_roundTrip() {
        try {
            Run up = run("up");
            assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(up.out()).allMatch(line -> line.startsWith("export "));
            assertThat(up.out()).extracting(line -> line.substring("export ".length(), line.indexOf('=')))
                    .containsExactly("AWS_ENDPOINT_URL_KINESIS", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_SQS",
                            "ES_HOST", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
            assertThat(up.err()).contains("kinesis-local listens on all interfaces");
            assertThat(Files.exists(folder.resolve("stack.json"))).isTrue();

            Run status = run("status");
            assertThat(status.exitCode()).as(status.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(status.out()).hasSize(4).allMatch(line -> line.matches(
                    "\\{\"service\":\"[a-z0-9]+\",\"endpoint\":\"http://127\\.0\\.0\\.1:\\d+\",\"pid\":\\d+,"
                            + "\"healthy\":true}"));

            Run again = run("up");
            assertThat(again.exitCode()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(again.out()).isEqualTo(up.out());
            assertThat(again.err()).contains("already running");
        } finally {
            Run down = run("down");
            assertThat(down.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        }
        assertThat(Files.exists(folder.resolve("stack.json"))).isFalse();
        Run status = run("status");
        assertThat(status.exitCode()).isEqualTo(ExitCodes.UNHANDLED_RECORDS);
        assertThat(status.out()).isEmpty();
    }
}
