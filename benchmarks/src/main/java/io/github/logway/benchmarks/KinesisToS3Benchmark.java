package io.github.logway.benchmarks;

import io.github.logway.local.bench.SampleLogLines;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.store.ObjectStore;
import io.github.logway.core.store.PutOptions;
import io.github.logway.s3.KinesisToS3Config;
import io.github.logway.s3.KinesisToS3Handler;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * kinesis-to-s3 end to end on one core: the raw Lambda event JSON of the largest event the ESM delivers (6 MB:
 * 4,700 records of ~500-byte JSON lines, 5 log types) deserialised as the Java runtime does
 * ({@code aws-lambda-java-serialization}), then the real handler (decode, parse, validate, group, key, compress)
 * with {@code S3_UPLOAD_CONCURRENCY=1}, handing the compressed bytes to a no-op store.
 *
 * <p>Scores are milliseconds per event; MB/s of log text = {@link #logBytes} / 10^6 / (score / 1000), printed at
 * setup. Run: {@code java -jar benchmarks/target/benchmarks.jar KinesisToS3Benchmark -f 1 -wi 3 -i 5} (add
 * {@code -jvmArgsAppend -XX:TieredStopAtLevel=1} for Lambda's default JIT).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class KinesisToS3Benchmark {

    /** Records in the largest event a Kinesis ESM delivers: 6 MB of payload holds about 4,700 of 500 bytes. */
    static final int RECORDS = 4_700;

    /** {@code codec:level} as {@code S3_COMPRESSION} and {@code S3_COMPRESSION_LEVEL}. */
    @Param({"gzip:1", "gzip:6", "gzip:9", "zstd:3", "none"})
    public String compression;

    /** Bytes of log text in the event (the lines, without newlines). */
    public long logBytes;

    private byte[] eventJson;
    private PojoSerializer<KinesisEvent> serializer;
    private KinesisToS3Handler handler;
    private FakeLambdaContext context;
    private CountingStore store;

    /** Counts what it is handed and keeps nothing. */
    static final class CountingStore implements ObjectStore {
        long objects;
        long bytes;

        @Override
        public void put(String bucket, String key, byte[] body, PutOptions options) {
            objects++;
            bytes += body.length;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        Instant arrival = Instant.parse("2026-11-24T10:15:30Z");
        byte[][] lines = SampleLogLines.generate(RECORDS, arrival, 42);
        List<byte[]> payloads = new ArrayList<>(RECORDS);
        long total = 0;
        for (byte[] line : lines) {
            payloads.add(line);
            total += line.length;
        }
        logBytes = total;
        eventJson = KinesisEventBuilder.ofPayloads(payloads).arrivals(arrival, Duration.ofMillis(1)).toJson()
                .getBytes(StandardCharsets.UTF_8);
        serializer = LambdaEventSerializers.serializerFor(KinesisEvent.class, KinesisEvent.class.getClassLoader());

        Map<String, String> env = new HashMap<>();
        env.put(KinesisToS3Config.LOG_S3_BUCKET, "bench-bucket");
        env.put(KinesisToS3Config.S3_UPLOAD_CONCURRENCY, "1");
        String[] codec = compression.split(":");
        env.put(KinesisToS3Config.S3_COMPRESSION, codec[0]);
        if (codec.length > 1) {
            env.put(KinesisToS3Config.S3_COMPRESSION_LEVEL, codec[1]);
        }
        store = new CountingStore();
        Clock clock = Clock.systemUTC();
        handler = new KinesisToS3Handler(KinesisToS3Config.read(new EnvReader(env)), store, clock,
                new PrintStream(OutputStream.nullOutputStream()));
        context = FakeLambdaContext.withRemainingTime(clock, Duration.ofDays(365));

        StreamsEventResponse check = oneEvent();
        if (!check.getBatchItemFailures().isEmpty() || store.objects != 5) {
            throw new IllegalStateException("the sample event is not fully archived in 5 objects: " + store.objects);
        }
        System.out.printf("%n[KinesisToS3Benchmark] %s: %d records, %d bytes of log text, %d bytes of event JSON,"
                + " %d compressed bytes (ratio %.1f)%n", compression, RECORDS, logBytes, eventJson.length,
                store.bytes, (double) logBytes / store.bytes);
    }

    @TearDown(Level.Trial)
    public void printRate() {
        System.out.printf("%n[KinesisToS3Benchmark] MB/s of log text = %.3f / score_ms%n", logBytes / 1000.0);
    }

    /** One invocation: raw event JSON in, compressed objects out. */
    @Benchmark
    public StreamsEventResponse oneEvent() {
        KinesisEvent event = serializer.fromJson(new ByteArrayInputStream(eventJson));
        return handler.handleRequest(event, context);
    }
}
