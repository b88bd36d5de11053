package io.github.logway.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.local.ExitCodes;
import io.github.logway.local.SummaryLine;
import io.github.logway.testing.events.KinesisEventBuilder;
import io.github.logway.testing.servers.KinesisEndpoint;
import io.github.logway.testing.servers.KinesisStreams;
import io.github.logway.testing.servers.OpenSearchEndpoint;
import io.github.logway.testing.servers.S3Endpoint;
import io.github.logway.testing.servers.WithLocalServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code invoke} in-process against real local servers, their endpoints passed as the process environment (as
 * after {@code eval "$(./logway stack up)"}): the handler's output is really stored, and the summary adds up.
 */
@WithLocalServers
class InvokeCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three valid log events, one line that is not JSON. */
    private static final List<String> LINES = List.of(
            "{\"log_type\":\"app\",\"log_id\":\"id-1\",\"time\":\"2026-01-15T10:00:00Z\",\"msg\":\"a\"}",
            "{\"log_type\":\"app\",\"log_id\":\"id-2\",\"time\":\"2026-01-15T10:00:01Z\",\"msg\":\"b\"}",
            "{\"log_type\":\"web\",\"log_id\":\"id-3\",\"time\":\"2026-01-15T10:00:02Z\",\"msg\":\"c\"}",
            "this is not json");

    @TempDir
    Path folder;

    private record Result(int exitCode, JsonNode response, JsonNode summary, List<String> summaryKeys) {}

    private Result invoke(Map<String, String> processEnv, String... args) throws IOException {
        Path event = Files.writeString(folder.resolve("event.json"), KinesisEventBuilder.ofLines(LINES).toJson());
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--event", event.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InvokeCommand command = new InvokeCommand(Clock.systemUTC(), processEnv, () -> folder.resolve("stack.json"));
        int exitCode = command.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode summary = JSON.readTree(lines.get(1));
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        return new Result(exitCode, JSON.readTree(lines.get(0)), summary, keys);
    }

    private static Map<String, String> credentials(S3Endpoint s3) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        env.put("AWS_REGION", s3.region());
        env.put("AWS_ACCESS_KEY_ID", s3.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", s3.secretAccessKey());
        return env;
    }

    private static void assertAddsUp(Result result) {
        assertThat(result.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(result.response().path("batchItemFailures").size()).isZero();
        assertThat(result.summaryKeys()).isEqualTo(SummaryLine.KEYS);
        JsonNode summary = result.summary();
        assertThat(summary.path("records").asInt()).isEqualTo(4);
        assertThat(summary.path("log_events").asLong()).isEqualTo(4);
        assertThat(summary.path("repeat").asInt()).isEqualTo(1);
        assertThat(summary.path("delivered").asLong()).isEqualTo(3);
        assertThat(summary.path("diverted").asLong()).isEqualTo(1);
        assertThat(summary.path("delivered").asLong() + summary.path("diverted").asLong()
                + summary.path("dropped").asLong() + summary.path("skipped").asLong())
                .isEqualTo(summary.path("log_events").asLong());
        assertThat(summary.path("checkpoint").isNull()).isTrue();
    }

    @Test
    void invokeToS3_writesTheObjectsAndReportsTheCounts(S3Endpoint s3) throws IOException {
        Result result = invoke(credentials(s3), "to-s3", "--env", "LOG_S3_BUCKET=invoke-it-s3");

        assertAddsUp(result);
        try (S3Client client = s3.newS3Client()) {
            List<String> keys = client.listObjectsV2(request -> request.bucket("invoke-it-s3")).contents().stream()
                    .map(S3Object::key).toList();
            assertThat(keys).anyMatch(key -> key.contains("app/2026-01/15/"))
                    .anyMatch(key -> key.contains("web/2026-01/15/"))
                    .anyMatch(key -> key.contains("unknown/"));
        }
    }

    @Test
    void invokeToEs_indexesTheDocumentsAndReportsTheCounts(S3Endpoint s3, OpenSearchEndpoint openSearch)
            throws IOException, InterruptedException {
        Map<String, String> env = credentials(s3);
        env.put("ES_HOST", openSearch.endpoint().toString());

        Result result = invoke(env, "to-es", "--env", "INDEX_NAME_PREFIX=invoke-it",
                "--env", "FAILED_LOG_S3_BUCKET=invoke-it-failed");

        assertAddsUp(result);
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(openSearch.resolve("/invoke-it-*/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        String count = http.send(HttpRequest.newBuilder(openSearch.resolve("/invoke-it-*/_count")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(JSON.readTree(count).path("count").asInt()).isEqualTo(3);
        try (S3Client client = s3.newS3Client()) {
            assertThat(client.listObjectsV2(request -> request.bucket("invoke-it-failed")).contents()).hasSize(1);
        }
    }

    @Test
    void invokeForward_putsTheRecordsAndReportsTheCounts(S3Endpoint s3, KinesisEndpoint kinesis)
            throws IOException {
        Map<String, String> env = credentials(s3);
        env.put("AWS_ENDPOINT_URL_KINESIS", kinesis.endpoint().toString());

        Result result = invoke(env, "forward", "--env", "TARGET_STREAM_NAME=invoke-it-forwarded",
                "--env", "FAILED_LOG_S3_BUCKET=invoke-it-forward-failed");

        assertAddsUp(result);
        try (KinesisClient client = kinesis.newKinesisClient()) {
            List<String> forwarded = KinesisStreams.readAll(client, "invoke-it-forwarded").stream()
                    .map(record -> record.data().asUtf8String()).toList();
            assertThat(forwarded).containsExactlyInAnyOrderElementsOf(LINES.subList(0, 3));
        }
    }

    @Test
    void invoke_whenConfigurationIsInvalid_exitsTwo(S3Endpoint s3) throws IOException {
        Path event = Files.writeString(folder.resolve("event.json"), KinesisEventBuilder.ofLines(LINES).toJson());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = new InvokeCommand(Clock.systemUTC(), credentials(s3), () -> folder.resolve("stack.json"))
                .run(List.of("to-s3", "--event", event.toString(), "--env", "S3_COMPRESSION=lz4"),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("S3_COMPRESSION='lz4'");
    }

}
