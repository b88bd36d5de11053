package io.github.logway.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.github.luben.zstd.ZstdInputStream;
import io.github.logway.core.BatchSummary;
import io.github.logway.core.FatalException;
import io.github.logway.core.RetryableException;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.failedlog.FailedLogEnvelope;
import io.github.logway.core.failedlog.FailedLogReader;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.core.store.InMemoryObjectStore.StoredObject;
import io.github.logway.core.store.ObjectStore;
import io.github.logway.core.store.PutOptions;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import io.github.logway.testing.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The function end to end on real Kinesis events, with an in-memory object store. */
class KinesisToS3HandlerTest {

    private static final String BUCKET = "archive";
    private static final Instant NOW = Instant.parse("2026-01-15T10:20:31Z");

    private final ManualClock clock = ManualClock.at(NOW);
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    // ---- helpers -------------------------------------------------------------------------------------------

    private static String line(String logType, String logId, String time) {
        return "{\"log_type\":\"" + logType + "\",\"log_id\":\"" + logId + "\",\"time\":\"" + time
                + "\",\"message\":\"hello ünïcode\"}";
    }

    private static KinesisToS3Config config(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("LOG_S3_BUCKET", BUCKET);
        env.put("LOG_S3_PREFIX", "logs");
        env.put("S3_UPLOAD_CONCURRENCY", "1");
        env.putAll(overrides);
        return KinesisToS3Config.read(new EnvReader(env));
    }

    private static KinesisToS3Config withMaxObjectBytes(KinesisToS3Config c, long maxObjectBytes) {
        return new KinesisToS3Config(c.common(), c.bucket(), c.prefix(), c.unknownPrefix(), c.timezone(),
                c.keyLayout(), c.compression(), c.compressionLevel(), c.sseKmsKeyId(), c.storageClass(),
                maxObjectBytes, c.uploadConcurrency(), c.forcePathStyle());
    }

