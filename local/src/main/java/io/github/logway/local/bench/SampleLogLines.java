package io.github.logway.local.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Realistic JSON log lines of about {@value #TARGET_LINE_BYTES} bytes, deterministic for a seed and an anchor time:
 * {@code log_type} from a few services, a UUID {@code log_id}, an ISO {@code time} with milliseconds and a +09:00
 * offset within the minute before the anchor, and HTTP-ish fields. Shared by {@code bench gen}; the JMH benchmarks
 * could use it too.
 */
public final class SampleLogLines {

    /** The size each line is padded towards (a typical application log line). */
    public static final int TARGET_LINE_BYTES = 500;

    /** How far before the anchor a line's time may lie, in milliseconds. */
    private static final int TIME_SPREAD_MILLIS = 60_000;
    /** ISO 8601 with milliseconds and offset, every field always written (unlike {@code OffsetDateTime#toString}). */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.ofHours(9));
    private static final String[] LOG_TYPES = {"nginx_access", "orders", "payments", "auth", "search"};
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
    private static final String[] PATHS = {"/api/v1/orders", "/api/v1/payments/authorize", "/healthz",
        "/api/v2/search?q=running+shoes&page=2", "/static/app.3f9c2.js", "/account/settings"};
    private static final int[] STATUSES = {200, 200, 200, 201, 204, 304, 400, 404, 500, 503};
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0",
        "okhttp/4.12.0", "aws-sdk-java/2.57.8 Linux/6.1 OpenJDK_64-Bit_Server_VM/21"};
    private static final String PADDING_FIELD = ",\"note\":\"\"";

    private SampleLogLines() {
    }

    /**
     * @param count how many lines
     * @param anchor the latest time a line may carry
     * @param seed the random seed: the same seed, count and anchor give the same lines
     * @return the lines as UTF-8, without line breaks
     */
    public static byte[][] generate(int count, Instant anchor, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] lines = new byte[count][];
        for (int i = 0; i < count; i++) {
            Instant time = anchor.minusMillis(random.nextInt(TIME_SPREAD_MILLIS));
            lines[i] = line(random, time).getBytes(StandardCharsets.UTF_8);
        }
        return lines;
    }

    private static String line(SplittableRandom random, Instant time) {
        StringBuilder line = new StringBuilder(TARGET_LINE_BYTES + 16)
                .append("{\"time\":\"").append(TIME.format(time))
                .append("\",\"log_type\":\"").append(pick(random, LOG_TYPES))
                .append("\",\"log_id\":\"").append(new UUID(random.nextLong(), random.nextLong()))
                .append("\",\"host\":\"web-").append(random.nextInt(40)).append(".ap-northeast-1.compute.internal\"")
                .append(",\"method\":\"").append(pick(random, METHODS))
                .append("\",\"path\":\"").append(pick(random, PATHS))
                .append("\",\"status\":").append(STATUSES[random.nextInt(STATUSES.length)])
                .append(",\"bytes\":").append(random.nextInt(100_000))
                .append(",\"duration_ms\":").append(random.nextInt(5_000) / 10.0)
                .append(",\"client_ip\":\"203.0.113.").append(random.nextInt(256))
                .append("\",\"user_agent\":\"").append(pick(random, USER_AGENTS))
                .append("\",\"trace\":{\"trace_id\":\"").append(Long.toHexString(random.nextLong()))
                .append(Long.toHexString(random.nextLong()))
                .append("\",\"span_id\":\"").append(Long.toHexString(random.nextLong()))
                .append("\"},\"message\":\"request completed\"");
        int padding = TARGET_LINE_BYTES - 1 - line.length() - PADDING_FIELD.length();
        if (padding > 0) {
            line.append(",\"note\":\"").append("x".repeat(padding)).append('"');
        }
        return line.append('}').toString();
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
