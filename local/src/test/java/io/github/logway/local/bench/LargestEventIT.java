package io.github.logway.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.local.ExitCodes;
import io.github.logway.local.LogwayCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10's memory target: the largest event an event source mapping can deliver, handled by each Kinesis
 * function in a fresh JVM sized like a 256 MB Lambda ({@code -Xmx192m}, the serial collector and C1 only, as the
 * Java runtime starts it). The child runs {@code logway bench FUNCTION --event FILE --repeat 1 --warmup 0}; an
 * {@link OutOfMemoryError} there makes it exit non-zero. No timing is asserted.
 */
class LargestEventIT {

    /**
     * Lambda's limit on an invocation's payload, the event JSON itself (6 MB = 6 MiB here, the larger reading;
     * the base64 of the records and their metadata count): no ESM batch is larger.
     */
    private static final long LAMBDA_INVOCATION_PAYLOAD_BYTES = 6L * 1024 * 1024;
    /** JSON log lines of ~500 B take about 1,218 bytes of event JSON each: 5,200 make 6.33 MB, over the limit. */
    private static final int RECORDS = 5_200;
    private static final List<String> CHILD_JVM_OPTIONS =
            List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final long CHILD_TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path event;

    @BeforeAll
    static void generateTheLargestEvent() {
        event = dir.resolve("largest.json");
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(ignored, true, StandardCharsets.UTF_8);
        int exitCode = new BenchCommand(Clock.systemUTC()).run(List.of("gen", "--events", Integer.toString(RECORDS),
                "--kind", "json", "--out", event.toString()), sink, sink);
        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
    }

    @Test
    void generatedEvent_isAtLeastAsLargeAsLambdasInvocationPayloadLimit() throws IOException {
        assertThat(Files.size(event)).isGreaterThanOrEqualTo(LAMBDA_INVOCATION_PAYLOAD_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"to-s3", "to-es", "forward"})
    void bench_onTheLargestEventInA192MbHeap_deliversEveryEvent(String function)
            throws IOException, InterruptedException {
        Path stderr = dir.resolve(function + ".stderr");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHILD_JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LogwayCli.class.getName());
        command.addAll(List.of("bench", function, "--event", event.toString(), "--repeat", "1", "--warmup", "0"));
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        child.getOutputStream().close();

        String stdout = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }

        String why = "bench " + function + " with " + CHILD_JVM_OPTIONS + "; stderr:\n" + Files.readString(stderr);
        assertThat(exited).as(why).isTrue();
        assertThat(child.exitValue()).as(why).isEqualTo(ExitCodes.SUCCESS);
        List<String> lines = stdout.lines().toList();
        assertThat(lines).as(why).hasSize(1);
        JsonNode summary = JSON.readTree(lines.get(0));
        assertThat(summary.get("function").asText()).isEqualTo(function);
        assertThat(summary.get("records").asLong()).isEqualTo(RECORDS);
        assertThat(summary.get("log_events").asLong()).isEqualTo(RECORDS);
        assertThat(summary.get("delivered").asLong()).isEqualTo(RECORDS);
        assertThat(summary.get("diverted").asLong()).isZero();
        assertThat(summary.get("dropped").asLong()).isZero();
        assertThat(summary.get("checkpoint").isNull()).isTrue();
    }
}
