package io.github.logway.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;

/** Realistic ~500-byte JSON log lines for the benchmarks, deterministic for a seed. */
final class SampleLines {

    private static final String[] TYPES = {"nginx_access", "orders", "payments", "auth", "search"};
    private static final String[] PATHS = {"/api/v1/orders", "/api/v1/payments/authorize", "/healthz",
        "/api/v2/search?q=running+shoes&page=2", "/static/app.3f9c2.js"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        "okhttp/4.12.0", "aws-sdk-java/2.57.8 Linux/6.1 OpenJDK_64-Bit_Server_VM/21"};

    private SampleLines() {
    }

    /** {@code count} lines with times around {@code arrival}, each close to 500 bytes. */
    static byte[][] generate(int count, Instant arrival, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] lines = new byte[count][];
        for (int i = 0; i < count; i++) {
            lines[i] = line(random, arrival.minusMillis(random.nextLong(60_000))).getBytes(StandardCharsets.UTF_8);
        }
        return lines;
    }

    private static String line(SplittableRandom random, Instant time) {
        String stamp = OffsetDateTime.ofInstant(time, ZoneOffset.ofHours(9)).toString();
        String line = "{\"time\":\"" + stamp + "\",\"log_type\":\"" + TYPES[random.nextInt(TYPES.length)]
                + "\",\"log_id\":\"" + new UUID(random.nextLong(), random.nextLong())
                + "\",\"host\":\"web-" + random.nextInt(40) + ".ap-northeast-1.compute.internal\",\"method\":\"GET\""
                + ",\"path\":\"" + PATHS[random.nextInt(PATHS.length)] + "\",\"status\":" + (200 + random.nextInt(4) * 100)
                + ",\"bytes\":" + random.nextInt(100_000) + ",\"duration_ms\":" + random.nextInt(5000) / 10.0
                + ",\"user_agent\":\"" + AGENTS[random.nextInt(AGENTS.length)] + "\",\"trace\":{\"trace_id\":\""
                + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()) + "\",\"span_id\":\""
                + Long.toHexString(random.nextLong()) + "\"},\"message\":\"request completed\"";
        StringBuilder padded = new StringBuilder(line);
        int pad = 499 - padded.length() - ",\"note\":\"\"".length();
        if (pad > 0) {
            padded.append(",\"note\":\"").append("x".repeat(pad)).append('"');
        }
        return padded.append('}').toString();
    }
}