    private KinesisToS3Handler handler(KinesisToS3Config config, ObjectStore objectStore) {
        return new KinesisToS3Handler(config, objectStore, clock, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private KinesisToS3Handler handler(Map<String, String> env) {
        return handler(config(env), store);
    }

    private FakeLambdaContext context() {
        return FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(1));
    }

    private static String checkpointOf(StreamsEventResponse response) {
        return response.getBatchItemFailures().isEmpty() ? null
                : response.getBatchItemFailures().get(0).getItemIdentifier();
    }

    private static String gunzip(byte[] body) {
        return read(() -> new GZIPInputStream(new ByteArrayInputStream(body)));
    }

    private static String unzstd(byte[] body) {
        return read(() -> new ZstdInputStream(new ByteArrayInputStream(body)));
    }

    private interface StreamOpener {
        InputStream open() throws IOException;
    }

    private static String read(StreamOpener opener) {
        try (InputStream in = opener.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String textAt(String key) {
        return gunzip(store.get(BUCKET, key).orElseThrow(() -> new AssertionError("no object " + key
                + "; stored: " + store.keys(BUCKET))).body());
    }

    // ---- keys ------------------------------------------------------------------------------------------------

    @Test
    void keys_whenBatchCrossesMidnightInUtc_writesOneObjectPerDay() {
        String a1 = line("nginx", "a1", "2026-01-14T23:59:58.5Z");
        String a2 = line("nginx", "a2", "2026-01-15T00:00:01Z");
        String a3 = line("nginx", "a3", "2026-01-14T23:59:59Z");
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(a1, a2, a3)).build();

        StreamsEventResponse response = handler(Map.of()).handleRequest(event, context());

        assertThat(checkpointOf(response)).isNull();
        assertThat(store.keys(BUCKET)).containsExactly(
                "logs/nginx/2026-01/14/2026-01-14-23:59:58-a1.gz",
                "logs/nginx/2026-01/15/2026-01-15-00:00:01-a2.gz");
        assertThat(textAt("logs/nginx/2026-01/14/2026-01-14-23:59:58-a1.gz")).isEqualTo(a1 + "\n" + a3 + "\n");
        assertThat(textAt("logs/nginx/2026-01/15/2026-01-15-00:00:01-a2.gz")).isEqualTo(a2 + "\n");
    }

    @Test
    void keys_whenBatchCrossesMidnightInTokyo_writesOneObjectPerDay() {
        String t1 = line("app", "t1", "2026-01-15T14:59:59Z");
        String t2 = line("app", "t2", "2026-01-16T00:00:00+09:00");
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(t1, t2)).build();

        handler(Map.of("TIMEZONE", "Asia/Tokyo")).handleRequest(event, context());

        assertThat(store.keys(BUCKET)).containsExactly(
                "logs/app/2026-01/15/2026-01-15-23:59:59-t1.gz",
                "logs/app/2026-01/16/2026-01-16-00:00:00-t2.gz");
    }

    @Test
    void keys_whenSameBatchInUtc_writesOneObjectForTheDayTokyoSplits() {
        String t1 = line("app", "t1", "2026-01-15T14:59:59Z");
        String t2 = line("app", "t2", "2026-01-16T00:00:00+09:00");

        handler(Map.of()).handleRequest(KinesisEventBuilder.ofLines(List.of(t1, t2)).build(), context());

        assertThat(store.keys(BUCKET)).containsExactly("logs/app/2026-01/15/2026-01-15-14:59:59-t1.gz");
    }

    @Test
    void keys_whenLogIdNeedsEscaping_percentEncodesIt() {
        String record = line("app", "order 42/€?", "2026-01-15T10:00:00Z");

        handler(Map.of()).handleRequest(KinesisEventBuilder.ofLines(List.of(record)).build(), context());

        assertThat(store.keys(BUCKET)).containsExactly("logs/app/2026-01/15/2026-01-15-10:00:00-order%2042%2F%E2%82%AC%3F.gz");
    }

    @Test
    void keys_whenPrefixEmpty_haveNoLeadingSlash() {
        String record = line("app", "x", "2026-01-15T10:00:00Z");

        handler(Map.of("LOG_S3_PREFIX", "")).handleRequest(KinesisEventBuilder.ofLines(List.of(record)).build(),
                context());

        assertThat(store.keys(BUCKET)).containsExactly("app/2026-01/15/2026-01-15-10:00:00-x.gz");
    }

    @Test
    void keys_whenHiveLayout_writesOneObjectPerHourNamedByShardAndSequences() {
        List<String> lines = List.of(
                line("app", "h1", "2026-01-15T10:59:59Z"),
                line("app", "h2", "2026-01-15T11:00:00Z"),
                line("app", "h3", "2026-01-15T10:30:00Z"));
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(lines).shardId("shardId-000000000007");

        handler(Map.of("S3_KEY_LAYOUT", "hive")).handleRequest(builder.build(), context());

        String hour10 = "logs/log_type=app/dt=2026-01-15/hour=10/shardId-000000000007-" + builder.sequenceNumber(0)
                + "-" + builder.sequenceNumber(2) + ".gz";
        String hour11 = "logs/log_type=app/dt=2026-01-15/hour=11/shardId-000000000007-" + builder.sequenceNumber(1)
                + "-" + builder.sequenceNumber(1) + ".gz";
        assertThat(store.keys(BUCKET)).containsExactlyInAnyOrder(hour10, hour11);
        assertThat(textAt(hour10)).isEqualTo(lines.get(0) + "\n" + lines.get(2) + "\n");
    }

    @Test
    void keys_whenLogTypeIsRejected_landsUnderUnknownPrefixAsInvalidLogType() {
        String bad = line("a/b", "x1", "2026-01-15T10:00:00Z");
        String good = line("app", "x2", "2026-01-15T10:00:00Z");
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(List.of(bad, good));

        StreamsEventResponse response = handler(Map.of()).handleRequest(builder.build(), context());

        String failedKey = "logs/unknown/invalid_log_type/2026-01/15/2026-01-15-10:20:30-shardId-000000000000-"
                + builder.sequenceNumber(0) + ".gz";
        assertThat(checkpointOf(response)).isNull();
        assertThat(store.keys(BUCKET)).containsExactlyInAnyOrder(failedKey,
                "logs/app/2026-01/15/2026-01-15-10:00:00-x2.gz");
        List<FailedLogEnvelope> envelopes = FailedLogReader.read(store.get(BUCKET, failedKey).orElseThrow().body());
        assertThat(envelopes).singleElement().satisfies(envelope -> {
            assertThat(envelope.reason().code()).isEqualTo("invalid_log_type");
            assertThat(envelope.function()).isEqualTo("kinesis-to-s3");
            assertThat(new String(envelope.data(), StandardCharsets.UTF_8)).isEqualTo(bad);
        });
    }

    @Test
    void invalidRecords_whenFailedLogBucketSet_goThereInsteadOfUnknownPrefix() {
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(List.of("not json"));

        handler(Map.of("FAILED_LOG_S3_BUCKET", "failed-bucket")).handleRequest(builder.build(), context());

        assertThat(store.keys(BUCKET)).isEmpty();
        assertThat(store.keys("failed-bucket")).containsExactly("failed/not_json/2026-01/15/2026-01-15-10:20:30-"
                + "shardId-000000000000-" + builder.sequenceNumber(0) + ".gz");
    }

    // ---- bodies and headers ----------------------------------------------------------------------------------

    @Test
    void body_whenGunzipped_isTheOriginalLinesNewlineTerminated() {
        String first = line("app", "b1", "2026-01-15T10:00:00Z");
        String ndjsonA = "{\"time\":1768471200.5,\"log_id\":\"b2\",\"log_type\":\"app\",\"nested\":{\"k\":[1,2]}}";
        String ndjsonB = "{\"log_type\":\"app\", \"log_id\":\"b3\", \"time\":\"2026-01-15T10:00:01Z\"}";
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(first, ndjsonA + "\n" + ndjsonB + "\n")).build();

        handler(Map.of()).handleRequest(event, context());

        StoredObject object = store.objects().get(0);
        assertThat(store.objects()).hasSize(1);
        assertThat(gunzip(object.body())).isEqualTo(first + "\n" + ndjsonA + "\n" + ndjsonB + "\n");
        assertThat(object.options()).isEqualTo(new PutOptions("application/x-ndjson", "gzip", null, null));
    }

