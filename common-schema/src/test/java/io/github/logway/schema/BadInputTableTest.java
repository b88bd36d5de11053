package io.github.logway.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.logway.schema.decode.GzipDecoder;
import io.github.logway.schema.decode.KplAggregator;
import io.github.logway.schema.decode.KplSubRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed inputs, each yielding exactly one event with its expected reason and no exception, and beside
 * them the look-alikes that are not rejections of their own.
 */
class BadInputTableTest {

    /** 2026-11-24T10:15:30Z, the arrival time of every record here. */
    private static final long ARRIVAL = 1_795_515_330_000L;
    private static final RecordSource SOURCE =
            new RecordSource("arn:aws:kinesis:ap-northeast-1:123456789012:stream/logs", "shardId-000000000000",
                    "49590338271490256608559692538361571095921575989136588898", "pk", ARRIVAL);
    private static final String OK_ID = "\"log_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"";
    private static final String OK_TIME = "\"time\":\"2026-11-24T10:15:00Z\"";

    private final LogDecoder decoder = new LogDecoder(SchemaRules.DEFAULTS);

    static Stream<Arguments> malformed() {
        return Stream.of(
                row("not UTF-8 (lone continuation byte)", bytes(0x7B, 0x22, 0x80, 0x22, 0x7D), "not_utf8"),
                row("not UTF-8 (overlong encoding of '/')", concat(utf8("{\"log_type\":\"a"), bytes(0xC0, 0xAF),
                        utf8("\"," + OK_ID + "," + OK_TIME + "}")), "not_utf8"),
                row("not UTF-8 (truncated 3-byte sequence at the end)", concat(utf8("{\"a\":\"x"), bytes(0xE3, 0x81)),
                        "not_utf8"),
                row("not UTF-8 (UTF-16 surrogate encoded)", concat(utf8("{\"a\":\""), bytes(0xED, 0xA0, 0x80),
                        utf8("\"}")), "not_utf8"),
                row("plain text", utf8("GET /index.html 200"), "not_json"),
                row("truncated JSON", utf8("{\"log_type\":\"app\",\"log_id\":\"1\""), "not_json"),
                row("trailing garbage", utf8("{\"log_type\":\"app\"," + OK_ID + "," + OK_TIME + "} x"), "not_json"),
                row("empty record", new byte[0], "not_json"),
                row("whitespace only", utf8("  \n\t \n"), "not_json"),
                row("single quotes", utf8("{'log_type':'app'}"), "not_json"),
                row("JSON array", utf8("[{\"log_type\":\"app\"}]"), "not_object"),
                row("JSON string", utf8("\"hello\""), "not_object"),
                row("JSON number", utf8("42"), "not_object"),
                row("JSON null", utf8("null"), "not_object"),
                row("deeply nested JSON", utf8("{\"log_type\":\"app\"," + OK_ID + "," + OK_TIME + ",\"x\":"
                        + "[".repeat(200) + "]".repeat(200) + "}"), "too_deep"),
                row("truncated gzip", Arrays.copyOf(GzipDecoder.gzip(utf8(valid("app")), 6), 20), "corrupt_gzip"),
                row("gzip magic then junk", bytes(0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07),
                        "corrupt_gzip"),
                row("gzip bomb", GzipDecoder.gzip(new byte[SchemaRules.DEFAULT_MAX_DECOMPRESSED_BYTES + 1], 9),
                        "gzip_too_large"),
                row("KPL with valid digest and broken protobuf", kplWithBrokenBody(), "corrupt_kpl"),
                row("missing log_type", utf8("{" + OK_ID + "," + OK_TIME + "}"), "missing_log_type"),
                row("log_type null", utf8("{\"log_type\":null," + OK_ID + "," + OK_TIME + "}"), "missing_log_type"),
                row("log_type ../../etc", utf8(valid("../../etc")), "invalid_log_type"),
                row("log_type a/b", utf8(valid("a/b")), "invalid_log_type"),
                row("log_type with backslash", utf8(valid("a\\\\b")), "invalid_log_type"),
                row("log_type with a space", utf8(valid("my app")), "invalid_log_type"),
                row("log_type with a tab escape", utf8(valid("app\\t")), "invalid_log_type"),
                row("log_type with NUL", utf8(valid("app\\u0000")), "invalid_log_type"),
                row("log_type with no-break space", utf8(valid("app\\u00a0x")), "invalid_log_type"),
                row("log_type empty", utf8(valid("")), "invalid_log_type"),
                row("log_type 101 characters", utf8(valid("a".repeat(101))), "invalid_log_type"),
                row("log_type a number", utf8("{\"log_type\":7," + OK_ID + "," + OK_TIME + "}"), "invalid_log_type"),
                row("log_type twice", utf8("{\"log_type\":\"a\",\"log_type\":\"b\"," + OK_ID + "," + OK_TIME + "}"),
                        "invalid_log_type"),
                row("missing log_id", utf8("{\"log_type\":\"app\"," + OK_TIME + "}"), "missing_log_id"),
                row("empty log_id", utf8("{\"log_type\":\"app\",\"log_id\":\"\"," + OK_TIME + "}"), "invalid_log_id"),
                row("log_id a number", utf8("{\"log_type\":\"app\",\"log_id\":12345," + OK_TIME + "}"),
                        "invalid_log_id"),
                row("log_id 513 bytes", utf8("{\"log_type\":\"app\",\"log_id\":\"" + "x".repeat(513) + "\","
                        + OK_TIME + "}"), "invalid_log_id"),
                row("missing time", utf8("{\"log_type\":\"app\"," + OK_ID + "}"), "missing_time"),
                row("time null", utf8("{\"log_type\":\"app\"," + OK_ID + ",\"time\":null}"), "missing_time"),
                row("time \"yesterday\"", utf8(withTime("\"yesterday\"")), "invalid_time"),
                row("epoch as a string", utf8(withTime("\"1795515300\"")), "invalid_time"),
                row("date without time", utf8(withTime("\"2026-11-24\"")), "invalid_time"),
                row("February 30th", utf8(withTime("\"2026-02-30T10:00:00Z\"")), "invalid_time"),
                row("time a boolean", utf8(withTime("true")), "invalid_time"),
                row("time an object", utf8(withTime("{\"s\":1}")), "invalid_time"),
                row("time ten fraction digits", utf8(withTime("\"2026-11-24T10:15:00.1234567890Z\"")),
                        "invalid_time"),
                row("time far in the future", utf8(withTime("\"2027-01-01T00:00:00Z\"")), "time_out_of_range"),
                row("time epoch 0", utf8(withTime("0")), "time_out_of_range"),
                row("time 20 years ago", utf8(withTime("\"2006-11-24T10:15:00Z\"")), "time_out_of_range"),
                // Well-formed but beyond epoch nanoseconds (1677-2262): out of range, not malformed.
                row("time in year 9999", utf8(withTime("\"9999-12-31T23:59:59Z\"")), "time_out_of_range"),
                row("time in year 1", utf8(withTime("\"0001-01-01T00:00:00+09:00\"")), "time_out_of_range"),
                row("time 10^18 ms", utf8(withTime("1000000000000000000")), "time_out_of_range"),
                row("time beyond a long", utf8(withTime("123456789012345678901234567890")), "time_out_of_range"),
                row("time 1e300", utf8(withTime("1e300")), "time_out_of_range"),
                row("month 13 in year 9999", utf8(withTime("\"9999-13-01T00:00:00Z\"")), "invalid_time"),
                row("leap second in year 9999", utf8(withTime("\"9999-12-31T23:59:60Z\"")), "invalid_time"),
                row("offset +19:00 in year 9999", utf8(withTime("\"9999-12-31T23:59:59+19:00\"")), "invalid_time"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("malformed")
    void decode_whenMalformed_yieldsOneRejectionWithTheReason(String name, byte[] data, String reason) {
        List<DecodedEvent> out = new ArrayList<>();

        assertThatCode(() -> decoder.decode(data, SOURCE, out)).doesNotThrowAnyException();

        assertThat(out).hasSize(1);
        assertThat(out.get(0)).isInstanceOf(Rejected.class);
        Rejected rejected = (Rejected) out.get(0);
        assertThat(rejected.reason().code()).isEqualTo(reason);
        assertThat(rejected.detail()).isNotBlank();
        assertThat(rejected.ref().source()).isEqualTo(SOURCE);
    }

    @org.junit.jupiter.api.Test
    void table_coversAtLeast25DistinctInputsAndEveryParseReason() {
        List<Arguments> rows = malformed().toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(25);
        assertThat(rows.stream().map(a -> (String) a.get()[2]).distinct())
                .containsExactlyInAnyOrder("not_utf8", "not_json", "not_object", "too_deep", "corrupt_gzip",
                        "gzip_too_large", "corrupt_kpl", "missing_log_type", "invalid_log_type", "missing_log_id",
                        "invalid_log_id", "missing_time", "invalid_time", "time_out_of_range");
    }

    @org.junit.jupiter.api.Test
    void decode_whenAppLogHasMessageTypeField_parsesItAsAnOrdinaryRecord() {
        String line = "{\"log_type\":\"app\"," + OK_ID + "," + OK_TIME
                + ",\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\"}";
        List<DecodedEvent> out = new ArrayList<>();

        decoder.decode(utf8(line), SOURCE, out);

        assertThat(out).singleElement().isInstanceOf(Parsed.class);
        assertThat(((Parsed) out.get(0)).record().text()).isEqualTo(line);
    }

    @org.junit.jupiter.api.Test
    void decode_whenKplDigestIsWrong_readsTheRecordAsPlainData() {
        byte[] aggregate = KplAggregator.aggregate(List.of(new KplSubRecord("pk", null, utf8(valid("app")))));
        aggregate[aggregate.length - 1] ^= 0x01;
        List<DecodedEvent> out = new ArrayList<>();

        decoder.decode(aggregate, SOURCE, out);

        assertThat(out).singleElement().isInstanceOf(Rejected.class);
        assertThat(((Rejected) out.get(0)).reason()).isEqualTo(RejectReason.NOT_UTF8);
        assertThat(((Rejected) out.get(0)).data()).isEqualTo(aggregate);
    }

    private static byte[] kplWithBrokenBody() {
        // A length-delimited field (records = 3) that claims 100 bytes but holds 2; the digest is correct.
        byte[] body = {0x1A, 0x64, 0x08, 0x00};
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("MD5").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return concat(bytes(0xF3, 0x89, 0x9A, 0xC2), body, digest);
    }

    private static String valid(String logType) {
        return "{\"log_type\":\"" + logType + "\"," + OK_ID + "," + OK_TIME + "}";
    }

    private static String withTime(String timeJson) {
        return "{\"log_type\":\"app\"," + OK_ID + ",\"time\":" + timeJson + "}";
    }

    private static Arguments row(String name, byte[] data, String reason) {
        return Arguments.of(name, data, reason);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
