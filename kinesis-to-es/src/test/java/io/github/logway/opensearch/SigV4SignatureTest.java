package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * SigV4 as OpenSearch would check it (open-source OpenSearch cannot: it has no IAM): a local HTTP server captures
 * each request the real transport signs, and {@link SigV4Verifier} recomputes the signature independently from
 * the bytes received. The AWS test-suite vectors pin both the verifier and the SDK signer.
 */
class SigV4SignatureTest {

    private static final String ACCESS_KEY = "AKIDLOGWAYTEST000001";
    private static final String SECRET_KEY = "logway/test/secret/key/0000000000000000000";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJGMEQCIF+test+token==";
    private static final Instant SIGNING_TIME = Instant.parse("2026-11-24T10:15:30Z");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+),"
                    + " Signature=([0-9a-f]{64})");

    /** One request as the server received it. */
    private record Captured(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
            int remotePort) {}

    private final List<Captured> captured = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            captured.add(new Captured(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body, exchange.getRemoteAddress().getPort()));
            byte[] answer = "{\"errors\":false}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private ApacheOpenSearchTransport transport(SigV4RequestSigner signer) {
        return new ApacheOpenSearchTransport(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), signer,
                Duration.ofSeconds(5));
    }

    private static SigV4RequestSigner signer(boolean sessionCredentials, String service) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(sessionCredentials
                ? AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)
                : AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        return new SigV4RequestSigner(credentials, "eu-west-1", service, Clock.fixed(SIGNING_TIME, ZoneOffset.UTC));
    }

    /** Recomputes the signature of a captured request and returns the parsed authorization parts. */
    private static Matcher verify(Captured request, String service) {
        Matcher authorization = AUTHORIZATION.matcher(request.headers().get("authorization"));
        assertThat(authorization.matches()).as(request.headers().get("authorization")).isTrue();
        assertThat(authorization.group(1)).isEqualTo(ACCESS_KEY);
        assertThat(authorization.group(2)).isEqualTo("20261124");
        assertThat(authorization.group(3)).isEqualTo("eu-west-1");
        assertThat(authorization.group(4)).isEqualTo(service);
        String payloadHash = SigV4Verifier.hex(SigV4Verifier.sha256(request.body()));
        assertThat(request.headers().get("x-amz-content-sha256")).isEqualTo(payloadHash);
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : authorization.group(5).split(";")) {
            assertThat(request.headers()).containsKey(name);
            signed.put(name, request.headers().get(name));
        }
        String amzDate = request.headers().get("x-amz-date");
        assertThat(amzDate).isEqualTo("20261124T101530Z");
        String canonical = SigV4Verifier.canonicalRequest(request.method(), request.path(), request.rawQuery(), signed,
                payloadHash);
        String expected = SigV4Verifier.signature(SECRET_KEY, amzDate, "eu-west-1", service,
                SigV4Verifier.stringToSign(amzDate, "eu-west-1", service, canonical));
        assertThat(authorization.group(6)).as("signature over\n%s", canonical).isEqualTo(expected);
        return authorization;
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "aoss"})
    void send_signsBulkRequestWithPayloadHashAndSessionToken(String service) throws IOException {
        byte[] body = "{\"create\":{\"_index\":\"logs-app-20261124\",\"_id\":\"a b/ü\"}}\n{\"x\":1}\n"
                .getBytes(StandardCharsets.UTF_8);
        try (ApacheOpenSearchTransport transport = transport(signer(true, service))) {
            HttpResult result = transport.send(new HttpCall("POST", OpenSearchSink.BULK_PATH,
                    OpenSearchSink.NDJSON, body, body.length, false, Duration.ofSeconds(5)));
            assertThat(result.status()).isEqualTo(200);
        }

        Captured request = captured.get(0);
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.headers().get("x-amz-security-token")).isEqualTo(SESSION_TOKEN);
        Matcher authorization = verify(request, service);
        assertThat(authorization.group(5).split(";")).contains("host", "x-amz-date", "x-amz-security-token",
                "x-amz-content-sha256", "content-type");
    }

    @Test
    void send_whenGzip_signsTheCompressedBytesAndContentEncoding() throws IOException {
        byte[] gzipped = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        try (ApacheOpenSearchTransport transport = transport(signer(false, "es"))) {
            transport.send(new HttpCall("POST", OpenSearchSink.BULK_PATH, OpenSearchSink.NDJSON, gzipped,
                    gzipped.length, true, Duration.ofSeconds(5)));
        }

        Captured request = captured.get(0);
        assertThat(request.body()).isEqualTo(gzipped);
        assertThat(request.headers()).doesNotContainKey("x-amz-security-token");
        Matcher authorization = verify(request, "es");
        assertThat(authorization.group(5).split(";")).contains("content-encoding");
    }

    @Test
    void send_reusesTheKeptAliveConnectionAcrossRequests() throws IOException {
        try (ApacheOpenSearchTransport transport = transport(signer(true, "es"))) {
            for (int i = 0; i < 3; i++) {
                byte[] body = ("{\"n\":" + i + "}\n").getBytes(StandardCharsets.UTF_8);
                transport.send(HttpCall.json("PUT", "/_index_template/logway-logs", body, Duration.ofSeconds(5)));
            }
        }

        assertThat(captured).hasSize(3);
        assertThat(captured).extracting(Captured::remotePort).containsOnly(captured.get(0).remotePort());
        captured.forEach(request -> verify(request, "es"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"get-vanilla", "post-vanilla"})
    void verifier_reproducesThePublishedTestVector(String vector) throws IOException {
        Properties v = vector(vector);

        String canonical = SigV4Verifier.canonicalRequest(v.getProperty("method"), "/", null,
                Map.of("host", v.getProperty("host"), "x-amz-date", v.getProperty("amzDate")),
                SigV4Verifier.hex(SigV4Verifier.sha256(new byte[0])));
        String stringToSign = SigV4Verifier.stringToSign(v.getProperty("amzDate"), v.getProperty("region"),
                v.getProperty("service"), canonical);

        assertThat(canonical).isEqualTo(v.getProperty("canonicalRequest"));
        assertThat(stringToSign).isEqualTo(v.getProperty("stringToSign"));
        assertThat(SigV4Verifier.signature(v.getProperty("secretAccessKey"), v.getProperty("amzDate"),
                v.getProperty("region"), v.getProperty("service"), stringToSign)).isEqualTo(v.getProperty("signature"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"get-vanilla", "post-vanilla"})
    void sdkSigner_reproducesThePublishedTestVector(String vector) throws IOException {
        Properties v = vector(vector);
        SigV4RequestSigner signer = new SigV4RequestSigner(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(v.getProperty("accessKeyId"),
                        v.getProperty("secretAccessKey"))),
                v.getProperty("region"), v.getProperty("service"),
                Clock.fixed(Instant.parse(v.getProperty("signingTime")), ZoneOffset.UTC));
        Map<String, String> headers = new LinkedHashMap<>();

        signer.signWithSdk(v.getProperty("method"), URI.create(v.getProperty("uri")), headers, new byte[0], 0);

        String emptyHash = SigV4Verifier.hex(SigV4Verifier.sha256(new byte[0]));
        String canonical = SigV4Verifier.canonicalRequest(v.getProperty("method"), "/", null,
                Map.of("host", v.getProperty("host"), "x-amz-date", v.getProperty("amzDate"),
                        "x-amz-content-sha256", emptyHash), emptyHash);
        String independent = SigV4Verifier.signature(v.getProperty("secretAccessKey"), v.getProperty("amzDate"),
                v.getProperty("region"), v.getProperty("service"), SigV4Verifier.stringToSign(v.getProperty("amzDate"),
                        v.getProperty("region"), v.getProperty("service"), canonical));
        assertThat(headers).containsEntry("x-amz-date", v.getProperty("amzDate"))
                .containsEntry("x-amz-content-sha256", emptyHash)
                .containsEntry("authorization", v.getProperty("sdkAuthorization"));
        assertThat(v.getProperty("sdkAuthorization")).endsWith("Signature=" + independent);
    }

    private static Properties vector(String name) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(new String(TestRecords.resource("/sigv4/" + name + ".properties"),
                StandardCharsets.UTF_8)));
        return properties;
    }
}
