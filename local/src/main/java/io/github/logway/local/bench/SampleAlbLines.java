package io.github.logway.local.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Realistic Application Load Balancer access-log lines (today's format), deterministic for a seed and an anchor
 * time; the last line's time is just before the anchor, each earlier one about 15 ms before the next.
 */
public final class SampleAlbLines {

    /** Average time between two requests, in milliseconds. */
    private static final int STEP_MILLIS = 15;
    /** ALB's time format: UTC, always six fraction digits ({@code Instant#toString} drops zero fractions). */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String[] TYPES = {"https", "https", "https", "h2", "http", "wss"};
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
    private static final String[] PATHS = {"/api/v1/orders?page=2&size=50", "/api/v1/payments/authorize",
        "/healthz", "/static/app.3f9c2e1a.js", "/api/v2/search?q=running+shoes&sort=price_asc",
        "/account/settings/notifications"};
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0",
        "okhttp/4.12.0", "ELB-HealthChecker/2.0"};
    private static final int[] STATUSES = {200, 200, 200, 200, 201, 204, 301, 304, 400, 404, 502};
    private static final String TARGET_GROUP =
            "arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:targetgroup/shop-web/9a8b7c6d5e4f3a21";
    private static final String CERTIFICATE =
            "arn:aws:acm:ap-northeast-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";

    private SampleAlbLines() {
    }

    /**
     * @param count how many lines
     * @param anchor the latest time a line may carry
     * @param seed the random seed
     * @return the lines as UTF-8, without line breaks
     */
    public static byte[][] generate(int count, Instant anchor, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant start = anchor.minusMillis((long) count * STEP_MILLIS + STEP_MILLIS);
        byte[][] lines = new byte[count][];
        for (int i = 0; i < count; i++) {
            Instant time = start.plusMillis((long) i * STEP_MILLIS + random.nextInt(STEP_MILLIS));
            lines[i] = line(random, time).getBytes(StandardCharsets.UTF_8);
        }
        return lines;
    }

    private static String line(SplittableRandom random, Instant time) {
        String type = TYPES[random.nextInt(TYPES.length)];
        boolean tls = !type.equals("http");
        int status = STATUSES[random.nextInt(STATUSES.length)];
        String target = "10.20." + random.nextInt(4) + "." + (2 + random.nextInt(250)) + ":8080";
        String client = "203.0.113." + random.nextInt(256) + ":" + (1024 + random.nextInt(60_000));
        String host = tls ? "shop.example.org:443" : "shop.example.org:80";
        String request = METHODS[random.nextInt(METHODS.length)] + " " + (tls ? "https" : "http") + "://" + host
                + PATHS[random.nextInt(PATHS.length)] + " " + (type.equals("h2") ? "HTTP/2.0" : "HTTP/1.1");
        return type + " " + TIME.format(time) + " app/shop-front/5f3c9e2a7b1d4c60 " + client + " " + target
                + " 0.00" + random.nextInt(10) + " 0.0" + (10 + random.nextInt(89)) + " 0.000 " + status + " "
                + status + " " + (100 + random.nextInt(2_000)) + " " + (200 + random.nextInt(90_000)) + " \""
                + request + "\" \"" + USER_AGENTS[random.nextInt(USER_AGENTS.length)] + "\" "
                + (tls ? "TLS_AES_128_GCM_SHA256 TLSv1.3" : "- -") + " " + TARGET_GROUP
                + " \"Root=1-" + Long.toHexString(time.getEpochSecond()) + "-" + hex(random, 24) + "\" \""
                + (tls ? "shop.example.org" : "-") + "\" \"" + (tls ? CERTIFICATE : "-") + "\" "
                + random.nextInt(20) + " " + TIME.format(time.minusMillis(5 + random.nextInt(90)))
                + " \"forward\" \"-\" \"-\" \""
                + target + "\" \"" + status + "\" \"-\" \"-\" TID_" + hex(random, 32) + " \"-\" \"-\" \"-\"";
    }

    private static String hex(SplittableRandom random, int digits) {
        StringBuilder text = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }
}