    @Test
    void body_whenZstd_decompressesToTheOriginalLines() {
        String record = line("app", "z1", "2026-01-15T10:00:00Z");

        handler(Map.of("S3_COMPRESSION", "zstd")).handleRequest(KinesisEventBuilder.ofLines(List.of(record)).build(),
                context());

        StoredObject object = store.objects().get(0);
        assertThat(object.key()).isEqualTo("logs/app/2026-01/15/2026-01-15-10:00:00-z1.zst");
        assertThat(object.options().contentEncoding()).isEqualTo("zstd");
        assertThat(unzstd(object.body())).isEqualTo(record + "\n");
    }

    @Test
    void body_whenNoCompression_isPlainNdjsonWithoutEncoding() {
        String record = line("app", "n1", "2026-01-15T10:00:00Z");

        handler(Map.of("S3_COMPRESSION", "none")).handleRequest(KinesisEventBuilder.ofLines(List.of(record)).build(),
                context());

        StoredObject object = store.objects().get(0);
        assertThat(object.key()).isEqualTo("logs/app/2026-01/15/2026-01-15-10:00:00-n1");
        assertThat(object.options().contentEncoding()).isNull();
        assertThat(object.bodyText()).isEqualTo(record + "\n");
    }

    @Test
    void putOptions_whenKmsKeyAndStorageClassSet_carryThem() {
        String record = line("app", "k1", "2026-01-15T10:00:00Z");

        handler(Map.of("S3_SSE_KMS_KEY_ID", "alias/logs", "S3_STORAGE_CLASS", "intelligent_tiering"))
                .handleRequest(KinesisEventBuilder.ofLines(List.of(record)).build(), context());

        assertThat(store.objects().get(0).options()).isEqualTo(
                new PutOptions("application/x-ndjson", "gzip", "alias/logs", "INTELLIGENT_TIERING"));
    }

