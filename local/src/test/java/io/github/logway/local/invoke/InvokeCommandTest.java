package io.github.logway.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.local.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event files that are refused before any server starts or any handler is built. */
class InvokeCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private int run(String... args) {
        InvokeCommand command = new InvokeCommand(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Map.of(),
                () -> folder.resolve("stack.json"));
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), err);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    @Test
    void run_whenEventFileMissing_isUsageError() {
        assertThatThrownBy(() -> run("to-s3", "--event", folder.resolve("none.json").toString()))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("cannot read event file ");
        assertThat(out.size()).isZero();
    }

    @Test
    void run_whenEventFileIsNotJson_isUsageError() throws IOException {
        Path event = file("text.json", "not json at all");

        assertThatThrownBy(() -> run("to-s3", "--event", event.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("event file " + event + " is not a Kinesis event for to-s3: cannot be read as"
                        + " Lambda event JSON: Unrecognized token 'not'");
        assertThat(out.size()).isZero();
    }

    @Test
    void run_whenSqsEventGivenToKinesisFunction_isUsageError() throws IOException {
        Path event = file("sqs.json", "{\"Records\":[{\"messageId\":\"1\",\"body\":\"{}\",\"eventSource\":\"aws:sqs\"}]}");

        assertThatThrownBy(() -> run("forward", "--event", event.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessage("event file " + event + " is not a Kinesis event for forward: not a Kinesis event:"
                        + " Records[0] has no kinesis.data or kinesis.sequenceNumber");
    }

    @Test
    void run_whenKinesisEventGivenToElb_isUsageError() throws IOException {
        Path event = file("kinesis.json", "{\"Records\":[{\"kinesis\":{\"data\":\"e30=\",\"sequenceNumber\":\"1\"}}]}");

        assertThatThrownBy(() -> run("elb", "--event", event.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessage("event file " + event + " is not an SQS event for elb: not an SQS event: Records[0] has"
                        + " no messageId or body");
    }

    @Test
    void run_whenJsonObjectWithoutRecords_isUsageError() throws IOException {
        Path event = file("empty-object.json", "{}");

        assertThatThrownBy(() -> run("to-es", "--event", event.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageEndingWith("not a Kinesis event: no Records array");
    }

    @Test
    void run_whenDataIsNotBase64_isUsageErrorAsTheLambdaRuntimeCannotReadIt() throws IOException {
        Path event = file("base64.json", "{\"Records\":[{\"kinesis\":{\"data\":\"!!!\",\"sequenceNumber\":\"1\"}}]}");

        assertThatThrownBy(() -> run("to-s3", "--event", event.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Illegal character '!'");
    }
}
