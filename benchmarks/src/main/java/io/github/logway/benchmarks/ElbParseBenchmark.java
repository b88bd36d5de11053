package io.github.logway.benchmarks;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.publish.PutEntryResult;
import io.github.logway.core.publish.PutOk;
import io.github.logway.core.publish.RecordPublisher;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.elb.AccessLogParser;
import io.github.logway.elb.ConvertedLine;
import io.github.logway.elb.ElbLogsToKinesis;
import io.github.logway.elb.ElbToKinesisConfig;
import io.github.logway.elb.InMemoryAccessLogSource;
import io.github.logway.elb.InMemoryContinuationQueue;
import io.github.logway.elb.LineOutcome;
import io.github.logway.elb.LineReader;
import io.github.logway.elb.LogIds;
import io.github.logway.schema.EventRef;
import io.github.logway.schema.FieldNames;
import io.github.logway.schema.LogRecordParser;
import io.github.logway.schema.Parsed;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.SchemaRules;
import io.github.logway.schema.decode.GzipDecoder;
import io.github.logway.testing.events.FakeLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
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
 * elb-to-kinesis's per-line work on one core, from an ALB {@code .log.gz} of {@link #LINES} realistic lines:
 *
 * <ul>
 *   <li>{@code parseLine}: {@link AccessLogParser} alone on lines already in memory (tokenize, type, write JSON);
 *   <li>{@code readLogGz}: what the function does per line minus the network: gunzip, split ({@link LineReader}),
 *       {@code log_id} ({@link LogIds}), parse, and schema validation ({@link LogRecordParser}) of the record's
 *       schema fields, as the function does;
 *   <li>{@code readLogGzFullValidation}: the same, validating the whole record with {@link LogRecordParser}: the
 *       cost the function avoids;
 *   <li>{@code functionEndToEnd}: {@link ElbLogsToKinesis#process} on an SQS event naming the object, with an
 *       in-memory S3 and a publisher that accepts every PutRecords entry (batching, partition keys, accounting).
 * </ul>
 *
 * <p>Scores are microseconds per line: lines/s = 10^6 / score; MB/s of log text = {@link #averageLineBytes} /
 * score (10^6 B/s), both printed at setup. Run: {@code java -jar benchmarks/target/benchmarks.jar ElbParseBenchmark
 * -f 1 -wi 3 -i 5} (add {@code -jvmArgsAppend -XX:TieredStopAtLevel=1} for Lambda's default JIT).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ElbParseBenchmark {

    /** Lines in the file: about one busy ALB node's 5 minutes. */
    static final int LINES = 20_000;
    private static final String BUCKET = "alb-logs-111122223333";
    private static final String KEY = "AWSLogs/111122223333/elasticloadbalancing/ap-northeast-1/2026/11/24/"
            + "111122223333_elasticloadbalancing_ap-northeast-1_app.shop-front.5f3c9e2a7b1d4c60_20261124T1015Z_"
            + "203.0.113.9_2k4x9q1z.log.gz";

    /** Mean bytes of a line (without its newline). */
    public double averageLineBytes;

    private byte[][] lines;
    private byte[] logGz;
    private AccessLogParser parser;
    private LogRecordParser validator;
    private EventRef ref;
    private ElbLogsToKinesis function;
    private SQSEvent event;
    private FakeLambdaContext context;

    @Setup(Level.Trial)
    public void setUp() {
        Instant start = Instant.parse("2026-11-24T10:15:00Z");
        lines = AlbLines.generate(LINES, start, 42);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        long total = 0;
        for (byte[] line : lines) {
            raw.writeBytes(line);
            raw.write('\n');
            total += line.length;
        }
        averageLineBytes = (double) total / LINES;
        logGz = GzipDecoder.gzip(raw.toByteArray(), Deflater.DEFAULT_COMPRESSION);
        parser = new AccessLogParser(FieldNames.DEFAULTS, "alb", "elb");
        validator = new LogRecordParser(SchemaRules.DEFAULTS);
        long eventTime = start.plus(Duration.ofMinutes(5)).toEpochMilli();
        ref = EventRef.of(new RecordSource("s3://" + BUCKET + "/" + KEY, "", "", "", eventTime));

        Clock clock = Clock.fixed(start.plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        InMemoryAccessLogSource s3 = new InMemoryAccessLogSource().put(BUCKET, KEY, logGz, "etag");
        ElbToKinesisConfig config = ElbToKinesisConfig.read(new EnvReader(Map.of("TARGET_STREAM_NAME", "router",
                "FAILED_LOG_S3_BUCKET", "failed-bucket")));
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        function = new ElbLogsToKinesis(config, s3, new AcceptingPublisher(), new InMemoryContinuationQueue(),
                new InMemoryObjectStore(), clock, new SplittableRandom(1), duration -> { }, Runnable::run, discard,
                new JsonLogger("bench", LogLevel.ERROR, discard));
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("bench");
        message.setEventSourceArn("arn:aws:sqs:ap-northeast-1:111122223333:alb-log-objects");
        message.setBody("{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
                + "\"eventTime\":\"2026-11-24T10:20:00.000Z\",\"s3\":{\"bucket\":{\"name\":\"" + BUCKET
                + "\"},\"object\":{\"key\":\"" + KEY + "\",\"eTag\":\"etag\"}}}]}");
        event = new SQSEvent();
        event.setRecords(List.of(message));
        context = FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(15));

        ElbLogsToKinesis.Result check = function.process(event, context);
        if (check.summary().delivered() != LINES || !check.response().getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the sample file does not go through whole: " + check.summary());
        }
        System.out.printf("%n[ElbParseBenchmark] %d lines, average %.1f bytes, %d bytes gzipped (%.1fx)%n", LINES,
                averageLineBytes, logGz.length, (double) raw.size() / logGz.length);
    }

    /** The line parser alone. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parseLine(Blackhole blackhole) {
        for (int i = 0; i < LINES; i++) {
            blackhole.consume(parser.parse(lines[i], 0, lines[i].length, "0b7c6f0e-1d2a-8b3c-9d4e-5f6a7b8c9d0e"));
        }
    }

    /** Gunzip, split, id, parse and validate (the schema fields) every line of the file. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void readLogGz(Blackhole blackhole) throws IOException {
        readFile(blackhole, false);
    }

    /** Gunzip, split, id, parse and validate the whole record of every line of the file. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void readLogGzFullValidation(Blackhole blackhole) throws IOException {
        readFile(blackhole, true);
    }

    private void readFile(Blackhole blackhole, boolean wholeRecord) throws IOException {
        LogIds ids = LogIds.forObject(BUCKET, KEY);
        byte[] header = new byte[512];
        try (LineReader reader = new LineReader(new GZIPInputStream(new ByteArrayInputStream(logGz), 64 * 1024),
                1024 * 1024)) {
            long line = 0;
            while (reader.next()) {
                line++;
                LineOutcome outcome = parser.parse(reader.buffer(), reader.offset(), reader.length(),
                        ids.idFor(line));
                ConvertedLine converted = (ConvertedLine) outcome;
                Object checked;
                if (wholeRecord) {
                    checked = validator.parseObject(converted.json(), 0, converted.json().length, ref);
                } else {
                    int length = converted.schemaHeaderBytes();
                    System.arraycopy(converted.json(), 0, header, 0, length);
                    header[length] = '}';
                    checked = validator.parseObject(header, 0, length + 1, ref);
                }
                if (!(checked instanceof Parsed)) {
                    throw new IllegalStateException("line " + line + " rejected: " + checked);
                }
                blackhole.consume(checked);
                blackhole.consume(converted.json());
            }
        }
    }

    /** The whole function on one SQS message, with in-memory S3 and Kinesis. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void functionEndToEnd(Blackhole blackhole) {
        blackhole.consume(function.process(event, context));
    }

    /** Accepts every entry, keeps nothing. */
    static final class AcceptingPublisher implements RecordPublisher {
        private long sequence;

        @Override
        public List<PutEntryResult> putRecords(String stream, List<PublishEntry> entries) {
            List<PutEntryResult> results = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                results.add(new PutOk("shardId-000000000000", Long.toString(++sequence)));
            }
            return results;
        }
    }

    /** Realistic ALB lines (today's 33-field format), deterministic for a seed. */
    static final class AlbLines {

        private static final String[] TYPES = {"https", "https", "https", "h2", "http", "wss"};
        private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
        private static final String[] PATHS = {"/api/v1/orders?page=2&size=50", "/api/v1/payments/authorize",
            "/healthz", "/static/app.3f9c2e1a.js", "/api/v2/search?q=running+shoes&sort=price_asc",
            "/account/settings/notifications"};
        private static final String[] AGENTS = {
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
            "okhttp/4.12.0", "ELB-HealthChecker/2.0", "aws-sdk-java/2.57.8 Linux/6.1 OpenJDK_64-Bit_Server_VM/21"};
        private static final int[] STATUS = {200, 200, 200, 200, 201, 204, 301, 304, 400, 404, 502};

        private AlbLines() {
        }

        static byte[][] generate(int count, Instant start, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            byte[][] lines = new byte[count][];
            for (int i = 0; i < count; i++) {
                Instant time = start.plusMillis(i * 15L + random.nextInt(15));
                lines[i] = line(random, time).getBytes(StandardCharsets.UTF_8);
            }
            return lines;
        }

        private static String line(SplittableRandom random, Instant time) {
            String type = TYPES[random.nextInt(TYPES.length)];
            boolean tls = !type.equals("http");
            int status = STATUS[random.nextInt(STATUS.length)];
            String target = "10.20." + random.nextInt(4) + "." + (2 + random.nextInt(250)) + ":8080";
            String client = "203.0." + random.nextInt(256) + "." + random.nextInt(256) + ":" + (1024
                    + random.nextInt(60000));
            String host = tls ? "shop.example.org:443" : "shop.example.org:80";
            String scheme = tls ? "https" : "http";
            String protocol = type.equals("h2") ? "HTTP/2.0" : "HTTP/1.1";
            String request = METHODS[random.nextInt(METHODS.length)] + " " + scheme + "://" + host
                    + PATHS[random.nextInt(PATHS.length)] + " " + protocol;
            return type + " " + time + " app/shop-front/5f3c9e2a7b1d4c60 " + client + " " + target
                    + " 0.00" + random.nextInt(10) + " 0.0" + (10 + random.nextInt(89)) + " 0.000 " + status + " "
                    + status + " " + (100 + random.nextInt(2000)) + " " + (200 + random.nextInt(90_000)) + " \""
                    + request + "\" \"" + AGENTS[random.nextInt(AGENTS.length)] + "\" "
                    + (tls ? "TLS_AES_128_GCM_SHA256 TLSv1.3" : "- -")
                    + " arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:targetgroup/shop-web/9a8b7c6d5e4f3a21"
                    + " \"Root=1-" + Long.toHexString(time.getEpochSecond()) + "-" + hex(random, 24) + "\" \""
                    + (tls ? "shop.example.org" : "-") + "\" \""
                    + (tls ? "arn:aws:acm:ap-northeast-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
                            : "-")
                    + "\" " + random.nextInt(20) + " " + time.minusMillis(5 + random.nextInt(90)) + " \"forward\""
                    + " \"-\" \"-\" \"" + target + "\" \"" + status + "\" \"-\" \"-\" TID_" + hex(random, 32)
                    + " \"-\" \"-\" \"-\"";
        }

        private static String hex(SplittableRandom random, int chars) {
            StringBuilder text = new StringBuilder(chars);
            for (int i = 0; i < chars; i++) {
                text.append(Character.forDigit(random.nextInt(16), 16));
            }
            return text.toString();
        }
    }
}
