package io.github.logway.local.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.local.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of {@code size} against figures worked out by hand (month = 730 h = 2,628,000 s; 1,769 MB /
 * 1,024 = 1.7275390625 GB per vCPU), its JSON keys and its usage errors.
 */
class SizeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SizeCommand command = new SizeCommand();
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private JsonNode run(String... args) throws Exception {
        int exitCode = command.run(List.of(args), out, err);
        assertThat(exitCode).isZero();
        String stdout = outBytes.toString(StandardCharsets.UTF_8);
        assertThat(stdout.lines()).hasSize(1);
        return JSON.readTree(stdout);
    }

    /*
     * 1 MB/s of 500-byte records = 2,000 records/s -> shards = max(1, 2) = 2; forward: 2 streams.
     * Kinesis: 2 x 2 x 730 h x $0.015 = 43.80; 2,000 x 1 unit x 2 streams x 2,628,000 s = 10.512e9 units x $0.014/M
     *   = 147.168; 190.968.
     * Lambda (C1, 1,024 MB): GB-s/s = 1 x (1/19 + 1/37 + 1/57) x 1.7275390625 = 0.167922; x 2,628,000 x
     *   $0.0000166667 = 7.355; requests max(2,000/100, 2) = 20/s x 3 x 2,628,000 = 157.68M x $0.20/M = 31.536;
     *   38.891.
     * S3: 86.4 GB/day x 30 / 6.2 = 418.065 GB x $0.023 = 9.6155; 20 PUT/s x 2,628,000 = 52.56M / 1,000 x $0.005
     *   = 262.80; 272.4155.
     */
    @Test
    void size_atOneMegabytePerSecondWithDefaults_matchesTheHandComputedFigures() throws Exception {
        JsonNode line = run("--mb-per-s", "1");

        assertThat(line.path("mb_per_s").asDouble()).isEqualTo(1.0);
        assertThat(line.path("shards").asInt()).isEqualTo(2);
        assertThat(line.path("lambda_concurrency").asInt()).isEqualTo(6);
        assertThat(line.path("memory_mb").asInt()).isEqualTo(1024);
        assertThat(line.path("monthly_usd").path("kinesis").asDouble()).isEqualTo(190.97);
        assertThat(line.path("monthly_usd").path("lambda").asDouble()).isEqualTo(38.89);
        assertThat(line.path("monthly_usd").path("s3").asDouble()).isEqualTo(272.42);
        assertThat(line.path("monthly_usd").path("total").asDouble()).isEqualTo(502.28);
    }

    /*
     * 100 GB/day = 1.157407 MB/s = 2,314.81 records/s -> shards = max(2, 3) = 3 (the records limit); one stream.
     * Kinesis: 3 x 730 x 0.015 = 32.85; 2,314.81 x 2,628,000 = 6.0833e9 units -> 85.167; 118.017.
     * Lambda: 1.157407 / 19 x 1.7275390625 x 2,628,000 = 276,557 GB-s -> 4.609; requests 23.148/s x 2,628,000
     *   = 60.833M -> 12.167; 16.776.
     * S3: 100 x 30 / 6.2 = 483.87 GB -> 11.129; 60.833M PUTs -> 304.167; 315.296.
     */
    @Test
    void size_atOneHundredGigabytesPerDayToS3Only_isLimitedByRecordsPerSecond() throws Exception {
        JsonNode line = run("--gb-per-day", "100", "--functions", "to-s3");

        assertThat(line.path("mb_per_s").asDouble()).isEqualTo(1.157);
        assertThat(line.path("shards").asInt()).isEqualTo(3);
        assertThat(line.path("lambda_concurrency").asInt()).isEqualTo(3);
        assertThat(line.path("monthly_usd").path("kinesis").asDouble()).isEqualTo(118.02);
        assertThat(line.path("monthly_usd").path("lambda").asDouble()).isEqualTo(16.78);
        assertThat(line.path("monthly_usd").path("s3").asDouble()).isEqualTo(315.30);
        assertThat(line.path("monthly_usd").path("total").asDouble()).isEqualTo(450.10);
    }

    /*
     * 5 MB/s of 2,000-byte records = 2,500 records/s -> shards = max(5, 3) = 5 (the bytes limit); one stream.
     * Kinesis: 5 x 730 x 0.015 = 54.75; 2,500 x 2,628,000 = 6.57e9 units -> 91.98; 146.73.
     * Lambda, to-es under C2 (90 MB/s per vCPU), 2,048 MB (no faster than 1,769): 5 / 90 x 2 GB x 2,628,000
     *   = 292,000 GB-s -> 4.8667; requests max(2,500/500, 5) = 5/s x 2,628,000 = 13.14M -> 2.628; 7.4947.
     * No to-s3: S3 0.
     */
    @Test
    void size_withLargeRecordsAndMoreMemoryThanOneVcpu_isLimitedByBytesPerSecond() throws Exception {
        JsonNode line = run("--mb-per-s", "5", "--record-bytes", "2000", "--functions", "to-es", "--memory-mb",
                "2048", "--jit", "c2", "--batch-size", "500");

        assertThat(line.path("shards").asInt()).isEqualTo(5);
        assertThat(line.path("lambda_concurrency").asInt()).isEqualTo(5);
        assertThat(line.path("memory_mb").asInt()).isEqualTo(2048);
        assertThat(line.path("monthly_usd").path("kinesis").asDouble()).isEqualTo(146.73);
        assertThat(line.path("monthly_usd").path("lambda").asDouble()).isEqualTo(7.49);
        assertThat(line.path("monthly_usd").path("s3").asDouble()).isEqualTo(0.0);
        assertThat(line.path("monthly_usd").path("total").asDouble()).isEqualTo(154.22);
    }

    @Test
    void estimate_whenRecordIsLargerThanOnePayloadUnit_billsTwoUnitsPerRecord() {
        // 30,000 bytes = 2 units of 25,600; 1 MB/s = 33.33 records/s; one stream.
        SizingEstimate estimate = SizingModel.estimate(new SizingInput(1, 30_000, List.of(SizedFunction.TO_ES),
                1024, 100, SizedFunction.Jit.C1, 30));

        assertThat(estimate.putPayloadUnits()).isCloseTo(1e6 / 30_000 * 2 * 2_628_000, org.assertj.core.data.Offset
                .offset(1.0));
        assertThat(estimate.shards()).isEqualTo(1);
    }

    @Test
    void size_printsExactlyTheKeysOfTheContract() throws Exception {
        JsonNode line = run("--mb-per-s", "0.5");

        List<String> keys = new ArrayList<>();
        line.fieldNames().forEachRemaining(keys::add);
        List<String> monthly = new ArrayList<>();
        line.path("monthly_usd").fieldNames().forEachRemaining(monthly::add);
        assertThat(keys).containsExactly("mb_per_s", "shards", "lambda_concurrency", "memory_mb", "monthly_usd");
        assertThat(monthly).containsExactly("kinesis", "lambda", "s3", "total");
    }

    @Test
    void size_writesTheTableToStderrOnly() throws Exception {
        run("--mb-per-s", "1");

        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .contains("2 shard(s) per stream x 2 stream(s)")
                .contains("List prices of us-east-1, on-demand, as of 2026-11-28");
    }

    @Test
    void size_withoutARate_isAUsageError() {
        assertThatThrownBy(() -> command.run(List.of("--record-bytes", "500"), out, err))
                .isInstanceOf(UsageException.class)
                .hasMessage("--mb-per-s X or --gb-per-day N is required");
    }

    @Test
    void size_withBothRates_isAUsageError() {
        assertThatThrownBy(() -> command.run(List.of("--mb-per-s", "1", "--gb-per-day", "2"), out, err))
                .isInstanceOf(UsageException.class)
                .hasMessage("give one of --mb-per-s and --gb-per-day, once");
    }

    @Test
    void size_withAZeroRate_isAUsageError() {
        assertThatThrownBy(() -> command.run(List.of("--mb-per-s", "0"), out, err))
                .isInstanceOf(UsageException.class)
                .hasMessage("--mb-per-s must be a number above 0, got '0'");
    }

    @Test
    void size_withAnUnknownFunction_isAUsageError() {
        assertThatThrownBy(() -> command.run(List.of("--mb-per-s", "1", "--functions", "to-s3,elb"), out, err))
                .isInstanceOf(UsageException.class)
                .hasMessage("--functions takes a comma list of to-s3, to-es, forward, got 'to-s3,elb'");
    }

    @Test
    void size_withMemoryOutOfRange_isAUsageError() {
        assertThatThrownBy(() -> command.run(List.of("--mb-per-s", "1", "--memory-mb", "64"), out, err))
                .isInstanceOf(UsageException.class)
                .hasMessage("--memory-mb must be an integer from 128 to 10240, got '64'");
    }

    @Test
    void size_withAnUnknownOption_isAUsageErrorAndPrintsNothingOnStdout() {
        assertThatThrownBy(() -> command.run(List.of("--mb-per-s", "1", "--shards", "3"), out, err))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--shards'");
        assertThat(outBytes.size()).isZero();
    }

    @Test
    void logway_withBadUsage_exitsTwoWithNothingOnStdout() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "io.github.logway.local.LogwayCli", "size", "--gb-per-day", "-1")
                .start();
        String stdout = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(2);
        assertThat(stdout).isEmpty();
        assertThat(stderr).startsWith("logway size: --gb-per-day must be a number above 0, got '-1'\n");
    }

    @Test
    void usage_namesEveryOptionAndThePriceDate() {
        assertThat(command.usage()).startsWith("Usage: ./logway size --mb-per-s X | --gb-per-day N")
                .contains("--record-bytes N", "--functions LIST", "--memory-mb N", "--batch-size N", "--jit c1|c2",
                        "--retention-days N", "as of 2026-11-28", "Exit codes: 0 success; 2 bad usage.");
    }
}
