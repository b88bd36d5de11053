package io.github.logway.forward;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.logway.core.config.EnvReader;
import io.github.logway.schema.decode.KplAggregator;
import io.github.logway.schema.decode.KplSubRecord;
import io.github.logway.testing.events.KinesisEventBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Log lines, CloudWatch Logs envelopes, KPL aggregates and configurations for the forward tests. */
final class ForwardTestData {

    /** A time within the allowed skew of {@link KinesisEventBuilder#DEFAULT_FIRST_ARRIVAL}. */
    static final String TIME = "2026-01-15T10:20:00Z";
    static final long TIME_MILLIS = 1_768_472_400_000L;

    private ForwardTestData() {
    }

    /** A valid log line. */
    static String line(String logType, String logId) {
        return "{\"log_type\":\"" + logType + "\",\"log_id\":\"" + logId + "\",\"time\":\"" + TIME
                + "\",\"message\":\"hello\"}";
    }

    /** A valid log line of exactly {@code bytes} UTF-8 bytes (at least 80). */
    static String lineOfSize(String logType, String logId, int bytes) {
        String head = "{\"log_type\":\"" + logType + "\",\"log_id\":\"" + logId + "\",\"time\":\"" + TIME
                + "\",\"pad\":\"";
        int pad = bytes - head.length() - 2;
        if (pad < 0) {
            throw new IllegalArgumentException("a line needs at least " + (head.length() + 2) + " bytes");
        }
        return head + "x".repeat(pad) + "\"}";
    }

    /** A gzip-compressed CloudWatch Logs DATA_MESSAGE with one log event per message. */
    static byte[] cwlEnvelope(List<String> messages) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (JsonGenerator out = new JsonFactory().createGenerator(json)) {
            out.writeStartObject();
            out.writeStringField("messageType", "DATA_MESSAGE");
            out.writeStringField("owner", "123456789012");
            out.writeStringField("logGroup", "/aws/lambda/checkout-api");
            out.writeStringField("logStream", "2026/01/15/[$LATEST]4c8e2b1f0a9d4e6b8c7d5e3f2a1b0c9d");
            out.writeArrayFieldStart("subscriptionFilters");
            out.writeString("logway-router");
            out.writeEndArray();
            out.writeArrayFieldStart("logEvents");
            for (int i = 0; i < messages.size(); i++) {
                out.writeStartObject();
                out.writeStringField("id", "3729851743184567239071589321887401263419527630154814" + (1000 + i));
                out.writeNumberField("timestamp", TIME_MILLIS);
                out.writeStringField("message", messages.get(i));
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gzip(json.toByteArray());
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A KPL aggregate of the lines, each with its own partition key {@code pk-N}. */
    static byte[] kpl(List<String> lines) {
        List<KplSubRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            records.add(new KplSubRecord("pk-" + i, null, lines.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        return KplAggregator.aggregate(records);
    }

    static String gunzipText(byte[] gzip) {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The environment of a valid configuration plus {@code overrides} ({@code KEY=VALUE} pairs). */
    static Map<String, String> env(String... overrides) {
        Map<String, String> env = new HashMap<>();
        env.put(KinesisForwardConfig.TARGET_STREAM_NAME, "logway-target");
        env.put("FAILED_LOG_S3_BUCKET", "logway-failed");
        for (String override : overrides) {
            int equals = override.indexOf('=');
            env.put(override.substring(0, equals), override.substring(equals + 1));
        }
        return env;
    }

    static KinesisForwardConfig config(String... overrides) {
        return KinesisForwardConfig.read(new EnvReader(env(overrides)));
    }
}
