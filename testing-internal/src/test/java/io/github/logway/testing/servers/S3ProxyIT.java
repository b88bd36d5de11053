package io.github.logway.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** s3proxy through the extension with the AWS SDK; runs before {@link S3ProxySharedServerIT}. */
@WithLocalServers
@Order(1)
class S3ProxyIT {

    static final String BUCKET = "logway-s3proxy-it";
    static final String MARKER_KEY = "markers/S3ProxyIT";
    static final String MARKER_TEXT = "written by S3ProxyIT";

    private static volatile S3Endpoint endpointReceived;

    @BeforeAll
    static void createBucketWithMarker(S3Endpoint s3) {
        endpointReceived = s3;
        try (S3Client client = s3.newS3Client()) {
            client.createBucket(request -> request.bucket(BUCKET));
            client.putObject(request -> request.bucket(BUCKET).key(MARKER_KEY), RequestBody.fromString(MARKER_TEXT));
        }
    }

    /** The endpoint this class received, for the class that runs after it. */
    static S3Endpoint endpointReceived() {
        return endpointReceived;
    }

    @Test
    void endpoint_isPlainHttpOnLoopback(S3Endpoint s3) {
        assertThat(s3.endpoint().getScheme()).isEqualTo("http");
        assertThat(s3.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(s3.endpoint().getPort()).isPositive();
    }

    @Test
    void putObject_thenGetObject_returnsTheSameBytes(S3Endpoint s3) {
        byte[] body = "{\"log_type\":\"app\",\"message\":\"h\u00e9llo\"}\n".getBytes(StandardCharsets.UTF_8);
        try (S3Client client = s3.newS3Client()) {
            client.putObject(request -> request.bucket(BUCKET).key("logs/app/part-0.ndjson"), RequestBody.fromBytes(body));

            byte[] read = client.getObjectAsBytes(request -> request.bucket(BUCKET).key("logs/app/part-0.ndjson"))
                    .asByteArray();

            assertThat(read).isEqualTo(body);
        }
    }

    @Test
    void listBuckets_containsTheCreatedBucket(S3Endpoint s3) {
        try (S3Client client = s3.newS3Client()) {
            assertThat(client.listBuckets().buckets()).extracting(Bucket::name).contains(BUCKET);
        }
    }

    @Test
    void request_signedWithWrongSecret_isRejected(S3Endpoint s3) {
        S3Endpoint wrongSecret = new S3Endpoint(s3.endpoint(), s3.region(), s3.accessKeyId(), "not-the-secret");
        try (S3Client client = wrongSecret.newS3Client()) {
            assertThatThrownBy(client::listBuckets)
                    .isInstanceOf(S3Exception.class)
                    .satisfies(error -> assertThat(((S3Exception) error).statusCode()).isEqualTo(403));
        }
    }
}
