package io.github.logway.benchmarks;

import io.github.logway.local.bench.SampleLogLines;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.logway.core.BatchSummary;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.publish.PutEntryResult;
import io.github.logway.core.publish.PutOk;
import io.github.logway.core.publish.RecordPublisher;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.forward.KinesisForwardConfig;
import io.github.logway.forward.KinesisForwarder;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * kinesis-forward end to end on one core: from the raw Lambda event JSON (parsed into a {@link KinesisEvent} with
 * base64-decoded data, as the Lambda runtime does) through decode, validation, whitelist, partition keys and the
 * PutRecords batcher to a no-op publisher that accepts every entry. One operation is one invocation holding 4,700
 * log events of ~500 bytes (the ESM's 6 MB payload): {@code json} = 4,700 records of one JSON line each,
 * {@code cwl} = 94 records, each a gzip CloudWatch Logs envelope of 50 events.
 *
 * <p>Scores are milliseconds per invocation; MB/s of log text per core = (log bytes printed at setup) / (score in
 * ms) / 1000. Run: {@code java -jar benchmarks/target/benchmarks.jar KinesisForwardBenchmark} (add {@code
 * -jvmArgsAppend -XX:TieredStopAtLevel=1} for Lambda's default JIT).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class KinesisForwardBenchmark {

    /** Log events per invocation: ≈ the 6 MB ESM payload limit at 500 bytes of log text each (PRODUCT.md §3). */
    static final int LOG_EVENTS = 4_700;
    /** Events per CloudWatch Logs envelope in the {@code cwl} shape. */
    static final int EVENTS_PER_ENVELOPE = 50;

    /** {@code json}: one JSON line per Kinesis record; {@code cwl}: gzip CloudWatch Logs envelopes. */
    @Param({"json", "cwl"})
    public String shape;

    private byte[] eventJson;
    private KinesisForwarder forwarder;
    private Context context;

    /** Decoded log text per invocation (the MB/s numerator), printed at setup. */
    public long logBytes;

    @Setup(Level.Trial)
    public void setUp() {
        Instant arrival = KinesisEventBuilder.DEFAULT_FIRST_ARRIVAL;
        byte[][] lines = SampleLogLines.generate(LOG_EVENTS, arrival, 42);
        List<byte[]> payloads = new ArrayList<>();
        if (shape.equals("json")) {
            Collections.addAll(payloads, lines);
        } else if (shape.equals("cwl")) {
            for (int first = 0; first < LOG_EVENTS; first += EVENTS_PER_ENVELOPE) {
                payloads.add(cwlEnvelope(lines, first, Math.min(LOG_EVENTS, first + EVENTS_PER_ENVELOPE), arrival));
            }
        } else {
            throw new IllegalArgumentException("shape is json or cwl: " + shape);
        }
        eventJson = KinesisEventBuilder.ofPayloads(payloads).toJson().getBytes(StandardCharsets.UTF_8);

        Clock clock = Clock.fixed(arrival.plusSeconds(5), ZoneOffset.UTC);
        context = FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(15));
        KinesisForwardConfig config = KinesisForwardConfig.read(new EnvReader(Map.of(
                KinesisForwardConfig.TARGET_STREAM_NAME, "bench-target", "FAILED_LOG_S3_BUCKET", "bench-failed")));
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        forwarder = new KinesisForwarder(config, new NoOpPublisher(), new InMemoryObjectStore(), clock,
                new SplittableRandom(1), duration -> { }, Runnable::run, discard,
                new JsonLogger(KinesisForwarder.FUNCTION_NAME, LogLevel.INFO, discard));

        BatchSummary check = forwarder.process(LambdaEventJson.parse(eventJson), context).summary();
        if (check.delivered() != LOG_EVENTS || check.checkpoint() != null) {
            throw new IllegalStateException("the sample does not forward cleanly: " + check);
        }
        logBytes = check.logBytes();
        System.out.printf("%n[KinesisForwardBenchmark] shape=%s records=%d log_events=%d log_bytes=%d event_json_bytes=%d%n",
                shape, check.records(), check.logEvents(), logBytes, eventJson.length);
    }

    /** One invocation: event JSON to response. */
    @Benchmark
    public KinesisBatchProcessor.Result forwardInvocation() {
        return forwarder.process(LambdaEventJson.parse(eventJson), context);
    }

    private static byte[] cwlEnvelope(byte[][] lines, int from, int to, Instant arrival) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (JsonGenerator out = new JsonFactory().createGenerator(json)) {
            out.writeStartObject();
            out.writeStringField("messageType", "DATA_MESSAGE");
            out.writeStringField("owner", "123456789012");
            out.writeStringField("logGroup", "/ecs/checkout-api");
            out.writeStringField("logStream", "ecs/checkout-api/4c8e2b1f0a9d4e6b8c7d5e3f2a1b0c9d");
            out.writeArrayFieldStart("subscriptionFilters");
            out.writeString("logway-router");
            out.writeEndArray();
            out.writeArrayFieldStart("logEvents");
            for (int i = from; i < to; i++) {
                out.writeStartObject();
                out.writeStringField("id", "37298517431845672390715893218874012634195276301548" + (100_000 + i));
                out.writeNumberField("timestamp", arrival.toEpochMilli());
                out.writeStringField("message", new String(lines[i], StandardCharsets.UTF_8));
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(json.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gzip.toByteArray();
    }

    /** Accepts every entry, as a Kinesis stream with room to spare would; no I/O. */
    static final class NoOpPublisher implements RecordPublisher {

        private final List<PutEntryResult> answers = new ArrayList<>();

        NoOpPublisher() {
            for (int i = 0; i < 500; i++) {
                answers.add(new PutOk("shardId-000000000000", String.format("%056d", i)));
            }
        }

        @Override
        public List<PutEntryResult> putRecords(String stream, List<PublishEntry> entries) {
            return answers.subList(0, entries.size());
        }
    }

    /**
     * The Lambda Kinesis event JSON read into a {@link KinesisEvent} with Jackson's streaming parser (the Lambda
     * runtime's serializer does the same work: JSON, base64, the arrival time in epoch seconds).
     */
    static final class LambdaEventJson {

        private static final JsonFactory JSON = new JsonFactory();

        private LambdaEventJson() {
        }

        static KinesisEvent parse(byte[] json) {
            List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>();
            try (JsonParser parser = JSON.createParser(json)) {
                expect(parser.nextToken(), JsonToken.START_OBJECT);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("Records")) {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            records.add(record(parser));
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KinesisEvent event = new KinesisEvent();
            event.setRecords(records);
            return event;
        }

        private static KinesisEvent.KinesisEventRecord record(JsonParser parser) throws IOException {
            KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "kinesis" -> record.setKinesis(kinesis(parser));
                    case "eventSource" -> record.setEventSource(parser.getText());
                    case "eventVersion" -> record.setEventVersion(parser.getText());
                    case "eventID" -> record.setEventID(parser.getText());
                    case "eventName" -> record.setEventName(parser.getText());
                    case "invokeIdentityArn" -> record.setInvokeIdentityArn(parser.getText());
                    case "awsRegion" -> record.setAwsRegion(parser.getText());
                    case "eventSourceARN" -> record.setEventSourceARN(parser.getText());
                    default -> parser.skipChildren();
                }
            }
            return record;
        }

        private static KinesisEvent.Record kinesis(JsonParser parser) throws IOException {
            KinesisEvent.Record kinesis = new KinesisEvent.Record();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "kinesisSchemaVersion" -> kinesis.setKinesisSchemaVersion(parser.getText());
                    case "partitionKey" -> kinesis.setPartitionKey(parser.getText());
                    case "sequenceNumber" -> kinesis.setSequenceNumber(parser.getText());
                    // Decoded from the parser's bytes, no String in between.
                    case "data" -> kinesis.setData(ByteBuffer.wrap(parser.getBinaryValue(Base64Variants.MIME_NO_LINEFEEDS)));
                    case "approximateArrivalTimestamp" ->
                            kinesis.setApproximateArrivalTimestamp(new Date(Math.round(parser.getDoubleValue() * 1000)));
                    default -> parser.skipChildren();
                }
            }
            return kinesis;
        }

        private static void expect(JsonToken actual, JsonToken expected) {
            if (actual != expected) {
                throw new IllegalArgumentException("expected " + expected + ", got " + actual);
            }
        }
    }
}
