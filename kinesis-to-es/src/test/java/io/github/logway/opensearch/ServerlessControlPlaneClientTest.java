package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code BatchGetCollection} against a real local HTTP server: the request as AWS JSON 1.0 expects it, signed for
 * {@code aoss} (checked by the independent {@link SigV4Verifier}), and every kind of answer turned into a
 * {@link CollectionLookup}.
 */
class ServerlessControlPlaneClientTest {

    private static final String ACCESS_KEY = "AKIDLOGWAYTEST000002";
    private static final String SECRET_KEY = "logway/test/secret/key/aoss/000000000000000";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJGMEQCIF+aoss==";
    private static final Instant SIGNING_TIME = Instant.parse("2026-11-24T10:15:30Z");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+),"
                    + " Signature=([0-9a-f]{64})");

    private final CannedHttpServer server = CannedHttpServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ServerlessControlPlaneClient client(URI endpoint, Duration responseTimeout) {
        SigV4RequestSigner signer = new SigV4RequestSigner(
                StaticCredentialsProvider.create(AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)),
                "eu-west-1", "aoss", Clock.fixed(SIGNING_TIME, ZoneOffset.UTC));
        return new ServerlessControlPlaneClient(endpoint, signer, Duration.ofSeconds(1), responseTimeout);
    }

    private ServerlessControlPlaneClient client() {
        return client(server.endpoint(), Duration.ofSeconds(5));
    }

    static String collectionDetails(String id, String type) {
        return "{\"collectionDetails\":[{\"arn\":\"arn:aws:aoss:eu-west-1:123456789012:collection/" + id + "\","
                + "\"collectionEndpoint\":\"https://" + id + ".eu-west-1.aoss.amazonaws.com\",\"createdDate\":1.7643E12,"
                + "\"id\":\"" + id + "\",\"kmsKeyArn\":\"auto\",\"name\":\"logs\",\"status\":\"ACTIVE\","
                + "\"type\":\"" + type + "\"}],\"collectionErrorDetails\":[]}";
    }

    @Test
    void batchGetCollection_sendsAwsJsonRequestSignedForAossWithTheTargetHeader() {
        server.answer(200, collectionDetails("abc123", "SEARCH"));

        client().batchGetCollection("abc123");

        CannedHttpServer.Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.bodyText()).isEqualTo("{\"ids\":[\"abc123\"]}");
        assertThat(request.headers()).containsEntry("x-amz-target", "OpenSearchServerless.BatchGetCollection")
                .containsEntry("content-type", "application/x-amz-json-1.0")
                .containsEntry("x-amz-security-token", SESSION_TOKEN);
        Matcher authorization = AUTHORIZATION.matcher(request.headers().get("authorization"));
        assertThat(authorization.matches()).as(request.headers().get("authorization")).isTrue();
        assertThat(authorization.group(1)).isEqualTo(ACCESS_KEY);
        assertThat(authorization.group(3)).isEqualTo("eu-west-1");
        assertThat(authorization.group(4)).isEqualTo("aoss");
        assertThat(authorization.group(5).split(";")).contains("host", "x-amz-date", "x-amz-target", "content-type",
                "x-amz-content-sha256", "x-amz-security-token");
        String payloadHash = SigV4Verifier.hex(SigV4Verifier.sha256(request.body()));
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : authorization.group(5).split(";")) {
            signed.put(name, request.headers().get(name));
        }
        String amzDate = request.headers().get("x-amz-date");
        String canonical = SigV4Verifier.canonicalRequest("POST", "/", null, signed, payloadHash);
        assertThat(authorization.group(6)).as("signature over\n%s", canonical).isEqualTo(SigV4Verifier.signature(
                SECRET_KEY, amzDate, "eu-west-1", "aoss",
                SigV4Verifier.stringToSign(amzDate, "eu-west-1", "aoss", canonical)));
    }

    @Test
    void batchGetCollection_whenTimeSeries_returnsItsType() {
        server.answer(200, collectionDetails("abc123", "TIMESERIES"));

        assertThat(client().batchGetCollection("abc123")).isEqualTo(new CollectionLookup.Found("TIMESERIES"));
    }

    @Test
    void batchGetCollection_whenAnotherCollectionIsListedFirst_takesTheOneAskedFor() {
        server.answer(200, "{\"collectionDetails\":[{\"id\":\"zzz999\",\"type\":\"SEARCH\"},"
                + "{\"id\":\"abc123\",\"type\":\"TIMESERIES\",\"tags\":{\"a\":[1]}}]}");

        assertThat(client().batchGetCollection("abc123")).isEqualTo(new CollectionLookup.Found("TIMESERIES"));
    }

    @Test
    void batchGetCollection_when403_returnsAccessDeniedWithTheServiceError() {
        server.answer(403, "{\"__type\":\"AccessDeniedException\",\"message\":\"User: arn:aws:sts::123456789012:"
                + "assumed-role/logs-lambda/fn is not authorized to perform: aoss:BatchGetCollection\"}");

        CollectionLookup answer = client().batchGetCollection("abc123");

        assertThat(answer).isInstanceOf(CollectionLookup.AccessDenied.class);
        assertThat(((CollectionLookup.AccessDenied) answer).detail())
                .startsWith("HTTP 403 AccessDeniedException: User: ")
                .endsWith("is not authorized to perform: aoss:BatchGetCollection");
    }

    @Test
    void batchGetCollection_whenUnknownId_returnsUnavailableWithTheErrorDetail() {
        server.answer(200, "{\"collectionDetails\":[],\"collectionErrorDetails\":[{\"errorCode\":\"NOT_FOUND\","
                + "\"errorMessage\":\"Collection not found\",\"id\":\"abc123\"}]}");

        assertThat(client().batchGetCollection("abc123"))
                .isEqualTo(new CollectionLookup.Unavailable("collection abc123: NOT_FOUND: Collection not found"));
    }

    @Test
    void batchGetCollection_whenValidationError_returnsUnavailableWithTheTypeWithoutNamespace() {
        server.answer(400, "{\"__type\":\"com.amazonaws.aoss#ValidationException\",\"message\":\"bad id\"}");

        assertThat(client().batchGetCollection("abc123"))
                .isEqualTo(new CollectionLookup.Unavailable("HTTP 400 ValidationException: bad id"));
    }

    @Test
    void batchGetCollection_whenTheAnswerIsLate_givesUpAfterTheResponseTimeout() {
        server.answer(200, collectionDetails("abc123", "TIMESERIES")).delay(Duration.ofSeconds(2));
        long start = System.nanoTime();

        CollectionLookup answer = client(server.endpoint(), Duration.ofMillis(200)).batchGetCollection("abc123");

        assertThat(answer).isInstanceOf(CollectionLookup.Unavailable.class);
        assertThat(((CollectionLookup.Unavailable) answer).detail()).contains("Timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void batchGetCollection_whenNothingListens_returnsUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        CollectionLookup answer = client(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(1))
                .batchGetCollection("abc123");

        assertThat(answer).isInstanceOf(CollectionLookup.Unavailable.class);
        assertThat(((CollectionLookup.Unavailable) answer).detail()).contains("Connect");
    }

    @Test
    void ofEndpoint_whenCollectionHost_takesIdAndRegionFromIt() {
        assertThat(ServerlessCollection.ofEndpoint(URI.create("https://Abc123xyz.us-west-2.aoss.amazonaws.com")))
                .contains(new ServerlessCollection("abc123xyz", "us-west-2"));
        assertThat(new ServerlessCollection("abc123xyz", "us-west-2").controlPlaneEndpoint())
                .isEqualTo(URI.create("https://aoss.us-west-2.amazonaws.com"));
    }

    @Test
    void ofEndpoint_whenNotACollectionHost_isEmpty() {
        assertThat(ServerlessCollection.ofEndpoint(URI.create("https://search-logs.eu-west-1.es.amazonaws.com")))
                .isEmpty();
        assertThat(ServerlessCollection.ofEndpoint(URI.create("https://logs.example.com"))).isEmpty();
        assertThat(ServerlessCollection.ofEndpoint(URI.create("https://a.b.eu-west-1.aoss.amazonaws.com"))).isEmpty();
    }
}
