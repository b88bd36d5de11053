package io.github.logway.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.local.ExitCodes;
import io.github.logway.local.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new StackCommand(() -> folder.resolve("stack.json")).run(List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void parseServices_whenNone_returnsAllFour() {
        assertThat(StackCommand.parseServices(List.of())).isEqualTo(EnumSet.allOf(StackService.class));
    }

    @Test
    void parseServices_whenList_returnsThoseServices() {
        assertThat(StackCommand.parseServices(List.of("--services", "s3, sqs")))
                .isEqualTo(EnumSet.of(StackService.S3, StackService.SQS));
    }

    @Test
    void parseServices_whenUnknownService_namesTheServices() {
        assertThatThrownBy(() -> StackCommand.parseServices(List.of("--services", "s3,dynamodb")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown service 'dynamodb' in --services; one or more of kinesis, s3, sqs, opensearch");
    }

    @Test
    void run_whenUnknownAction_isUsageError() {
        assertThatThrownBy(() -> run("restart")).isInstanceOf(UsageException.class)
                .hasMessage("unknown action 'restart'; one of up, status, down");
    }

    @Test
    void status_whenNoStack_exitsOneWithNothingOnStdout() {
        assertThat(run("status")).isEqualTo(ExitCodes.UNHANDLED_RECORDS);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no local stack is running");
    }

    @Test
    void down_whenNoStack_succeeds() {
        assertThat(run("down")).isEqualTo(ExitCodes.SUCCESS);
        assertThat(run("down")).isEqualTo(ExitCodes.SUCCESS);
    }

    @Test
    void statusLine_hasServiceEndpointPidAndHealthy() {
        StackState.Server server = new StackState.Server(StackService.S3, 42, null, URI.create("http://127.0.0.1:9"),
                Path.of("s3.log"));

        assertThat(StackCommand.statusLine(server, false))
                .isEqualTo("{\"service\":\"s3\",\"endpoint\":\"http://127.0.0.1:9\",\"pid\":42,\"healthy\":false}");
    }
}
