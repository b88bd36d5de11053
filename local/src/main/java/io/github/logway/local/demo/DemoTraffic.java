package io.github.logway.local.demo;

import io.github.logway.local.bench.EventGenerator;
import io.github.logway.local.bench.SampleAlbLines;
import io.github.logway.schema.decode.GzipDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * The sample traffic of {@code ./logway demo}: what producers put into the router stream (JSON log lines from
 * several services, CloudWatch Logs subscription envelopes with a control message, KPL aggregates, and bad
 * records of every common kind) and an ALB access-log file for the S3 → SQS → elb-to-kinesis path, with two
 * lines that do not parse. Every count is known up front, so the final table can be checked against it.
 *
 * @param time the instant the sample times derive from
 * @param records the Kinesis records for the router stream
 * @param albLog the gzipped ALB access log
 * @param albLines the lines of {@link #albLog} (valid and not)
 * @param albInvalidLines the lines of {@link #albLog} that are not access-log lines
 */
record DemoTraffic(Instant time, List<RouterRecord> records, byte[] albLog, int albLines, int albInvalidLines) {

    static final int JSON_LINES = 2_000;
    static final int CWL_EVENTS = 250;
    static final int KPL_EVENTS = 500;
    static final int ALB_LINES = 1_000;

    /**
     * One record for the router stream.
     *
     * @param kind what it shows, for the table ({@code json}, {@code cwl}, {@code cwl-control}, {@code kpl},
     *     {@code bad})
     * @param partitionKey its partition key
     * @param data its bytes
     * @param logEvents the log events it holds (a record that yields none counts as one)
     */
    record RouterRecord(String kind, String partitionKey, byte[] data, int logEvents) {}

    /**
     * The demo's traffic, with times just before {@code now}.
     *
     * @param now the instant every time derives from
     * @return the traffic
     */
    static DemoTraffic generate(Instant now) {
        List<RouterRecord> records = new ArrayList<>();
        List<byte[]> json = new EventGenerator(now, 1).jsonPayloads(JSON_LINES);
        for (int i = 0; i < json.size(); i++) {
            records.add(new RouterRecord("json", "pk-" + i % 32, json.get(i), 1));
        }
        List<byte[]> cwl = new EventGenerator(now, 2).cloudWatchPayloads(CWL_EVENTS);
        for (int i = 0; i < cwl.size(); i++) {
            records.add(new RouterRecord("cwl", "cwl-" + i, cwl.get(i),
                    Math.min(EventGenerator.CWL_EVENTS_PER_RECORD, CWL_EVENTS - i * EventGenerator.CWL_EVENTS_PER_RECORD)));
        }
        byte[] controlMessage = utf8(
                "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\",\"logStream\":\"\","
                        + "\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":" + now.toEpochMilli()
                        + ",\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.\"}]}");
        records.add(new RouterRecord("cwl-control", "cwl-control",
                GzipDecoder.gzip(controlMessage, Deflater.DEFAULT_COMPRESSION), 1));
        List<byte[]> kpl = new EventGenerator(now, 3).kplPayloads(KPL_EVENTS);
        for (int i = 0; i < kpl.size(); i++) {
            records.add(new RouterRecord("kpl", "kpl-" + i, kpl.get(i),
                    Math.min(EventGenerator.KPL_EVENTS_PER_RECORD, KPL_EVENTS - i * EventGenerator.KPL_EVENTS_PER_RECORD)));
        }
        String time = now.minusSeconds(5).toString();
        for (byte[] bad : List.of(
                utf8("GET /index.html 200 - this producer writes plain text"),
                utf8("[\"an\",\"array\",\"is\",\"not\",\"a\",\"log\",\"record\"]"),
                utf8("{\"log_type\":\"orders\",\"time\":\"" + time + "\",\"message\":\"no log_id\"}"),
                utf8("{\"log_type\":\"orders\",\"log_id\":\"demo-bad-time\",\"time\":\"yesterday\"}"),
                utf8("{\"log_type\":\"../etc\",\"log_id\":\"demo-bad-type\",\"time\":\"" + time + "\"}"),
                new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'},
                new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4})) {
            records.add(new RouterRecord("bad", "bad", bad, 1));
        }

        ByteArrayOutputStream text = new ByteArrayOutputStream(ALB_LINES * 520);
        byte[][] alb = SampleAlbLines.generate(ALB_LINES, now, 4);
        for (int i = 0; i < alb.length; i++) {
            text.writeBytes(alb[i]);
            text.write('\n');
            if (i == ALB_LINES / 2) {
                text.writeBytes(utf8("this line was cut off by a broken log shipper"));
                text.write('\n');
            }
        }
        text.writeBytes(utf8("h2 not-a-time alb-demo 10.0.0.1:443"));
        text.write('\n');
        return new DemoTraffic(now, records, GzipDecoder.gzip(text.toByteArray(), Deflater.DEFAULT_COMPRESSION),
                ALB_LINES + 2, 2);
    }

    /** Log events put into the router stream by producers, by kind. */
    Map<String, Long> eventsByKind() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (RouterRecord record : records) {
            byKind.merge(record.kind(), (long) record.logEvents(), Long::sum);
        }
        return byKind;
    }

    /** Log events put into the router stream by producers. */
    long producerEvents() {
        return records.stream().mapToLong(RouterRecord::logEvents).sum();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
