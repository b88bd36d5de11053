package io.github.logway.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.FatalException;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.store.S3ObjectStore;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import io.github.logway.testing.servers.S3Endpoint;
import io.github.logway.testing.servers.WithLocalServers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The handler against a real S3 server (s3proxy), with the production S3 client: the endpoint comes from the
 * SDK's standard endpoint setting ({@code aws.endpointUrlS3}, the system-property twin of
 * {@code AWS_ENDPOINT_URL_S3}), path-style from {@code S3_FORCE_PATH_STYLE}.
 */
@WithLocalServers
class KinesisToS3HandlerIT {

    private static final String[] SDK_PROPERTIES = {"aws.endpointUrlS3", "aws.region", "aws.accessKeyId",
        "aws.secretAccessKey"};

    private final Clock clock = Clock.systemUTC();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private S3Client verifier;

    @BeforeEach
    void pointTheSdkAtTheLocalServer(S3Endpoint s3) {
        System.setProperty("aws.endpointUrlS3", s3.endpoint().toString());
        System.setProperty("aws.region", s3.region());
        System.setProperty("aws.accessKeyId", s3.accessKeyId());
        System.setProperty("aws.secretAccessKey", s3.secretAccessKey());
        verifier = s3.newS3Client();
    }

    @AfterEach
    void clearSdkSettings() {
        for (String property : SDK_PROPERTIES) {
            System.clearProperty(property);
        }
        verifier.close();
    }

    private KinesisToS3Handler handler(String bucket, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("LOG_S3_BUCKET", bucket);
        env.put("LOG_S3_PREFIX", "logs");
        env.put("S3_FORCE_PATH_STYLE", "true");
        env.putAll(overrides);
        KinesisToS3Config config = KinesisToS3Config.read(new EnvReader(env));
        return new KinesisToS3Handler(config, new S3ObjectStore(S3Clients.create(config)), clock,
                new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private FakeLambdaContext context() {
        return FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(1));
    }

    private static String line(String logType, int n) {
        return "{\"log_type\":\"" + logType + "\",\"log_id\":\"id-" + n + "\",\"time\":\"2026-01-15T10:00:"
                + String.format("%02d", n % 60) + "Z\",\"n\":" + n + "}";
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> keys(String bucket) {
        return verifier.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                .map(S3Object::key).toList();
    }

    private List<String> archivedLines(String bucket) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String key : keys(bucket)) {
            byte[] body = verifier.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
            lines.addAll(gunzip(body).lines().toList());
        }
        return lines;
    }

    @Test
    void handler_writesGzipNdjsonObjectsThatTheSdkReadsBack() throws IOException {
        verifier.createBucket(request -> request.bucket("to-s3-read-it"));
        List<String> lines = List.of(line("app", 1), line("web", 2), line("app", 3));

        StreamsEventResponse response = handler("to-s3-read-it", Map.of())
                .handleRequest(KinesisEventBuilder.ofLines(lines).build(), context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        String appKey = "logs/app/2026-01/15/2026-01-15-10:00:01-id-1.gz";
        assertThat(keys("to-s3-read-it")).containsExactlyInAnyOrder(appKey,
                "logs/web/2026-01/15/2026-01-15-10:00:02-id-2.gz");
        ResponseBytes<GetObjectResponse> app =
                verifier.getObjectAsBytes(request -> request.bucket("to-s3-read-it").key(appKey));
        assertThat(gunzip(app.asByteArray())).isEqualTo(lines.get(0) + "\n" + lines.get(2) + "\n");
        assertThat(app.response().contentType()).isEqualTo("application/x-ndjson");
        assertThat(app.response().contentEncoding()).isEqualTo("gzip");
    }

    @Test
    void handler_whenStorageClassSet_storesObjectsInThatClass() {
        verifier.createBucket(request -> request.bucket("to-s3-class-it"));

        handler("to-s3-class-it", Map.of("S3_STORAGE_CLASS", "STANDARD_IA"))
                .handleRequest(KinesisEventBuilder.ofLines(List.of(line("app", 1))).build(), context());

        HeadObjectResponse head = verifier.headObject(request -> request.bucket("to-s3-class-it")
                .key("logs/app/2026-01/15/2026-01-15-10:00:01-id-1.gz"));
        assertThat(head.storageClassAsString()).isEqualTo("STANDARD_IA");
        assertThat(head.contentEncoding()).isEqualTo("gzip");
    }

    /**
     * s3proxy keeps the SSE-KMS headers it is sent and returns them, but encrypts nothing and knows no KMS keys:
     * this shows the request carries them, not that S3 accepts the key.
     */
    @Test
    void handler_whenKmsKeySet_sendsSseKmsHeaders() {
        verifier.createBucket(request -> request.bucket("to-s3-kms-it"));

        StreamsEventResponse response = handler("to-s3-kms-it", Map.of("S3_SSE_KMS_KEY_ID", "alias/logs"))
                .handleRequest(KinesisEventBuilder.ofLines(List.of(line("app", 1))).build(), context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        HeadObjectResponse head = verifier.headObject(request -> request.bucket("to-s3-kms-it")
                .key("logs/app/2026-01/15/2026-01-15-10:00:01-id-1.gz"));
        assertThat(head.serverSideEncryptionAsString()).isEqualTo("aws:kms");
        assertThat(head.ssekmsKeyId()).isEqualTo("alias/logs");
    }

    @Test
    void handler_whenBucketMissingThenCreated_recoversByRedeliveryWithoutLosingOrRepeatingLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            lines.add(line(n % 3 == 0 ? "app" : n % 3 == 1 ? "web" : "db", n));
        }
        lines.add("not json at all");
        KinesisEvent event = KinesisEventBuilder.ofLines(lines).build();
        KinesisToS3Handler handler = handler("to-s3-missing-it", Map.of("S3_UPLOAD_CONCURRENCY", "4"));

        assertThatThrownBy(() -> handler.handleRequest(event, context()))
                .isInstanceOf(FatalException.class)
                .hasMessageContaining("NoSuchBucket");

        verifier.createBucket(request -> request.bucket("to-s3-missing-it"));
        StreamsEventResponse redelivered = handler.handleRequest(event, context());

        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        List<String> archived = new ArrayList<>(archivedLines("to-s3-missing-it"));
        List<String> unknown = archived.stream().filter(text -> text.startsWith("{\"reason\"")).toList();
        archived.removeAll(unknown);
        assertThat(archived).containsExactlyInAnyOrderElementsOf(lines.subList(0, 40));
        assertThat(unknown).singleElement().asString().contains("\"reason\":\"not_json\"");
        assertThat(keys("to-s3-missing-it")).hasSize(4)
                .anyMatch(key -> key.startsWith("logs/unknown/not_json/2026-01/15/"));
    }
}
