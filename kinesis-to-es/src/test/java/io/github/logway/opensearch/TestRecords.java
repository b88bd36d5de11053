package io.github.logway.opensearch;

import io.github.logway.schema.EventRef;
import io.github.logway.schema.LogRecord;
import io.github.logway.schema.RecordSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Log records and fixtures for unit tests. */
final class TestRecords {

    static final RecordSource SOURCE = new RecordSource("arn:aws:kinesis:eu-west-1:123456789012:stream/logs",
            "shardId-000000000000", "49590338271490256608559692538361571095921575989136588898", "pk",
            Instant.parse("2026-11-24T10:15:31Z").toEpochMilli());

    private TestRecords() {}

    /** A record of log type {@code logType} and id {@code logId} at {@code time}, with a small JSON body. */
    static LogRecord record(String logType, String logId, String time) {
        String json = "{\"log_type\":\"" + logType + "\",\"log_id\":\"" + logId + "\",\"time\":\"" + time
                + "\",\"message\":\"hello\"}";
        return record(json, logType, logId, Instant.parse(time));
    }

    /** A record with the given JSON text and schema fields. */
    static LogRecord record(String json, String logType, String logId, Instant time) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        return new LogRecord(bytes, 0, bytes.length, logType, logId, nanos, EventRef.of(SOURCE));
    }

    /** A classpath resource as bytes. */
    static byte[] resource(String name) {
        try (InputStream in = TestRecords.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