    @Test
    void split_whenGroupPassesMaxObjectBytes_writesNumberedPartsInOrder() {
        List<String> lines = List.of(
                line("app", "s1", "2026-01-15T10:00:00Z"), line("app", "s2", "2026-01-15T10:00:01Z"),
                line("app", "s3", "2026-01-15T10:00:02Z"), line("app", "s4", "2026-01-15T10:00:03Z"),
                line("app", "s5", "2026-01-15T10:00:04Z"));
        long twoLines = 2L * (lines.get(0).getBytes(StandardCharsets.UTF_8).length + 1);

        handler(withMaxObjectBytes(config(Map.of()), twoLines), store)
                .handleRequest(KinesisEventBuilder.ofLines(lines).build(), context());

        String base = "logs/app/2026-01/15/2026-01-15-10:00:00-s1-part-000";
        assertThat(store.keys(BUCKET)).containsExactly(base + "1.gz", base + "2.gz", base + "3.gz");
        assertThat(textAt(base + "1.gz")).isEqualTo(lines.get(0) + "\n" + lines.get(1) + "\n");
        assertThat(textAt(base + "2.gz")).isEqualTo(lines.get(2) + "\n" + lines.get(3) + "\n");
        assertThat(textAt(base + "3.gz")).isEqualTo(lines.get(4) + "\n");
    }

    @Test
    void redelivery_ofAnIdenticalBatch_writesTheSameKeysAndBytes() {
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(
                line("app", "d1", "2026-01-15T10:00:00Z"), line("web", "d2", "2026-01-15T10:00:00Z"),
                "not json")).build();
        InMemoryObjectStore second = new InMemoryObjectStore();

        handler(Map.of()).handleRequest(event, context());
        handler(config(Map.of()), second).handleRequest(event, context());

