package io.github.logway.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.local.ExitCodes;
import io.github.logway.local.SummaryLine;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final BenchCommand bench = new BenchCommand(Clock.systemUTC());
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int run(String... args) {
        return bench.run(List.of(args), out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private Path gen(EventKind kind, int events) {
        Path file = dir.resolve(kind.cliName() + ".json");
        int exitCode = run("gen", "--events", Integer.toString(events), "--kind", kind.cliName(), "--out",
                file.toString());
        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        return file;
    }

    private JsonNode onlyLine() throws IOException {
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(1);
        return JSON.readTree(lines.get(0));
    }

    @Test
    void bench_toS3OnGeneratedJsonLines_deliversEveryEventWithoutCheckpoint() throws IOException {
        Path event = gen(EventKind.JSON, 200);
        outBytes.reset();

        int exitCode = run("to-s3", "--event", event.toString(), "--repeat", "2", "--warmup", "1");

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        JsonNode line = onlyLine();
        assertThat(line.get("function").asText()).isEqualTo("to-s3");
        assertThat(line.get("file").asText()).isEqualTo(event.toString());
        assertThat(line.get("records").asLong()).isEqualTo(200);
        assertThat(line.get("log_events").asLong()).isEqualTo(200);
        assertThat(line.get("delivered").asLong()).isEqualTo(200);
        assertThat(line.get("diverted").asLong()).isZero();
        assertThat(line.get("repeat").asInt()).isEqualTo(2);
        assertThat(line.get("checkpoint").isNull()).isTrue();
    }

    @Test
    void bench_toEsOnGeneratedJsonLines_deliversEveryEventThroughTheLoopbackServer() throws IOException {
        Path event = gen(EventKind.JSON, 120);
        outBytes.reset();

        int exitCode = run("to-es", "--event", event.toString(), "--repeat", "1", "--warmup", "0");

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        JsonNode line = onlyLine();
        assertThat(line.get("log_events").asLong()).isEqualTo(120);
        assertThat(line.get("delivered").asLong()).isEqualTo(120);
        assertThat(line.get("checkpoint").isNull()).isTrue();
    }

    @Test
    void bench_forwardOnGeneratedCloudWatchLogs_countsFiftyEventsPerRecord() throws IOException {
        Path event = gen(EventKind.CWL, 200);
        outBytes.reset();

        int exitCode = run("forward", "--event", event.toString(), "--repeat", "2", "--warmup", "1");

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        JsonNode line = onlyLine();
        assertThat(line.get("records").asLong()).isEqualTo(4);
        assertThat(line.get("log_events").asLong()).isEqualTo(200);
        assertThat(line.get("delivered").asLong()).isEqualTo(200);
        assertThat(line.get("checkpoint").isNull()).isTrue();
    }

    @Test
    void bench_forwardOnGeneratedKplAggregates_countsEveryUserRecord() throws IOException {
        Path event = gen(EventKind.KPL, 250);
        outBytes.reset();

        int exitCode = run("forward", "--event", event.toString(), "--repeat", "2", "--warmup", "1");

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        JsonNode line = onlyLine();
        assertThat(line.get("records").asLong()).isEqualTo(3);
        assertThat(line.get("log_events").asLong()).isEqualTo(250);
        assertThat(line.get("delivered").asLong()).isEqualTo(250);
        assertThat(line.get("checkpoint").isNull()).isTrue();
    }

    @Test
    void bench_elbOnGeneratedAlbEvent_readsTheLogGzWrittenNextToIt() throws IOException {
        Path event = gen(EventKind.ALB, 150);
        outBytes.reset();

        int exitCode = run("elb", "--event", event.toString(), "--repeat", "2", "--warmup", "1");

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        assertThat(dir.resolve("alb.log.gz")).isRegularFile();
        JsonNode line = onlyLine();
        assertThat(line.get("function").asText()).isEqualTo("elb");
        assertThat(line.get("records").asLong()).isEqualTo(1);
        assertThat(line.get("log_events").asLong()).isEqualTo(150);
        assertThat(line.get("delivered").asLong()).isEqualTo(150);
        assertThat(line.get("checkpoint").isNull()).isTrue();
    }

    @Test
    void bench_withEnvNarrowingTheTimeSkew_countsDivertedEventsInTheSummary() throws IOException {
        Path event = gen(EventKind.JSON, 100);
        outBytes.reset();

        int exitCode = run("to-s3", "--event", event.toString(), "--repeat", "1", "--warmup", "0", "--env",
                "MAX_TIME_SKEW_PAST=PT0.001S");

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        JsonNode line = onlyLine();
        assertThat(line.get("diverted").asLong()).isPositive();
        assertThat(line.get("delivered").asLong() + line.get("diverted").asLong()).isEqualTo(100);
    }

    @Test
    void bench_withTwoEventFiles_printsExactlyOneLineWithTheSummaryKeysPerFile() throws IOException {
        Path json = gen(EventKind.JSON, 50);
        Path kpl = gen(EventKind.KPL, 50);
        outBytes.reset();

        int exitCode = run("forward", "--event", json.toString(), "--event", kpl.toString(), "--repeat", "1",
                "--warmup", "0");

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        assertThat(out()).endsWith("\n");
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(2);
        List<String> files = new ArrayList<>();
        for (String text : lines) {
            JsonNode line = JSON.readTree(text);
            List<String> keys = new ArrayList<>();
            for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
                keys.add(names.next());
            }
            assertThat(keys).isEqualTo(SummaryLine.KEYS);
            files.add(line.get("file").asText());
        }
        assertThat(files).containsExactly(json.toString(), kpl.toString());
    }

    @Test
    void gen_withTheSameClockAndCount_writesIdenticalFiles() throws IOException {
        Clock fixed = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
        BenchCommand first = new BenchCommand(fixed);
        BenchCommand second = new BenchCommand(fixed);
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");

        first.run(List.of("gen", "--events", "120", "--kind", "cwl", "--out", a.toString()), out, err);
        second.run(List.of("gen", "--events", "120", "--kind", "cwl", "--out", b.toString()), out, err);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(out()).isEmpty();
        assertThat(err()).contains("wrote " + a);
    }

    @Test
    void gen_albKind_writesTheLogGzNextToTheEventFileAndNamesItInTheNotification() throws IOException {
        Path event = gen(EventKind.ALB, 10);

        assertThat(dir.resolve("alb.log.gz")).isRegularFile();
        assertThat(Files.readString(event)).contains("alb.log.gz");
        assertThat(err()).contains("wrote " + dir.resolve("alb.log.gz"));
    }

    @Test
    void bench_withUnknownFunction_failsNamingItAndTheAllowedOnes() {
        assertThatThrownBy(() -> run("to-nowhere", "--event", "x.json"))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown FUNCTION 'to-nowhere'; one of to-s3, to-es, forward, elb (or gen)");
    }

    @Test
    void bench_withoutEvent_failsSayingEventIsMissing() {
        assertThatThrownBy(() -> run("to-s3", "--repeat", "2"))
                .isInstanceOf(UsageException.class)
                .hasMessage("missing --event FILE");
    }

    @Test
    void bench_withUnreadableFile_failsNamingTheFile() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> run("to-s3", "--event", missing.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("cannot read event file " + missing);
    }

    @Test
    void bench_withMalformedJson_failsNamingTheFile() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"Records\":[");

        assertThatThrownBy(() -> run("to-s3", "--event", broken.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("event file " + broken + " is not a Kinesis event JSON for to-s3: ");
        assertThat(out()).isEmpty();
    }

    @Test
    void bench_withAnSqsEventForAKinesisFunction_failsSayingWhatIsMissing() {
        Path sqs = gen(EventKind.ALB, 5);

        assertThatThrownBy(() -> run("to-s3", "--event", sqs.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Records[0] has no kinesis.data or kinesis.sequenceNumber");
    }

    @Test
    void bench_elbWithoutTheLogGz_failsNamingTheMissingObject() throws IOException {
        Path event = gen(EventKind.ALB, 5);
        Files.delete(dir.resolve("alb.log.gz"));

        assertThatThrownBy(() -> run("elb", "--event", event.toString(), "--warmup", "0", "--repeat", "1"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("the S3 stand-in has no file for s3://")
                .hasMessageContaining("alb.log.gz");
    }

    @Test
    void bench_withInvalidVariable_failsNamingTheVariable() {
        Path event = gen(EventKind.JSON, 5);

        assertThatThrownBy(() -> run("to-s3", "--event", event.toString(), "--env", "S3_COMPRESSION=bogus"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("invalid configuration for to-s3: ")
                .hasMessageContaining("S3_COMPRESSION");
    }

    @Test
    void bench_withZeroRepeat_failsSayingTheMinimum() {
        assertThatThrownBy(() -> run("to-s3", "--event", "x.json", "--repeat", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--repeat must be an integer of at least 1, got '0'");
    }

    @Test
    void gen_withUnknownKind_failsListingTheKinds() {
        assertThatThrownBy(() -> run("gen", "--events", "5", "--kind", "xml", "--out", "x.json"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--kind must be one of json, cwl, kpl, alb, got 'xml'");
    }
}
