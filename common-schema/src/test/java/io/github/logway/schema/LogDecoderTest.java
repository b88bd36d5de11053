package io.github.logway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.schema.decode.GzipDecoder;
import io.github.logway.schema.decode.KplAggregator;
import io.github.logway.schema.decode.KplSubRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogDecoderTest {

    private static final long ARRIVAL = Instant.parse("2026-11-24T10:15:30Z").toEpochMilli();
    private static final RecordSource SOURCE = new RecordSource("arn:aws:kinesis:us-east-1:123456789012:stream/s",
            "shardId-000000000001", "49590338271490256608559692538361571095921575989136588898", "pk", ARRIVAL);

    private final LogDecoder decoder = new LogDecoder(SchemaRules.DEFAULTS);

    @Test
    void decode_whenSingleValidLine_keepsOriginalBytesAndFields() {
        String line = "{\"time\":\"2026-11-24T19:15:30.123456+09:00\",\"log_type\":\"nginx\",\"log_id\":\"id-1\","
                + "\"nested\":{\"a\":[1,2,{\"b\":null}]},\"msg\":\"h\\u00e9llo \\\"x\\\"\"}";

        LogRecord record = parseOne(utf8(line));

        assertThat(record.text()).isEqualTo(line);
        assertThat(record.logType()).isEqualTo("nginx");
        assertThat(record.logId()).isEqualTo("id-1");
        assertThat(record.time()).isEqualTo(Instant.parse("2026-11-24T10:15:30.123456Z"));
        assertThat(record.ref()).isEqualTo(EventRef.of(SOURCE));
    }

    @Test
    void decode_whenTimeIsEpochMillisNumber_readsMilliseconds() {
        LogRecord record = parseOne(utf8("{\"log_type\":\"a\",\"log_id\":\"1\",\"time\":1795515300123}"));

        assertThat(record.time()).isEqualTo(Instant.ofEpochMilli(1_795_515_300_123L));
    }

    @Test
    void decode_whenTimeIsEpochSecondsNumber_readsSeconds() {
        LogRecord record = parseOne(utf8("{\"log_type\":\"a\",\"log_id\":\"1\",\"time\":1795515300}"));

        assertThat(record.time()).isEqualTo(Instant.ofEpochSecond(1_795_515_300L));
    }

    @Test
    void decode_whenNdjson_yieldsOneEventPerLineWithIndexes() {
        String a = line("a", "1");
        String b = line("b", "2");
        byte[] data = utf8(a + "\n\n" + b + "\r\n");

        List<DecodedEvent> out = decode(data);

        assertThat(out).hasSize(2).allMatch(e -> e instanceof Parsed);
        assertThat(((Parsed) out.get(0)).record().text()).isEqualTo(a);
        assertThat(((Parsed) out.get(1)).record().text()).isEqualTo(b);
        assertThat(out.get(0).ref().eventIndex()).isZero();
        assertThat(out.get(1).ref().eventIndex()).isEqualTo(1);
    }

    @Test
    void decode_whenOneNdjsonLineIsBad_rejectsOnlyThatLine() {
        byte[] data = utf8(line("a", "1") + "\n{broken\n" + line("c", "3"));

        List<DecodedEvent> out = decode(data);

        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isInstanceOf(Parsed.class);
        assertThat(((Rejected) out.get(1)).reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(new String(((Rejected) out.get(1)).data(), StandardCharsets.UTF_8)).isEqualTo("{broken");
        assertThat(out.get(2)).isInstanceOf(Parsed.class);
    }

    @Test
    void decode_whenOneObjectIsPrettyPrinted_acceptsItAsOneEvent() {
        String pretty = "{\n  \"log_type\": \"a\",\n  \"log_id\": \"1\",\n  \"time\": \"2026-11-24T10:00:00Z\"\n}\n";

        List<DecodedEvent> out = decode(utf8(pretty));

        assertThat(out).singleElement().isInstanceOf(Parsed.class);
        assertThat(((Parsed) out.get(0)).record().text()).isEqualTo(pretty.trim());
    }

    @Test
    void decode_whenFieldNamesAreConfigured_usesThem() {
        LogDecoder custom = new LogDecoder(SchemaRules.DEFAULTS.withFieldNames(new FieldNames("type", "id", "@ts")));
        List<DecodedEvent> out = new ArrayList<>();

        custom.decode(utf8("{\"type\":\"t\",\"id\":\"x\",\"@ts\":\"2026-11-24T10:00:00Z\"}"), SOURCE, out);

        assertThat(out).singleElement().isInstanceOf(Parsed.class);
        assertThat(((Parsed) out.get(0)).record().logType()).isEqualTo("t");
    }

    @Test
    void decode_whenGzipped_yieldsTheSameEventsAsPlain() {
        byte[] plain = utf8(line("a", "1") + "\n" + line("b", "2"));

        List<DecodedEvent> out = decode(GzipDecoder.gzip(plain, 6));

        assertThat(out).hasSize(2).allMatch(e -> e instanceof Parsed);
        assertThat(((Parsed) out.get(1)).record().text()).isEqualTo(line("b", "2"));
    }

    @Test
    void decode_whenKplAggregate_yieldsEachSubRecordWithItsSubSequence() {
        byte[] aggregate = KplAggregator.aggregate(List.of(
                new KplSubRecord("k1", null, utf8(line("a", "1"))),
                new KplSubRecord("k2", null, GzipDecoder.gzip(utf8(line("b", "2")), 1)),
                new KplSubRecord("k1", null, utf8("junk"))));

        List<DecodedEvent> out = decode(aggregate);

        assertThat(out).hasSize(3);
        assertThat(((Parsed) out.get(0)).record().logId()).isEqualTo("1");
        assertThat(out.get(0).ref().subSequence()).isZero();
        assertThat(((Parsed) out.get(1)).record().logId()).isEqualTo("2");
        assertThat(out.get(1).ref().subSequence()).isEqualTo(1);
        assertThat(((Rejected) out.get(2)).reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(out.get(2).ref().subSequence()).isEqualTo(2);
    }

    @Test
    void decode_whenCloudWatchDataMessage_yieldsEachLogEventAndRejectsText() {
        byte[] envelope = GzipDecoder.gzip(utf8(cwl("DATA_MESSAGE", "/aws/lambda/orders",
                cwlEvent("3654", json(line("orders", "o-1"))), cwlEvent("3655", json("START RequestId: 1 Version: $LATEST")))), 6);

        List<DecodedEvent> out = decode(envelope);

        assertThat(out).hasSize(2);
        assertThat(((Parsed) out.get(0)).record().text()).isEqualTo(line("orders", "o-1"));
        assertThat(out.get(0).ref().eventIndex()).isZero();
        Rejected text = (Rejected) out.get(1);
        assertThat(text.reason()).isEqualTo(RejectReason.CWL_TEXT_MESSAGE);
        assertThat(new String(text.data(), StandardCharsets.UTF_8)).isEqualTo("START RequestId: 1 Version: $LATEST");
        assertThat(text.ref().eventIndex()).isEqualTo(1);
    }

    @Test
    void decode_whenCloudWatchControlMessage_skipsIt() {
        byte[] envelope = GzipDecoder.gzip(utf8(cwl("CONTROL_MESSAGE", "", cwlEvent("",
                json("CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.")))), 6);

        List<DecodedEvent> out = decode(envelope);

        assertThat(out).singleElement().isInstanceOf(Skipped.class);
        assertThat(((Skipped) out.get(0)).what()).isEqualTo("cwl_control_message");
    }

    @Test
    void decode_whenCwlTextModeIsWrap_wrapsTextWithMappedTypeEventIdAndTimestamp() {
        SchemaRules rules = SchemaRules.DEFAULTS.withCwl("", CwlTextMode.WRAP,
                LogTypeMapping.parseList("/aws/rds/*=rds,/aws/lambda/*=lambda"));
        LogDecoder wrapping = new LogDecoder(rules);
        byte[] envelope = GzipDecoder.gzip(utf8(cwl("DATA_MESSAGE", "/aws/lambda/orders",
                cwlEvent("36548", json("REPORT RequestId: 1\tDuration: 2 ms")))), 6);
        List<DecodedEvent> out = new ArrayList<>();

        wrapping.decode(envelope, SOURCE, out);

        LogRecord record = ((Parsed) out.get(0)).record();
        assertThat(record.logType()).isEqualTo("lambda");
        assertThat(record.logId()).isEqualTo("36548");
        assertThat(record.time()).isEqualTo(Instant.ofEpochMilli(ARRIVAL - 1000));
        assertThat(record.text()).contains("\"message\":\"REPORT RequestId: 1\\tDuration: 2 ms\"");
    }

    @Test
    void decode_whenWrapModeFindsNoMapping_rejectsAsCwlTextMessage() {
        SchemaRules rules = SchemaRules.DEFAULTS.withCwl("", CwlTextMode.WRAP, LogTypeMapping.parseList("/ecs/*=ecs"));
        byte[] envelope = GzipDecoder.gzip(utf8(cwl("DATA_MESSAGE", "/aws/lambda/x", cwlEvent("1", json("hi")))), 6);
        List<DecodedEvent> out = new ArrayList<>();

        new LogDecoder(rules).decode(envelope, SOURCE, out);

        assertThat(((Rejected) out.get(0)).reason()).isEqualTo(RejectReason.CWL_TEXT_MESSAGE);
        assertThat(((Rejected) out.get(0)).detail()).contains("/aws/lambda/x");
    }

    @Test
    void decode_whenCwlMetadataFieldIsSet_addsGroupStreamAndEventId() {
        SchemaRules rules = SchemaRules.DEFAULTS.withCwl("cwl", CwlTextMode.REJECT, List.of());
        byte[] envelope = GzipDecoder.gzip(utf8(cwl("DATA_MESSAGE", "/ecs/web",
                cwlEvent("777", json(line("web", "w-1"))))), 6);
        List<DecodedEvent> out = new ArrayList<>();

        new LogDecoder(rules).decode(envelope, SOURCE, out);

        LogRecord record = ((Parsed) out.get(0)).record();
        assertThat(record.text()).startsWith(
                "{\"cwl\":{\"log_group\":\"/ecs/web\",\"log_stream\":\"stream-1\",\"event_id\":\"777\"},\"log_type\"");
        assertThat(record.logId()).isEqualTo("w-1");
    }

    @Test
    void decode_whenTimeSkewIsConfigured_appliesIt() {
        LogDecoder strict = new LogDecoder(SchemaRules.DEFAULTS.withTimeSkew(Duration.ofMinutes(1), Duration.ofHours(1)));
        List<DecodedEvent> out = new ArrayList<>();

        strict.decode(utf8("{\"log_type\":\"a\",\"log_id\":\"1\",\"time\":\"2026-11-24T08:00:00Z\"}"), SOURCE, out);

        assertThat(((Rejected) out.get(0)).reason()).isEqualTo(RejectReason.TIME_OUT_OF_RANGE);
    }

    private LogRecord parseOne(byte[] data) {
        List<DecodedEvent> out = decode(data);
        assertThat(out).singleElement().isInstanceOf(Parsed.class);
        return ((Parsed) out.get(0)).record();
    }

    private List<DecodedEvent> decode(byte[] data) {
        List<DecodedEvent> out = new ArrayList<>();
        decoder.decode(data, SOURCE, out);
        return out;
    }

    private static String line(String type, String id) {
        return "{\"log_type\":\"" + type + "\",\"log_id\":\"" + id + "\",\"time\":\"2026-11-24T10:00:00Z\"}";
    }

    private static String cwl(String messageType, String logGroup, String... events) {
        return "{\"messageType\":\"" + messageType + "\",\"owner\":\"123456789012\",\"logGroup\":\"" + logGroup
                + "\",\"logStream\":\"stream-1\",\"subscriptionFilters\":[\"f\"],\"logEvents\":["
                + String.join(",", events) + "]}";
    }

    private static String cwlEvent(String id, String messageJson) {
        return "{\"id\":\"" + id + "\",\"timestamp\":" + (ARRIVAL - 1000) + ",\"message\":" + messageJson + "}";
    }

    /** A JSON string literal of {@code text}. */
    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
