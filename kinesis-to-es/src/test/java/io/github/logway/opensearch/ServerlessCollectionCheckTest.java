package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.config.ConfigException;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import io.github.logway.testing.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The cold start of the handler against an OpenSearch Serverless collection: the collection type comes from a real
 * local HTTP server standing in for the control plane ({@code AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS}), the data
 * plane is canned.
 */
class ServerlessCollectionCheckTest {

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-15T10:21:00Z"));
    private final CannedHttpServer controlPlane = CannedHttpServer.start();
    private final CannedTransport dataPlane = new CannedTransport();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void stopServer() {
        controlPlane.close();
    }

    private Map<String, String> serverlessEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("ES_HOST", "https://abc123.eu-west-1.aoss.amazonaws.com");
        env.put("ES_SIGV4_SERVICE", "aoss");
        env.put("AWS_REGION", "eu-west-1");
        env.put("INDEX_NAME_PREFIX", "logs");
        env.put("FAILED_LOG_S3_BUCKET", "failed-bucket");
        env.put("ES_INSTALL_TEMPLATE", "false");
        env.put("AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS", controlPlane.endpoint().toString());
        return env;
    }

    private KinesisToOpenSearchHandler handler(Map<String, String> env) {
        KinesisToOpenSearchConfig config = KinesisToOpenSearchConfig.read(new EnvReader(env));
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new KinesisToOpenSearchHandler(config, dataPlane, new InMemoryObjectStore(), clock, print,
                new JsonLogger("test", LogLevel.INFO, print), clock::advance,
                KinesisToOpenSearchHandler.collectionLookup(config,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")), clock));
    }

    private List<String> logLines(String level) {
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.startsWith("{\"level\":\"" + level + "\""))
                .toList();
    }

    @Test
    void coldStart_whenTimeSeriesCollectionAndLogIdDocumentIds_failsWithWhatToSet() {
        controlPlane.answer(200, ServerlessControlPlaneClientTest.collectionDetails("abc123", "TIMESERIES"));
        Map<String, String> env = serverlessEnv();
        env.put("ES_INSTALL_TEMPLATE", "true");

        assertThatThrownBy(() -> handler(env))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid configuration (1 problem):\n  ES_DOCUMENT_ID='log_id': collection abc123 is an"
                        + " OpenSearch Serverless time-series collection, which refuses client-supplied document ids;"
                        + " set ES_DOCUMENT_ID=none (OpenSearch then generates the ids, so records Lambda re-delivers"
                        + " or replay sends again are indexed twice) or index into a search collection");
        assertThat(controlPlane.received()).singleElement()
                .extracting(request -> request.headers().get("x-amz-target"))
                .isEqualTo("OpenSearchServerless.BatchGetCollection");
        assertThat(dataPlane.sent()).as("nothing reaches the collection before the check").isEmpty();
    }

    @Test
    void coldStart_whenTimeSeriesCollectionAndNoDocumentIds_startsAndIndexesWithoutIds() {
        controlPlane.answer(200, ServerlessControlPlaneClientTest.collectionDetails("abc123", "TIMESERIES"));
        Map<String, String> env = serverlessEnv();
        env.put("ES_DOCUMENT_ID", "none");
        dataPlane.otherwise(CannedTransport::allCreated);

        handler(env).handleRequest(KinesisEventBuilder.ofLines(List.of(
                "{\"log_type\":\"app\",\"log_id\":\"1\",\"time\":\"2026-01-15T10:00:00Z\"}")).build(),
                FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(1)));

        assertThat(dataPlane.bulkRequests()).singleElement().extracting(CannedTransport.Sent::bodyText).asString()
                .startsWith("{\"create\":{\"_index\":\"logs-app-20260115\"}}\n");
        assertThat(logLines("WARN")).isEmpty();
        assertThat(logLines("INFO")).anySatisfy(line -> assertThat(line)
                .contains("OpenSearch Serverless collection type checked").contains("\"collection_type\":\"TIMESERIES\""));
    }

    @Test
    void coldStart_whenSearchCollectionAndLogIdDocumentIds_startsWithoutWarning() {
        controlPlane.answer(200, ServerlessControlPlaneClientTest.collectionDetails("abc123", "SEARCH"));

        handler(serverlessEnv());

        assertThat(controlPlane.received()).hasSize(1);
        assertThat(logLines("WARN")).isEmpty();
        assertThat(logLines("INFO")).anySatisfy(line -> assertThat(line).contains("\"collection_type\":\"SEARCH\""));
    }

    @Test
    void coldStart_whenSearchCollectionAndNoDocumentIds_startsWithADuplicatesWarning() {
        controlPlane.answer(200, ServerlessControlPlaneClientTest.collectionDetails("abc123", "SEARCH"));
        Map<String, String> env = serverlessEnv();
        env.put("ES_DOCUMENT_ID", "none");

        handler(env);

        assertThat(logLines("WARN")).singleElement().asString()
                .contains("ES_DOCUMENT_ID=none on a search collection: re-delivered records are indexed twice")
                .contains("\"collection_id\":\"abc123\"");
    }

    @Test
    void coldStart_whenTheRoleMayNotCallBatchGetCollection_startsWithOneWarningNamingThePermission() {
        controlPlane.answer(403, "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized to perform:"
                + " aoss:BatchGetCollection\"}");

        handler(serverlessEnv());

        assertThat(logLines("WARN")).singleElement().asString()
                .contains("OpenSearch Serverless collection type not checked: the function's role lacks"
                        + " aoss:BatchGetCollection")
                .contains("\"missing_permission\":\"aoss:BatchGetCollection\"")
                .contains("\"error\":\"HTTP 403 AccessDeniedException: not authorized to perform:"
                        + " aoss:BatchGetCollection\"");
    }

    @Test
    void coldStart_whenTheControlPlaneFails_startsWithOneWarning() {
        controlPlane.answer(500, "{\"__type\":\"InternalServerException\",\"message\":\"boom\"}");

        handler(serverlessEnv());

        assertThat(logLines("WARN")).singleElement().asString()
                .contains("OpenSearch Serverless collection type not checked")
                .contains("\"error\":\"HTTP 500 InternalServerException: boom\"")
                .contains("\"permission\":\"aoss:BatchGetCollection\"");
    }

    @Test
    void coldStart_whenManagedDomain_doesNotCallTheControlPlane() {
        Map<String, String> env = serverlessEnv();
        env.put("ES_HOST", "search-logs-abc.eu-west-1.es.amazonaws.com");
        env.put("ES_SIGV4_SERVICE", "es");

        handler(env);

        assertThat(controlPlane.received()).isEmpty();
        assertThat(logLines("WARN")).isEmpty();
    }

    @Test
    void coldStart_whenAossSigningButNotACollectionHost_warnsWithoutCalling() {
        Map<String, String> env = serverlessEnv();
        env.put("ES_HOST", "https://logs.example.com");

        handler(env);

        assertThat(controlPlane.received()).isEmpty();
        assertThat(logLines("WARN")).singleElement().asString()
                .contains("ES_HOST logs.example.com is not a collection endpoint");
    }
}