        assertThat(store.objects()).hasSize(3).isEqualTo(second.objects());
    }

    // ---- routing, failures, deadline ------------------------------------------------------------------------

    @Test
    void whitelist_dropsOtherLogTypes() {
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(
                line("app", "w1", "2026-01-15T10:00:00Z"), line("web", "w2", "2026-01-15T10:00:00Z"))).build();

        BatchSummary summary = handler(Map.of("LOG_TYPE_WHITELIST", "app, other")).process(event, context()).summary();

        assertThat(store.keys(BUCKET)).containsExactly("logs/app/2026-01/15/2026-01-15-10:00:00-w1.gz");
        assertThat(summary.delivered()).isEqualTo(1);
        assertThat(summary.dropped()).isEqualTo(1);
        assertThat(summary.checkpoint()).isNull();
    }

    @Test
    void checkpoint_whenSecondOfThreeGroupsFails_isTheLowestSequenceOfThatGroup() {
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(List.of(
                line("a", "1", "2026-01-15T10:00:00Z"), line("b", "2", "2026-01-15T10:00:00Z"),
                line("c", "3", "2026-01-15T10:00:00Z"), line("a", "4", "2026-01-15T10:00:00Z"),
                line("b", "5", "2026-01-15T10:00:00Z"), line("c", "6", "2026-01-15T10:00:00Z")));
        store.failWhen(key -> key.startsWith("logs/b/"), () -> new RetryableException("S3 PutObject failed: SlowDown"));

        BatchSummary summary = handler(Map.of()).process(builder.build(), context()).summary();

        assertThat(summary.checkpoint()).isEqualTo(builder.sequenceNumber(1));
        assertThat(store.keys(BUCKET)).containsExactly("logs/a/2026-01/15/2026-01-15-10:00:00-1.gz");
        // c starts after the failed b: it would be re-delivered anyway, so it is not uploaded twice.
        assertThat(store.putAttempts()).isEqualTo(2);
        assertThat(summary.delivered()).isEqualTo(2);
        assertThat(summary.behindCheckpoint()).isEqualTo(4);
    }

    @Test
    void checkpoint_whenUploadFailedThenRedelivered_archivesEveryLine() {
        List<String> lines = List.of(
                line("a", "1", "2026-01-15T10:00:00Z"), line("b", "2", "2026-01-15T10:00:00Z"),
                line("a", "3", "2026-01-15T10:00:00Z"));
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(lines);
        store.failTimes(key -> key.startsWith("logs/b/"), 1, () -> new RetryableException("503"));
        KinesisToS3Handler handler = handler(Map.of());

        String checkpoint = checkpointOf(handler.handleRequest(builder.build(), context()));
        KinesisEvent redelivery = KinesisEventBuilder.ofLines(lines.subList(1, 3))
                .firstSequenceNumber(new java.math.BigInteger(checkpoint)).build();
        StreamsEventResponse second = handler.handleRequest(redelivery, context());

        assertThat(checkpoint).isEqualTo(builder.sequenceNumber(1));
        assertThat(checkpointOf(second)).isNull();
        assertThat(textAt("logs/b/2026-01/15/2026-01-15-10:00:00-2.gz")).isEqualTo(lines.get(1) + "\n");
        // At least once: line 3 was archived by the first invocation and again by the re-delivery.
        assertThat(textAt("logs/a/2026-01/15/2026-01-15-10:00:00-1.gz")).isEqualTo(lines.get(0) + "\n" + lines.get(2) + "\n");
        assertThat(textAt("logs/a/2026-01/15/2026-01-15-10:00:00-3.gz")).isEqualTo(lines.get(2) + "\n");
    }

    @Test
    void deadline_whenPassedDuringFirstUpload_startsNoFurtherUpload() {
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(List.of(
                line("a", "1", "2026-01-15T10:00:00Z"), line("b", "2", "2026-01-15T10:00:00Z"),
                line("c", "3", "2026-01-15T10:00:00Z")));
        ObjectStore slowStore = (bucket, key, body, options) -> {
            store.put(bucket, key, body, options);
            clock.advance(Duration.ofSeconds(30));
        };
        FakeLambdaContext context = FakeLambdaContext.withRemainingTime(clock, Duration.ofSeconds(30));

        BatchSummary summary = handler(config(Map.of()), slowStore).process(builder.build(), context).summary();

        assertThat(store.keys(BUCKET)).containsExactly("logs/a/2026-01/15/2026-01-15-10:00:00-1.gz");
        assertThat(summary.checkpoint()).isEqualTo(builder.sequenceNumber(1));
        assertThat(summary.delivered()).isEqualTo(1);
    }

    @Test
    void fatal_whenStoreRefusesAccess_failsTheInvocation() {
        store.failWhen(key -> true, () -> new FatalException("S3 PutObject failed: AccessDenied (403)"));
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(line("a", "1", "2026-01-15T10:00:00Z"))).build();

        assertThatThrownBy(() -> handler(Map.of()).handleRequest(event, context()))
                .isInstanceOf(FatalException.class)
                .hasMessageContaining("AccessDenied");
    }

    @Test
    void uploads_whenConcurrencyAllows_runAtTheSameTime() {
        CyclicBarrier allThreeInFlight = new CyclicBarrier(3);
        ObjectStore meetingStore = (bucket, key, body, options) -> {
            try {
                allThreeInFlight.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("uploads did not run concurrently", e);
            }
            store.put(bucket, key, body, options);
        };
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(
                line("a", "1", "2026-01-15T10:00:00Z"), line("b", "2", "2026-01-15T10:00:00Z"),
                line("c", "3", "2026-01-15T10:00:00Z"))).build();

        StreamsEventResponse response = handler(config(Map.of("S3_UPLOAD_CONCURRENCY", "3")), meetingStore)
                .handleRequest(event, context());

        assertThat(checkpointOf(response)).isNull();
        assertThat(store.keys(BUCKET)).hasSize(3);
    }

    @Test
    void summary_isLoggedOncePerInvocationWithoutPayload() {
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(line("a", "secret-id", "2026-01-15T10:00:00Z"))).build();

        handler(Map.of()).handleRequest(event, context());

        String logged = output.toString(StandardCharsets.UTF_8);
        assertThat(logged.lines().filter(l -> l.contains("\"message\":\"batch handled\""))).singleElement()
                .asString().contains("\"delivered\":1");
        assertThat(logged).doesNotContain("hello").doesNotContain("secret-id");
    }
}
