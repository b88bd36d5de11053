package io.github.logway.local.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import io.github.logway.schema.decode.KplAggregator;
import io.github.logway.schema.decode.KplSubRecord;
import io.github.logway.testing.servers.KinesisEndpoint;
import io.github.logway.testing.servers.KinesisStreams;
import io.github.logway.testing.servers.OpenSearchEndpoint;
import io.github.logway.testing.servers.S3Endpoint;
import io.github.logway.testing.servers.WithLocalServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code audit} against real local servers: records written to S3, OpenSearch and a Kinesis stream in the
 * shapes the pipeline writes them, one sent record left out and one written twice, and the exact lines.
 */
@WithLocalServers
class AuditIT {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    /** A log line of the common schema. */
    private static String line(String logId) {
        return "{\"log_type\":\"app\",\"log_id\":\"" + logId + "\",\"time\":\"2026-11-24T10:15:30.123+09:00\","
                + "\"message\":\"hello\"}";
    }

    private static String lines(String... logIds) {
        return List.of(logIds).stream().map(AuditIT::line).collect(Collectors.joining("\n", "", "\n"));
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private Path sentFile(String... logIds) throws Exception {
        Path file = folder.resolve("sent.ndjson");
        Files.writeString(file, lines(logIds), StandardCharsets.UTF_8);
        return file;
    }

    private int audit(AuditClients clients, String... args) {
        AuditCommand command = new AuditCommand(() -> clients, pause -> { });
        return command.run(List.of(args), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private List<String> stdout() {
        return outBytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void auditS3_whenOneIsMissingAndOneDuplicated_reportsBothAndExitsOne(S3Endpoint endpoint) throws Exception {
        try (S3Client s3 = endpoint.newS3Client()) {
            String bucket = "audit-it-s3";
            s3.createBucket(request -> request.bucket(bucket));
            // gzip with Content-Encoding, as kinesis-to-s3 writes it by default.
            s3.putObject(request -> request.bucket(bucket).key("logs/app/2026-11/24/2026-11-24-10:15:30-a1.gz")
                    .contentEncoding("gzip"), RequestBody.fromBytes(gzip(lines("a1", "a2", "a4"))));
            // zstd found by its magic bytes: a4 again, as after a re-delivery from another starting point.
            s3.putObject(request -> request.bucket(bucket).key("logs/app/2026-11/24/2026-11-24-10:15:31-a4.zst"),
                    RequestBody.fromBytes(Zstd.compress(lines("a4", "a5").getBytes(StandardCharsets.UTF_8), 3)));
            // Plain text with someone else's record and a line that is no log.
            s3.putObject(request -> request.bucket(bucket).key("logs/other/2026-11/24/plain"),
                    RequestBody.fromString(lines("not-sent") + "not json\n"));
            // a3 exists, but outside the prefix audited.
            s3.putObject(request -> request.bucket(bucket).key("elsewhere/a3.gz"),
                    RequestBody.fromBytes(gzip(lines("a3"))));
            Path sent = sentFile("a1", "a2", "a3", "a4", "a5");

            int exitCode = audit(new FixedClients(endpoint.newS3Client(), null),
                    "--sent", sent.toString(), "--s3", "s3://" + bucket + "/logs");

            assertThat(stdout()).containsExactly("{\"destination\":\"s3://audit-it-s3/logs\",\"sent\":5,\"found\":4,"
                    + "\"missing\":1,\"duplicated\":1,\"missing_ids\":[\"a3\"],\"duplicated_ids\":[\"a4\"]}");
            assertThat(exitCode).isEqualTo(1);
            assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("s3://audit-it-s3/logs: sent 5, found 4 - "
                    + "FAILED: 1 missing, 1 duplicated (allowed); 1 other record(s) not in the sent file; "
                    + "1 record(s) without a log id");
        }
    }

    @Test
    void auditS3_whenOnlyDuplicated_passes(S3Endpoint endpoint) throws Exception {
        try (S3Client s3 = endpoint.newS3Client()) {
            String bucket = "audit-it-s3-duplicates";
            s3.createBucket(request -> request.bucket(bucket));
            s3.putObject(request -> request.bucket(bucket).key("p/one.gz"), RequestBody.fromBytes(gzip(lines("d1"))));
            s3.putObject(request -> request.bucket(bucket).key("p/two.gz"),
                    RequestBody.fromBytes(gzip(lines("d1", "d2"))));
            Path sent = sentFile("d1", "d2");

            int exitCode = audit(new FixedClients(endpoint.newS3Client(), null),
                    "--sent", sent.toString(), "--s3", "s3://" + bucket + "/p/");

            assertThat(stdout()).containsExactly("{\"destination\":\"s3://audit-it-s3-duplicates/p/\",\"sent\":2,"
                    + "\"found\":2,\"missing\":0,\"duplicated\":1,\"missing_ids\":[],\"duplicated_ids\":[\"d1\"]}");
            assertThat(exitCode).isZero();
        }
    }

    @Test
    void auditS3_whenBucketDoesNotExist_printsNoLineAndExitsTwo(S3Endpoint endpoint) throws Exception {
        Path sent = sentFile("x1");

        int exitCode = audit(new FixedClients(endpoint.newS3Client(), null),
                "--sent", sent.toString(), "--s3", "s3://audit-it-no-such-bucket");

        assertThat(stdout()).isEmpty();
        assertThat(exitCode).isEqualTo(2);
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .contains("logway audit: cannot read s3://audit-it-no-such-bucket: ");
    }

    @Test
    void auditOpenSearch_whenOneIsMissingAndOneIndexedTwice_reportsBothAndExitsOne(OpenSearchEndpoint endpoint)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String b1 = "6f1c1f7e-0d5c-4a53-9c1e-000000000001";
        String b2 = "6f1c1f7e-0d5c-4a53-9c1e-000000000002";
        String b3 = "6f1c1f7e-0d5c-4a53-9c1e-000000000003";
        String b4 = "6f1c1f7e-0d5c-4a53-9c1e-000000000004";
        // log_id as keyword, as Logway's index template maps it (the ids contain hyphens a text field would split).
        send(http, "PUT", endpoint, "/_index_template/audit-it", "{\"index_patterns\":[\"audit-it-*\"],"
                + "\"template\":{\"mappings\":{\"properties\":{\"log_id\":{\"type\":\"keyword\"},"
                + "\"log_type\":{\"type\":\"keyword\"},\"time\":{\"type\":\"date\"}}}}}");
        StringBuilder bulk = new StringBuilder();
        for (String id : List.of(b1, b2, b4)) {
            bulk.append("{\"create\":{\"_index\":\"audit-it-app-20261124\",\"_id\":\"").append(id).append("\"}}\n")
                    .append(line(id)).append('\n');
        }
        // b4 a second time in another day's index (a document indexed twice is what audit must catch).
        bulk.append("{\"create\":{\"_index\":\"audit-it-app-20261125\",\"_id\":\"").append(b4).append("\"}}\n")
                .append(line(b4)).append('\n');
        bulk.append("{\"create\":{\"_index\":\"audit-it-app-20261125\",\"_id\":\"other\"}}\n")
                .append(line("other")).append('\n');
        HttpResponse<String> indexed = send(http, "POST", endpoint, "/_bulk?refresh=true", bulk.toString());
        assertThat(indexed.body()).contains("\"errors\":false");
        Path sent = sentFile(b1, b2, b3, b4);

        int exitCode = audit(new FixedClients(null, null), "--sent", sent.toString(), "--es",
                endpoint.endpoint().toString(), "--index", "audit-it-*");

        assertThat(stdout()).containsExactly("{\"destination\":\"" + endpoint.endpoint() + "/audit-it-*\",\"sent\":4,"
                + "\"found\":3,\"missing\":1,\"duplicated\":1,\"missing_ids\":[\"" + b3 + "\"],\"duplicated_ids\":[\""
                + b4 + "\"]}");
        assertThat(exitCode).isEqualTo(1);

        outBytes.reset();
        Path onlyPresent = sentFile(b1, b2, b4);
        int duplicateOnlyExitCode = audit(new FixedClients(null, null), "--sent", onlyPresent.toString(), "--es",
                endpoint.endpoint().toString(), "--index", "audit-it-*");

        assertThat(stdout()).containsExactly("{\"destination\":\"" + endpoint.endpoint() + "/audit-it-*\",\"sent\":3,"
                + "\"found\":3,\"missing\":0,\"duplicated\":1,\"missing_ids\":[],\"duplicated_ids\":[\"" + b4 + "\"]}");
        assertThat(duplicateOnlyExitCode).as("a duplicate in OpenSearch fails the audit").isEqualTo(1);
    }

    @Test
    void auditStream_decodesEveryShapeAndReportsTheMissingAndTheDuplicated(KinesisEndpoint endpoint)
            throws Exception {
        try (KinesisClient kinesis = endpoint.newKinesisClient()) {
            String stream = "audit-it-stream";
            KinesisStreams.createActive(kinesis, stream, 2);
            put(kinesis, stream, "k1", line("c1").getBytes(StandardCharsets.UTF_8));
            put(kinesis, stream, "k2", gzip(lines("c2", "c4")));
            put(kinesis, stream, "k3", KplAggregator.aggregate(List.of(
                    new KplSubRecord("k3", null, line("c4").getBytes(StandardCharsets.UTF_8)),
                    new KplSubRecord("k4", null, line("c5").getBytes(StandardCharsets.UTF_8)))));
            String envelope = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"/ecs/app\","
                    + "\"logStream\":\"s\",\"subscriptionFilters\":[\"f\"],\"logEvents\":[{\"id\":\"e1\","
                    + "\"timestamp\":1795000000000,\"message\":" + quoted(line("c6")) + "}]}";
            put(kinesis, stream, "k5", gzip(envelope));
            put(kinesis, stream, "k6", line("not-sent").getBytes(StandardCharsets.UTF_8));
            Path sent = sentFile("c1", "c2", "c3", "c4", "c5", "c6");

            int exitCode = audit(new FixedClients(null, endpoint.newKinesisClient()),
                    "--sent", sent.toString(), "--stream", stream);

            assertThat(stdout()).containsExactly("{\"destination\":\"kinesis://audit-it-stream\",\"sent\":6,"
                    + "\"found\":5,\"missing\":1,\"duplicated\":1,\"missing_ids\":[\"c3\"],\"duplicated_ids\":[\"c4\"]}");
            assertThat(exitCode).isEqualTo(1);
        }
    }

    @Test
    void audit_withEveryDestinationComplete_printsOneLinePerDestinationAndExitsZero(S3Endpoint s3Endpoint,
            KinesisEndpoint kinesisEndpoint) throws Exception {
        try (S3Client s3 = s3Endpoint.newS3Client(); KinesisClient kinesis = kinesisEndpoint.newKinesisClient()) {
            s3.createBucket(request -> request.bucket("audit-it-all"));
            s3.putObject(request -> request.bucket("audit-it-all").key("logs/x.gz"),
                    RequestBody.fromBytes(gzip(lines("e1", "e2"))));
            KinesisStreams.createActive(kinesis, "audit-it-all", 1);
            put(kinesis, "audit-it-all", "p", lines("e1", "e2").getBytes(StandardCharsets.UTF_8));
            put(kinesis, "audit-it-all", "p", line("e2").getBytes(StandardCharsets.UTF_8));
            Path sent = sentFile("e1", "e2");

            int exitCode = audit(new FixedClients(s3Endpoint.newS3Client(), kinesisEndpoint.newKinesisClient()),
                    "--sent", sent.toString(), "--stream", "audit-it-all", "--s3", "s3://audit-it-all/logs");

            assertThat(stdout()).containsExactly(
                    "{\"destination\":\"kinesis://audit-it-all\",\"sent\":2,\"found\":2,\"missing\":0,"
                            + "\"duplicated\":1,\"missing_ids\":[],\"duplicated_ids\":[\"e2\"]}",
                    "{\"destination\":\"s3://audit-it-all/logs\",\"sent\":2,\"found\":2,\"missing\":0,"
                            + "\"duplicated\":0,\"missing_ids\":[],\"duplicated_ids\":[]}");
            assertThat(exitCode).isZero();
        }
    }

    private static void put(KinesisClient kinesis, String stream, String partitionKey, byte[] data) {
        kinesis.putRecord(request -> request.streamName(stream).partitionKey(partitionKey)
                .data(SdkBytes.fromByteArray(data)));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static HttpResponse<String> send(HttpClient http, String method, OpenSearchEndpoint endpoint, String path,
            String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve(path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** The clients a test hands in; closes what it was given. */
    private static final class FixedClients implements AuditClients {

        private final S3Client s3;
        private final KinesisClient kinesis;
        private final HttpClient http = HttpClient.newHttpClient();

        FixedClients(S3Client s3, KinesisClient kinesis) {
            this.s3 = s3;
            this.kinesis = kinesis;
        }

        @Override
        public S3Client s3() {
            return s3;
        }

        @Override
        public KinesisClient kinesis() {
            return kinesis;
        }

        @Override
        public HttpClient http() {
            return http;
        }

        @Override
        public void close() {
            if (s3 != null) {
                s3.close();
            }
            if (kinesis != null) {
                kinesis.close();
            }
        }
    }
}
