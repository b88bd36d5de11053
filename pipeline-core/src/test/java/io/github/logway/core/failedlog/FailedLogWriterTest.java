package io.github.logway.core.failedlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.FatalException;
import io.github.logway.core.RetryableException;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.core.store.ObjectStore;
import io.github.logway.core.store.PutOptions;
import io.github.logway.schema.EventRef;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.RejectReason;
import io.github.logway.schema.Rejected;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class FailedLogWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String STREAM = "arn:aws:kinesis:ap-northeast-1:123456789012:stream/router";
    private static final String SHARD = "shardId-000000000000";
    private static final String SEQ_1 = "49590338271490256608559692538361571095921575989136588898";
    private static final String SEQ_2 = "49590338271490256608559692538361571095921575989136588899";
    private static final long ARRIVAL = Instant.parse("2026-11-24T10:15:30.123Z").toEpochMilli();

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final FailedLogWriter writer = new FailedLogWriter(store, "failed-bucket", "failed", "kinesis-to-s3",
            ZoneOffset.UTC);

    private static EventRef ref(String sequence, long arrival, int subSequence, int eventIndex) {
        return new EventRef(new RecordSource(STREAM, SHARD, sequence, "pk-1", arrival), subSequence, eventIndex);
    }

    private static FailedLogEntry kinesis(RejectReason reason, String data, String sequence, int eventIndex) {
        return new FailedLogEntry(reason, "detail of " + reason, data.getBytes(StandardCharsets.UTF_8),
                new KinesisEventSource(ref(sequence, ARRIVAL, EventRef.NONE, eventIndex)));
    }

    private static List<String> gunzipLines(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).endsWith("\n");
            return List.of(text.substring(0, text.length() - 1).split("\n", -1));
        }
    }

    private JsonNode onlyEnvelope() throws IOException {
        assertThat(store.objects()).hasSize(1);
        List<String> lines = gunzipLines(store.objects().get(0).body());
        assertThat(lines).hasSize(1);
        return MAPPER.readTree(lines.get(0));
    }

    @Test
    void write_kinesisEntry_usesArrivalTimeShardAndFirstSequenceInTheKey() {
        FailedLogWriter.Result result = writer.write(List.of(kinesis(RejectReason.INVALID_TIME, "{}", SEQ_1, 3)));

        assertThat(store.keys("failed-bucket")).containsExactly(
                "failed/invalid_time/2026-11/24/2026-11-24-10:15:30-" + SHARD + "-" + SEQ_1 + ".gz");
        assertThat(result.groups()).singleElement().isInstanceOf(FailedLogWriter.Written.class);
        assertThat(result.groups().get(0).key()).isEqualTo(store.keys("failed-bucket").get(0));
    }

    @Test
    void write_keyTime_followsTheConfiguredZone() {
        FailedLogWriter tokyo = new FailedLogWriter(store, "b", "failed", "f", ZoneId.of("Asia/Tokyo"));
        long lateEvening = Instant.parse("2026-11-30T20:00:00Z").toEpochMilli();
        FailedLogEntry entry = new FailedLogEntry(RejectReason.NOT_JSON, "d", new byte[] {'x'},
                new KinesisEventSource(ref(SEQ_1, lateEvening, EventRef.NONE, EventRef.NONE)));

        tokyo.write(List.of(entry));

        assertThat(store.keys("b")).containsExactly(
                "failed/not_json/2026-12/01/2026-12-01-05:00:00-" + SHARD + "-" + SEQ_1 + ".gz");
    }

    @Test
    void write_withEmptyPrefix_hasNoLeadingSlash() {
        new FailedLogWriter(store, "b", "", "f", ZoneOffset.UTC)
                .write(List.of(kinesis(RejectReason.NOT_JSON, "x", SEQ_1, 0)));

        assertThat(store.keys("b")).singleElement().asString().startsWith("not_json/2026-11/24/");
    }

    @Test
    void write_prefixSlashes_areStripped() {
        new FailedLogWriter(store, "b", "/logs/failed/", "f", ZoneOffset.UTC)
                .write(List.of(kinesis(RejectReason.NOT_JSON, "x", SEQ_1, 0)));

        assertThat(store.keys("b")).singleElement().asString().startsWith("logs/failed/not_json/2026-11/24/");
    }

    @Test
    void write_s3LineEntry_usesObjectHashFirstLineAndEventTime() throws Exception {
        long eventTime = Instant.parse("2026-11-24T01:02:03.456Z").toEpochMilli();
        String objectKey = "AWSLogs/123456789012/elasticloadbalancing/ap-northeast-1/2026/11/24/x.log.gz";
        FailedLogEntry entry = new FailedLogEntry(RejectReason.INVALID_ACCESS_LOG_LINE, "too few fields",
                "garbage".getBytes(StandardCharsets.UTF_8), new S3LineSource("alb-logs", objectKey, 42, eventTime));
        String expectedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("alb-logs/" + objectKey).getBytes(StandardCharsets.UTF_8))).substring(0, 16);

        writer.write(List.of(entry));

        assertThat(store.keys("failed-bucket")).containsExactly("failed/invalid_access_log_line/2026-11/24/"
                + "2026-11-24-01:02:03-" + expectedHash + "-42.gz");
        JsonNode source = onlyEnvelope().get("source");
        assertThat(source.get("bucket").asText()).isEqualTo("alb-logs");
        assertThat(source.get("key").asText()).isEqualTo(objectKey);
        assertThat(source.get("line").asLong()).isEqualTo(42);
        assertThat(source.get("event_time").asText()).isEqualTo("2026-11-24T01:02:03.456Z");
    }

    @Test
    void write_envelope_hasReasonDetailFunctionSourceAndData() throws Exception {
        FailedLogEntry entry = new FailedLogEntry(RejectReason.INVALID_TIME, "time 'yesterday' is not ISO-8601",
                "{\"log_type\":\"app\",\"time\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8),
                new KinesisEventSource(ref(SEQ_1, ARRIVAL, 0, 3)));

        writer.write(List.of(entry));

        JsonNode envelope = onlyEnvelope();
        assertThat(envelope.fieldNames()).toIterable()
                .containsExactly("reason", "detail", "function", "source", "data");
        assertThat(envelope.get("reason").asText()).isEqualTo("invalid_time");
        assertThat(envelope.get("detail").asText()).isEqualTo("time 'yesterday' is not ISO-8601");
        assertThat(envelope.get("function").asText()).isEqualTo("kinesis-to-s3");
        assertThat(envelope.get("data").asText()).isEqualTo("{\"log_type\":\"app\",\"time\":\"yesterday\"}");
        JsonNode source = envelope.get("source");
        assertThat(source.get("stream").asText()).isEqualTo(STREAM);
        assertThat(source.get("shard").asText()).isEqualTo(SHARD);
        assertThat(source.get("sequence").asText()).isEqualTo(SEQ_1);
        assertThat(source.get("sub_sequence").asInt()).isZero();
        assertThat(source.get("event_index").asInt()).isEqualTo(3);
        assertThat(source.get("arrival_time").asText()).isEqualTo("2026-11-24T10:15:30.123Z");
        assertThat(source.get("partition_key").asText()).isEqualTo("pk-1");
    }

    @Test
    void write_positionsThatDoNotApply_areNull() throws Exception {
        writer.write(List.of(kinesis(RejectReason.NOT_JSON, "x", SEQ_1, EventRef.NONE)));

        JsonNode source = onlyEnvelope().get("source");
        assertThat(source.get("sub_sequence").isNull()).isTrue();
        assertThat(source.get("event_index").isNull()).isTrue();
    }

    @Test
    void write_arrivalTimeOnAWholeSecond_keepsThreeFractionDigits() throws Exception {
        long whole = Instant.parse("2026-11-24T10:15:30Z").toEpochMilli();
        writer.write(List.of(new FailedLogEntry(RejectReason.NOT_JSON, "d", new byte[] {'x'},
                new KinesisEventSource(ref(SEQ_1, whole, EventRef.NONE, EventRef.NONE)))));

        assertThat(onlyEnvelope().at("/source/arrival_time").asText()).isEqualTo("2026-11-24T10:15:30.000Z");
    }

    @Test
    void write_invalidUtf8_isWrittenAsBase64Only() throws Exception {
        byte[] data = {(byte) 0xC3, (byte) 0x28, 'a'};
        writer.write(List.of(new FailedLogEntry(RejectReason.NOT_UTF8, "bad byte", data,
                new KinesisEventSource(ref(SEQ_1, ARRIVAL, EventRef.NONE, EventRef.NONE)))));

        JsonNode envelope = onlyEnvelope();
        assertThat(envelope.has("data")).isFalse();
        assertThat(envelope.get("data_base64").asText()).isEqualTo("wyhh");
    }

    @Test
    void write_textWithNewlinesAndNonAscii_staysOnOneLineAndRoundTrips() throws Exception {
        String text = "line1\nline2\t\"q\" \u65e5\u672c \uD83D\uDE00";
        writer.write(List.of(kinesis(RejectReason.NOT_OBJECT, text, SEQ_1, 0)));

        assertThat(onlyEnvelope().get("data").asText()).isEqualTo(text);
    }

    @Test
    void write_groupsByReasonInFirstAppearanceOrderKeepingInputOrderInside() throws Exception {
        List<FailedLogEntry> entries = List.of(
                kinesis(RejectReason.NOT_JSON, "a", SEQ_1, 0),
                kinesis(RejectReason.INVALID_TIME, "b", SEQ_1, 1),
                kinesis(RejectReason.NOT_JSON, "c", SEQ_2, 0),
                kinesis(RejectReason.INVALID_TIME, "d", SEQ_2, 1));

        FailedLogWriter.Result result = writer.write(entries);

        assertThat(result.groups()).extracting(FailedLogWriter.GroupOutcome::reason)
                .containsExactly(RejectReason.NOT_JSON, RejectReason.INVALID_TIME);
        assertThat(store.putAttempts()).isEqualTo(2);
        String notJsonKey = result.outcome(RejectReason.NOT_JSON).orElseThrow().key();
        List<String> data = new ArrayList<>();
        for (String line : gunzipLines(store.get("failed-bucket", notJsonKey).orElseThrow().body())) {
            data.add(MAPPER.readTree(line).get("data").asText());
        }
        assertThat(data).containsExactly("a", "c");
        assertThat(notJsonKey).endsWith("-" + SEQ_1 + ".gz");
        assertThat(result.outcome(RejectReason.NOT_JSON).orElseThrow().entries())
                .containsExactly(entries.get(0), entries.get(2));
    }

    @Test
    void write_storesGzipNdjsonContentTypeAndEncoding() {
        writer.write(List.of(kinesis(RejectReason.NOT_JSON, "a", SEQ_1, 0)));

        assertThat(store.objects().get(0).options()).isEqualTo(PutOptions.GZIP_NDJSON);
        assertThat(PutOptions.GZIP_NDJSON.contentType()).isEqualTo("application/x-ndjson");
        assertThat(PutOptions.GZIP_NDJSON.contentEncoding()).isEqualTo("gzip");
    }

    @Test
    void write_sameEntriesTwice_giveTheSameKeyAndIdenticalBytes() {
        List<FailedLogEntry> entries = List.of(kinesis(RejectReason.NOT_JSON, "a", SEQ_1, 0),
                kinesis(RejectReason.NOT_JSON, "b", SEQ_2, 0));
        InMemoryObjectStore other = new InMemoryObjectStore();

        writer.write(entries);
        new FailedLogWriter(other, "failed-bucket", "failed", "kinesis-to-s3", ZoneOffset.UTC).write(entries);

        assertThat(other.objects()).isEqualTo(store.objects());
    }

    @Test
    void write_gzipHeader_hasNoModificationTime() {
        writer.write(List.of(kinesis(RejectReason.NOT_JSON, "a", SEQ_1, 0)));

        byte[] body = store.objects().get(0).body();
        assertThat(body[0]).isEqualTo((byte) 0x1f);
        assertThat(body[1]).isEqualTo((byte) 0x8b);
        assertThat(new byte[] {body[4], body[5], body[6], body[7]}).containsOnly(0);
    }

    @Test
    void write_whenOneGroupFailsTransiently_reportsItFailedAndWritesTheOthers() {
        RetryableException slowDown = new RetryableException("slow down", "SlowDown", null);
        store.failWhen(key -> key.contains("/invalid_time/"), () -> slowDown);
        FailedLogEntry notJson = kinesis(RejectReason.NOT_JSON, "a", SEQ_1, 0);
        FailedLogEntry badTime = kinesis(RejectReason.INVALID_TIME, "b", SEQ_1, 1);

        FailedLogWriter.Result result = writer.write(List.of(notJson, badTime));

        assertThat(result.allWritten()).isFalse();
        assertThat(result.written()).containsExactly(notJson);
        assertThat(result.failed()).containsExactly(badTime);
        FailedLogWriter.GroupOutcome failed = result.outcome(RejectReason.INVALID_TIME).orElseThrow();
        assertThat(failed).isInstanceOfSatisfying(FailedLogWriter.Failed.class,
                f -> assertThat(f.cause()).isSameAs(slowDown));
        assertThat(store.keys("failed-bucket")).hasSize(1);
    }

    @Test
    void write_whenStoreFailsFatally_propagates() {
        store.failWhen(key -> true, () -> new FatalException("AccessDenied"));

        assertThatThrownBy(() -> writer.write(List.of(kinesis(RejectReason.NOT_JSON, "a", SEQ_1, 0))))
                .isInstanceOf(FatalException.class).hasMessage("AccessDenied");
    }

    @Test
    void write_allGroupsStored_allWrittenAndNothingFailed() {
        FailedLogWriter.Result result = writer.write(List.of(kinesis(RejectReason.NOT_JSON, "a", SEQ_1, 0)));

        assertThat(result.allWritten()).isTrue();
        assertThat(result.failed()).isEmpty();
        assertThat(result.outcome(RejectReason.INVALID_TIME)).isEmpty();
    }

    @Test
    void write_nothing_putsNothing() {
        FailedLogWriter.Result result = writer.write(List.of());

        assertThat(result.groups()).isEmpty();
        assertThat(result.allWritten()).isTrue();
        assertThat(store.putAttempts()).isZero();
    }

    @Test
    void write_storeSeesOnlyTheConfiguredBucket() {
        ObjectStore recording = (bucket, key, body, options) -> assertThat(bucket).isEqualTo("failed-bucket");

        new FailedLogWriter(recording, "failed-bucket", "p", "f", ZoneOffset.UTC)
                .write(List.of(kinesis(RejectReason.NOT_JSON, "a", SEQ_1, 0)));
    }

    @Test
    void entryOf_rejected_keepsReasonDetailDataAndRef() {
        EventRef ref = ref(SEQ_1, ARRIVAL, 2, 5);
        Rejected rejected = new Rejected(RejectReason.MISSING_LOG_ID, "no log_id", new byte[] {'{', '}'}, ref);

        FailedLogEntry entry = FailedLogEntry.of(rejected);

        assertThat(entry).isEqualTo(new FailedLogEntry(RejectReason.MISSING_LOG_ID, "no log_id",
                new byte[] {'{', '}'}, new KinesisEventSource(ref)));
        assertThat(entry.toString()).contains("bytes=2").doesNotContain("{}");
    }
}
