package io.github.logway.benchmarks;

import io.github.logway.local.bench.SampleLogLines;
import io.github.logway.schema.DecodedEvent;
import io.github.logway.schema.EventRef;
import io.github.logway.schema.LogDecoder;
import io.github.logway.schema.LogRecordParser;
import io.github.logway.schema.ParseResult;
import io.github.logway.schema.Parsed;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.SchemaRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + validate per record on ~500-byte JSON lines: the common-schema hot path.
 *
 * <p>Scores are microseconds per record; MB/s = {@link #averageLineBytes} / score. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ParseBenchmark} (add {@code -jvmArgsAppend
 * -XX:TieredStopAtLevel=1} for Lambda's default JIT).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ParseBenchmark {

    static final int LINES = 1000;

    private byte[][] lines;
    private RecordSource[] sources;
    private LogDecoder decoder;
    private LogRecordParser parser;
    private final List<DecodedEvent> out = new ArrayList<>();

    /** Mean size of the generated lines, printed at setup so MB/s can be derived from the score. */
    public double averageLineBytes;

    @Setup(Level.Trial)
    public void setUp() {
        Instant arrival = Instant.parse("2026-11-24T10:15:30Z");
        lines = SampleLogLines.generate(LINES, arrival, 42);
        sources = new RecordSource[LINES];
        long total = 0;
        for (int i = 0; i < LINES; i++) {
            sources[i] = new RecordSource("arn:aws:kinesis:ap-northeast-1:123456789012:stream/bench",
                    "shardId-000000000000", Long.toString(1_000_000L + i), "pk", arrival.toEpochMilli());
            total += lines[i].length;
        }
        averageLineBytes = (double) total / LINES;
        decoder = new LogDecoder(SchemaRules.DEFAULTS);
        parser = decoder.parser();
        for (int i = 0; i < LINES; i++) {
            List<DecodedEvent> check = new ArrayList<>();
            decoder.decode(lines[i], sources[i], check);
            if (check.size() != 1 || !(check.get(0) instanceof Parsed)) {
                throw new IllegalStateException("sample line " + i + " does not parse: " + check);
            }
        }
        System.out.printf("%n[ParseBenchmark] %d lines, average %.1f bytes%n", LINES, averageLineBytes);
    }

    /** One record through the whole decoder (KPL and gzip sniffing, envelope pre-check, parse, validate). */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void decodeRecord(Blackhole blackhole) {
        for (int i = 0; i < LINES; i++) {
            out.clear();
            decoder.decode(lines[i], sources[i], out);
            blackhole.consume(out.get(0));
        }
    }

    /** The streaming parse and validation alone. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parseObject(Blackhole blackhole) {
        for (int i = 0; i < LINES; i++) {
            ParseResult result = parser.parseObject(lines[i], 0, lines[i].length, EventRef.of(sources[i]));
            blackhole.consume(result);
        }
    }
}
