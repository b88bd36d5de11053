package io.github.logway.opensearch;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * AWS Signature Version 4 with the SDK's {@link AwsV4HttpSigner}: the payload's SHA-256 is signed and sent as
 * {@code x-amz-content-sha256} (OpenSearch Serverless requires the header), a session token is sent as {@code
 * x-amz-security-token}, the signing time comes from the injected {@link Clock}.
 *
 * <p>Credentials come from the identity provider (the default chain in Lambda: the function's role), which
 * caches and refreshes them.
 */
final class SigV4RequestSigner implements RequestSigner {

    /** The header carrying the payload hash, required by OpenSearch Serverless. */
    static final String CONTENT_SHA256 = "x-amz-content-sha256";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String region;
    private final String service;
    private final Clock clock;

    /**
     * @param credentials where credentials come from
     * @param region signing region, such as {@code eu-west-1}
     * @param service signing name: {@code es} or {@code aoss}
     * @param clock signing time
     */
    SigV4RequestSigner(IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region, String service,
            Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void sign(String method, URI uri, Map<String, String> headers, byte[] body, int length) {
        headers.put(CONTENT_SHA256, sha256Hex(body, length));
        signWithSdk(method, uri, headers, body, length);
    }

    /**
     * The SDK signer's part alone: adds {@code x-amz-date}, {@code x-amz-security-token} (with session
     * credentials) and {@code authorization} over the given headers, without adding the payload-hash header.
     */
    void signWithSdk(String method, URI uri, Map<String, String> headers, byte[] body, int length) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(request::putHeader);
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SignedRequest signed = signer.sign(r -> r
                .identity(identity)
                .request(request.build())
                .payload(() -> new ByteArrayInputStream(body, 0, length))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("host")) {
                headers.put(name, String.join(",", header.getValue()));
            }
        }
    }

    static String sha256Hex(byte[] body, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(body, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SigV4RequestSigner[service=" + service + ", region=" + region + "]";
    }
}
