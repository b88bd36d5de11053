package io.github.logway.local.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.logway.local.esm.KinesisEventJson;
import io.github.logway.local.esm.S3EventNotification;
import io.github.logway.local.esm.StreamRecord;
import io.github.logway.schema.decode.GzipDecoder;
import io.github.logway.schema.decode.KplAggregator;
import io.github.logway.schema.decode.KplSubRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * Builds the event files of {@code bench gen}: deterministic for a given count (fixed seed), with times just before
 * one instant taken by the caller (so the functions' time-skew checks pass against the arrival times).
 */
public final class EventGenerator {

    /** Log events per CloudWatch Logs envelope (PRODUCT.md §10). */
    public static final int CWL_EVENTS_PER_RECORD = 50;
    /** User records per KPL aggregate (PRODUCT.md §10). */
    public static final int KPL_EVENTS_PER_RECORD = 100;
    /** The seed of every generated file. */
    static final long SEED = 42;

    static final String STREAM_ARN = "arn:aws:kinesis:ap-northeast-1:111122223333:stream/logway-router";
    static final String ROLE_ARN = "arn:aws:iam::111122223333:role/logway-bench";
    static final String SHARD_ID = "shardId-000000000000";
    static final String ALB_BUCKET = "alb-logs-111122223333";
    static final String QUEUE_ARN = "arn:aws:sqs:ap-northeast-1:111122223333:logway-alb-objects";
    private static final String ALB_KEY_PREFIX =
            "AWSLogs/111122223333/elasticloadbalancing/ap-northeast-1/";
    private static final DateTimeFormatter KEY_DATE =
            DateTimeFormatter.ofPattern("yyyy/MM/dd/").withZone(ZoneOffset.UTC);
    /** Digits of a Kinesis sequence number after its fixed prefix. */
    private static final int SEQUENCE_DIGITS = 52;
    private static final JsonFactory JSON = new JsonFactory();

    private final Instant now;
    private final long seed;

    /** @param now the instant every time is derived from (taken once from the clock) */
    public EventGenerator(Instant now) {
        this(now, SEED);
    }

    /**
     * @param now the instant every time is derived from (taken once from the clock)
     * @param seed the seed of the sample lines: generators with different seeds write different log ids
     */
    public EventGenerator(Instant now, long seed) {
        this.now = Objects.requireNonNull(now, "now");
        this.seed = seed;
    }

    /** A Kinesis event of {@code events} JSON log lines, one per record. */
    public String jsonLines(int events) {
        return kinesisEvent(jsonPayloads(events));
    }

    /** The Kinesis record payloads of {@link #jsonLines(int)}: one JSON log line each. */
    public List<byte[]> jsonPayloads(int events) {
        return new ArrayList<>(List.of(SampleLogLines.generate(events, now, seed)));
    }

    /** A Kinesis event of {@code events} JSON log lines, {@value #CWL_EVENTS_PER_RECORD} per CloudWatch Logs record. */
    public String cloudWatchLogs(int events) {
        return kinesisEvent(cloudWatchPayloads(events));
    }

    /** The Kinesis record payloads of {@link #cloudWatchLogs(int)}: gzipped subscription envelopes. */
    public List<byte[]> cloudWatchPayloads(int events) {
        byte[][] lines = SampleLogLines.generate(events, now, seed);
        List<byte[]> payloads = new ArrayList<>();
        for (int first = 0; first < events; first += CWL_EVENTS_PER_RECORD) {
            byte[] envelope = cloudWatchEnvelope(lines, first, Math.min(events, first + CWL_EVENTS_PER_RECORD));
            payloads.add(GzipDecoder.gzip(envelope, Deflater.DEFAULT_COMPRESSION));
        }
        return payloads;
    }

    /** A Kinesis event of {@code events} JSON log lines, {@value #KPL_EVENTS_PER_RECORD} per KPL aggregate. */
    public String kplAggregates(int events) {
        return kinesisEvent(kplPayloads(events));
    }

    /** The Kinesis record payloads of {@link #kplAggregates(int)}: KPL aggregates. */
    public List<byte[]> kplPayloads(int events) {
        byte[][] lines = SampleLogLines.generate(events, now, seed);
        List<byte[]> payloads = new ArrayList<>();
        for (int first = 0; first < events; first += KPL_EVENTS_PER_RECORD) {
            List<KplSubRecord> records = new ArrayList<>(KPL_EVENTS_PER_RECORD);
            for (int i = first; i < Math.min(events, first + KPL_EVENTS_PER_RECORD); i++) {
                records.add(new KplSubRecord("pk-" + i % 16, null, lines[i]));
            }
            payloads.add(KplAggregator.aggregate(records));
        }
        return payloads;
    }

    /**
     * An ALB access-log object and the SQS event that announces it.
     *
     * @param lines how many access-log lines
     * @param objectName the object's file name (the last segment of its key), ending {@code .log.gz}
     */
    public AlbSample alb(int lines, String objectName) {
        ByteArrayOutputStream text = new ByteArrayOutputStream(lines * 520);
        for (byte[] line : SampleAlbLines.generate(lines, now, seed)) {
            text.writeBytes(line);
            text.write('\n');
        }
        byte[] logGz = GzipDecoder.gzip(text.toByteArray(), Deflater.DEFAULT_COMPRESSION);
        String key = ALB_KEY_PREFIX + KEY_DATE.format(now) + objectName;
        return new AlbSample(sqsEvent(key, logGz), logGz);
    }

    /**
     * @param eventJson the SQS event JSON
     * @param logGz the gzipped access log its notification names
     */
    public record AlbSample(String eventJson, byte[] logGz) {
    }

    private String kinesisEvent(List<byte[]> payloads) {
        List<StreamRecord> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            String sequence = "4965" + String.format("%0" + SEQUENCE_DIGITS + "d", i + 1L);
            records.add(new StreamRecord(SHARD_ID, sequence, "pk-" + i % 16, payloads.get(i), now));
        }
        return new KinesisEventJson(STREAM_ARN, ROLE_ARN).write(records);
    }

    private byte[] cloudWatchEnvelope(byte[][] lines, int from, int to) {
        ByteArrayOutputStream json = new ByteArrayOutputStream((to - from) * 600);
        try (JsonGenerator out = JSON.createGenerator(json)) {
            out.writeStartObject();
            out.writeStringField("messageType", "DATA_MESSAGE");
            out.writeStringField("owner", "111122223333");
            out.writeStringField("logGroup", "/ecs/checkout-api");
            out.writeStringField("logStream", "ecs/checkout-api/4c8e2b1f0a9d4e6b8c7d5e3f2a1b0c9d");
            out.writeArrayFieldStart("subscriptionFilters");
            out.writeString("logway-router");
            out.writeEndArray();
            out.writeArrayFieldStart("logEvents");
            for (int i = from; i < to; i++) {
                out.writeStartObject();
                out.writeStringField("id", String.format("%056d", 3_729_851_743_184_567L + i));
                out.writeNumberField("timestamp", now.toEpochMilli());
                out.writeStringField("message", new String(lines[i], StandardCharsets.UTF_8));
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return json.toByteArray();
    }

    private String sqsEvent(String key, byte[] object) {
        String eTag = HexFormat.of().formatHex(md5(object));
        String notification = s3Notification(key, object.length, eTag);
        StringWriter text = new StringWriter(notification.length() + 1024);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeArrayFieldStart("Records");
            out.writeStartObject();
            out.writeStringField("messageId", "5f2b8a1c-3d4e-4f60-8a7b-9c0d1e2f3a4b");
            out.writeStringField("receiptHandle", "AQEBbench");
            out.writeStringField("body", notification);
            out.writeObjectFieldStart("attributes");
            out.writeStringField("ApproximateReceiveCount", "1");
            out.writeStringField("SentTimestamp", Long.toString(now.toEpochMilli()));
            out.writeStringField("SenderId", "AIDAIBENCHSENDER");
            out.writeStringField("ApproximateFirstReceiveTimestamp", Long.toString(now.toEpochMilli()));
            out.writeEndObject();
            out.writeObjectFieldStart("messageAttributes");
            out.writeEndObject();
            out.writeStringField("md5OfBody",
                    HexFormat.of().formatHex(md5(notification.getBytes(StandardCharsets.UTF_8))));
            out.writeStringField("eventSource", "aws:sqs");
            out.writeStringField("eventSourceARN", QUEUE_ARN);
            out.writeStringField("awsRegion", "ap-northeast-1");
            out.writeEndObject();
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return text.toString();
    }

    private String s3Notification(String key, long size, String eTag) {
        return new S3EventNotification("ap-northeast-1", now, S3EventNotification.OBJECT_CREATED_PUT, ALB_BUCKET, key,
                size, eTag, "0065A1B2C3D4E5F601", "BENCH0000000001", "bench-host-id").toJson();
    }

    static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
