package io.github.logway.benchmarks;

import io.github.logway.local.bench.SampleLogLines;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.sun.net.httpserver.HttpServer;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.opensearch.KinesisToOpenSearchHandler;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * kinesis-to-es end to end on one ESM-sized event: 4,700 Kinesis records of ~500-byte JSON lines (6 MB payload
 * limit, PRODUCT.md §3) through decode and parse, index naming, {@code _bulk} NDJSON encoding (500 actions per
 * request, no gzip) and the real pooled HttpClient 5 transport over loopback to a local HTTP server that reads
 * each body and answers 200 with one {@code {"create":{"status":201}}} per action.
 *
 * <p>Score: milliseconds per event; MB/s of log text = {@link #logBytes} / 10^6 / seconds. The handler runs
 * on the benchmark thread (one core); the stub server has its own thread. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar KinesisToOpenSearchBenchmark -f 1 -wi 3 -i 5} (add
 * {@code -jvmArgsAppend -XX:TieredStopAtLevel=1} for Lambda's default JIT).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class KinesisToOpenSearchBenchmark {

    /** About 6 MB of Lambda event: the ESM payload limit at ~500 bytes of log text per record. */
    static final int RECORDS = 4_700;

    private HttpServer server;
    private ExecutorService serverThreads;
    private KinesisToOpenSearchHandler handler;
    private KinesisEvent event;
    private final AtomicLong actionsReceived = new AtomicLong();
    private final AtomicLong invocations = new AtomicLong();
    private long iterationCpuStart;
    private long iterationInvocationsStart;

    /** Total log text of the event in bytes, printed at setup. */
    public long logBytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // Like OpenSearch's Netty transport, answer without Nagle's delay (the JDK server's default is off; it is
        // read once, when the server classes load).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newSingleThreadExecutor();
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            long newlines = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = exchange.getRequestBody()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            newlines++;
                        }
                    }
                }
            }
            int actions = (int) (newlines / 2);
            actionsReceived.addAndGet(actions);
            StringBuilder answer = new StringBuilder(32 + actions * 28).append("{\"errors\":false,\"items\":[");
            for (int i = 0; i < actions; i++) {
                answer.append(i == 0 ? "" : ",").append("{\"create\":{\"status\":201}}");
            }
            byte[] bytes = answer.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();

        Instant arrival = Instant.parse("2026-11-24T10:15:30Z");
        byte[][] lines = SampleLogLines.generate(RECORDS, arrival, 42);
        logBytes = Arrays.stream(lines).mapToLong(line -> line.length).sum();
        event = KinesisEventBuilder.ofPayloads(List.of(lines)).arrivals(arrival, Duration.ofMillis(1)).build();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        handler = KinesisToOpenSearchHandler.create(Map.of(
                "ES_HOST", "http://127.0.0.1:" + server.getAddress().getPort(),
                "ES_AUTH", "none",
                "INDEX_NAME_PREFIX", "bench",
                "FAILED_LOG_S3_BUCKET", "bench-failed",
                "ES_INSTALL_TEMPLATE", "false",
                "LOG_LEVEL", "ERROR"), new InMemoryObjectStore(), Clock.systemUTC(), discard);
        KinesisBatchProcessor.Result check = invoke();
        if (check.summary().delivered() != RECORDS || !check.response().getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the event was not fully delivered: " + check.summary());
        }
        System.out.printf("%n[KinesisToOpenSearchBenchmark] %d records, %d bytes of log text (%.1f B/record)%n",
                RECORDS, logBytes, (double) logBytes / RECORDS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        handler.close();
        server.stop(0);
        serverThreads.shutdownNow();
        System.out.printf("%n[KinesisToOpenSearchBenchmark] server received %d actions%n", actionsReceived.get());
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        iterationCpuStart = processCpuNanos();
        iterationInvocationsStart = invocations.get();
    }

    /**
     * Prints the CPU time of the whole process (handler, stub server, JIT and GC threads) per event and the MB/s
     * of log text per CPU-second: the per-core figure, independent of how many cores the machine lends.
     */
    @TearDown(Level.Iteration)
    public void endIteration() {
        long events = invocations.get() - iterationInvocationsStart;
        double cpuSeconds = (processCpuNanos() - iterationCpuStart) / 1e9;
        if (events > 0 && cpuSeconds > 0) {
            System.out.printf("  [cpu] %.1f ms CPU per event, %.1f MB of log text per CPU-second%n",
                    cpuSeconds * 1000 / events, logBytes * events / 1e6 / cpuSeconds);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private KinesisBatchProcessor.Result invoke() {
        return handler.process(event, FakeLambdaContext.withRemainingTime(Clock.systemUTC(), Duration.ofMinutes(5)));
    }

    /** One Lambda invocation: decode, parse, index names, bulk encode, HTTP round trips, failed log, summary. */
    @Benchmark
    public KinesisBatchProcessor.Result handleEvent() {
        invocations.incrementAndGet();
        return invoke();
    }
}
