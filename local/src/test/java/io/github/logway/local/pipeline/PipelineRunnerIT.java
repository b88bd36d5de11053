package io.github.logway.local.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.local.LogwayFunction;
import io.github.logway.local.bench.EventGenerator;
import io.github.logway.local.esm.EsmSettings;
import io.github.logway.local.pipeline.PipelineSpec.FunctionSpec;
import io.github.logway.local.pipeline.PipelineSpec.StreamSpec;
import io.github.logway.local.stack.StackClients;
import io.github.logway.local.stack.StackEndpoints;
import io.github.logway.local.stack.StackService;
import io.github.logway.testing.servers.KinesisEndpoint;
import io.github.logway.testing.servers.OpenSearchEndpoint;
import io.github.logway.testing.servers.S3Endpoint;
import io.github.logway.testing.servers.WithLocalServers;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * End to end through the local event-source-mapping runner on real servers: producers → router stream →
 * kinesis-forward → archive stream → kinesis-to-s3 and kinesis-to-es, with the real handlers.
 */
@WithLocalServers
class PipelineRunnerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final EsmSettings ESM = EsmSettings.DEFAULTS.withBatchSize(200).withRetryDelay(Duration.ZERO);

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void routerToForwardToS3AndOpenSearch_deliversEveryValidLineOnce_andDivertsTheBadOnes(KinesisEndpoint kinesis,
            S3Endpoint s3, OpenSearchEndpoint openSearch) throws Exception {
        PipelineSpec spec = new PipelineSpec(
                List.of(new StreamSpec("e2e-router", 2), new StreamSpec("e2e-archive", 1)),
                List.of("e2e-logs", "e2e-failed"), List.of(), true,
                List.of(
                        new FunctionSpec("e2e-forward", LogwayFunction.FORWARD, Map.of("TARGET_STREAM_NAME", "e2e-archive",
                                "FAILED_LOG_S3_BUCKET", "e2e-failed", "FAILED_LOG_S3_PREFIX", "failed/forward"),
                                "e2e-router", ESM, Optional.empty()),
                        new FunctionSpec("e2e-to-s3", LogwayFunction.TO_S3, Map.of("LOG_S3_BUCKET", "e2e-logs",
                                "LOG_S3_PREFIX", "logs", "FAILED_LOG_S3_BUCKET", "e2e-failed",
                                "FAILED_LOG_S3_PREFIX", "failed/to-s3"), "e2e-archive", ESM, Optional.empty()),
                        new FunctionSpec("e2e-to-es", LogwayFunction.TO_ES, Map.of("INDEX_NAME_PREFIX", "e2e",
                                "FAILED_LOG_S3_BUCKET", "e2e-failed", "FAILED_LOG_S3_PREFIX", "failed/to-es"),
                                "e2e-archive", ESM, Optional.empty())));
        EventGenerator generator = new EventGenerator(Instant.now(), 7);
        List<byte[]> records = new ArrayList<>(generator.jsonPayloads(300));
        records.addAll(new EventGenerator(Instant.now(), 8).cloudWatchPayloads(100));
        records.add("not json at all".getBytes(StandardCharsets.UTF_8));
        records.add("{\"log_type\":\"orders\",\"time\":\"2026-11-28T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8));

        try (StackClients clients = new StackClients(endpoints(kinesis, s3, openSearch));
             PipelineRunner runner = PipelineRunner.start(spec, clients, new PrintStream(log, true,
                     StandardCharsets.UTF_8))) {
            put(clients, "e2e-router", records);

            assertThat(runner.awaitQuiet(SETTLE)).as("settled; log:%n%s", log).isTrue();

            Map<String, FunctionTally> tallies = runner.tallies();
            assertThat(tallies.get("e2e-forward").delivered()).isEqualTo(400);
            assertThat(tallies.get("e2e-forward").divertedByReason())
                    .containsEntry("not_json", 1L).containsEntry("missing_log_id", 1L);
            assertThat(tallies.get("e2e-to-s3").delivered()).isEqualTo(400);
            assertThat(tallies.get("e2e-to-es").delivered()).isEqualTo(400);
            List<String> s3Lines = gzipLines(clients, "e2e-logs", "logs/");
            assertThat(s3Lines).hasSize(400);
            Set<String> ids = new HashSet<>();
            for (String line : s3Lines) {
                ids.add(JSON.readTree(line).path("log_id").asText());
            }
            assertThat(ids).hasSize(400);
            assertThat(documents(openSearch, "e2e-*")).isEqualTo(400);
            assertThat(gzipLines(clients, "e2e-failed", "failed/forward/")).hasSize(2)
                    .allSatisfy(line -> assertThat(JSON.readTree(line).path("function").asText())
                            .isEqualTo("kinesis-forward"));
        }
    }

    @Test
    void openSearch_whenTheSameRecordsAreDeliveredAgain_holdsNoDuplicates(KinesisEndpoint kinesis, S3Endpoint s3,
            OpenSearchEndpoint openSearch) throws Exception {
        FunctionSpec toEs = new FunctionSpec("redelivery-to-es", LogwayFunction.TO_ES, Map.of("INDEX_NAME_PREFIX",
                "redelivery", "FAILED_LOG_S3_BUCKET", "redelivery-failed"), "redelivery-archive", ESM,
                Optional.empty());
        PipelineSpec spec = new PipelineSpec(List.of(new StreamSpec("redelivery-archive", 1)),
                List.of("redelivery-failed"), List.of(), true, List.of(toEs));
        List<byte[]> records = new EventGenerator(Instant.now(), 9).jsonPayloads(250);
        try (StackClients clients = new StackClients(endpoints(kinesis, s3, openSearch))) {
            try (PipelineRunner first = PipelineRunner.start(spec, clients, new PrintStream(log, true,
                    StandardCharsets.UTF_8))) {
                put(clients, "redelivery-archive", records);
                assertThat(first.awaitQuiet(SETTLE)).as("first delivery settled; log:%n%s", log).isTrue();
                assertThat(first.tallies().get("redelivery-to-es").delivered()).isEqualTo(250);
            }
            assertThat(documents(openSearch, "redelivery-*")).isEqualTo(250);

            // A new mapping from TRIM_HORIZON re-delivers every record, as Lambda does after a checkpoint or retry.
            try (PipelineRunner again = PipelineRunner.start(spec, clients, new PrintStream(log, true,
                    StandardCharsets.UTF_8))) {
                assertThat(again.awaitQuiet(SETTLE)).as("re-delivery settled; log:%n%s", log).isTrue();
                assertThat(again.tallies().get("redelivery-to-es").delivered()).isEqualTo(250);
            }
            assertThat(documents(openSearch, "redelivery-*")).isEqualTo(250);
        }
    }

    @Test
    void sinkDown_exhaustsTheRetries_andTheBatchLandsInTheOnFailureBucketWithItsRecords(KinesisEndpoint kinesis,
            S3Endpoint s3, OpenSearchEndpoint openSearch) throws Exception {
        // Nothing listens on port 1: every bulk request is refused, the function keeps the records behind its
        // checkpoint, and the mapping gives up after one retry.
        FunctionSpec toEs = new FunctionSpec("sink-down-to-es", LogwayFunction.TO_ES, Map.of(
                "ES_HOST", "http://127.0.0.1:1", "ES_INSTALL_TEMPLATE", "false", "INDEX_NAME_PREFIX", "down",
                "FAILED_LOG_S3_BUCKET", "sink-down-failed", "DEADLINE_MARGIN_MS", "1000"), "sink-down-stream",
                EsmSettings.DEFAULTS.withBatchSize(100).withMaximumRetryAttempts(1).withRetryDelay(Duration.ZERO)
                        .withFunctionTimeout(Duration.ofSeconds(4)),
                Optional.of(new PipelineSpec.OnFailure(PipelineSpec.DestinationType.S3, "sink-down-batches")));
        PipelineSpec spec = new PipelineSpec(List.of(new StreamSpec("sink-down-stream", 1)),
                List.of("sink-down-failed", "sink-down-batches"), List.of(), true, List.of(toEs));
        List<byte[]> records = new EventGenerator(Instant.now(), 10).jsonPayloads(20);
        try (StackClients clients = new StackClients(endpoints(kinesis, s3, openSearch));
             PipelineRunner runner = PipelineRunner.start(spec, clients, new PrintStream(log, true,
                     StandardCharsets.UTF_8))) {
            put(clients, "sink-down-stream", records);

            assertThat(runner.awaitQuiet(SETTLE)).as("settled; log:%n%s", log).isTrue();

            assertThat(runner.tallies().get("sink-down-to-es").delivered()).isZero();
            List<S3Object> batches = clients.s3().listObjectsV2(request -> request.bucket("sink-down-batches"))
                    .contents();
            assertThat(batches).as("log:%n%s", log).singleElement()
                    .satisfies(object -> assertThat(object.key()).startsWith("aws/lambda/"));
            JsonNode record = JSON.readTree(clients.s3().getObjectAsBytes(request -> request
                    .bucket("sink-down-batches").key(batches.get(0).key())).asByteArray());
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(record.path("KinesisBatchInfo").path("batchSize").asInt()).isEqualTo(20);
            assertThat(record.toString()).contains(java.util.Base64.getEncoder().encodeToString(records.get(0)));
        }
    }

    private static StackEndpoints endpoints(KinesisEndpoint kinesis, S3Endpoint s3, OpenSearchEndpoint openSearch) {
        return new StackEndpoints(Map.of(StackService.KINESIS, kinesis.endpoint(), StackService.S3, s3.endpoint(),
                StackService.OPENSEARCH, openSearch.endpoint()));
    }

    private static void put(StackClients clients, String stream, List<byte[]> records) {
        for (int from = 0; from < records.size(); from += 500) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(records.size(), from + 500); i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey("pk-" + i)
                        .data(SdkBytes.fromByteArray(records.get(i))).build());
            }
            assertThat(clients.kinesis().putRecords(request -> request.streamName(stream).records(entries))
                    .failedRecordCount()).isZero();
        }
    }

    private static List<String> gzipLines(StackClients clients, String bucket, String prefix) throws IOException {
        List<String> lines = new ArrayList<>();
        for (S3Object object : clients.s3().listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                .contents()) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    clients.s3().getObject(request -> request.bucket(bucket).key(object.key()))),
                    StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            }
        }
        return lines;
    }

    private static long documents(OpenSearchEndpoint openSearch, String pattern) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(openSearch.resolve("/" + pattern + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> count = http.send(HttpRequest.newBuilder(openSearch.resolve("/" + pattern + "/_count"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(count.body());
        return body.path("count").asLong();
    }
}
