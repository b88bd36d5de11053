package io.github.logway.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.logway.core.FatalException;
import io.github.logway.core.LogwayException;
import io.github.logway.core.RetryableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class S3ObjectStoreTest {

    /** An S3 client that records PutObject requests and bodies, or throws a given error. */
    private static final class FakeS3Client implements S3Client {
        final List<PutObjectRequest> requests = new ArrayList<>();
        final List<byte[]> bodies = new ArrayList<>();
        SdkException failure;

        @Override
        public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            requests.add(request);
            try (InputStream in = body.contentStreamProvider().newStream()) {
                bodies.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (failure != null) {
                throw failure;
            }
            return PutObjectResponse.builder().eTag("\"etag\"").build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }
    }

    private final FakeS3Client s3 = new FakeS3Client();
    private final S3ObjectStore store = new S3ObjectStore(s3);

    private static S3Exception s3Error(String code, int status) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("message of " + code)
                        .serviceName("S3").build())
                .build();
    }

    @Test
    void put_sendsBucketKeyBodyAndHeaders() {
        byte[] body = "line\n".getBytes(StandardCharsets.UTF_8);

        store.put("logs", "app/2026-11/24/x.gz", body, PutOptions.GZIP_NDJSON);

        assertThat(s3.requests).singleElement().satisfies(request -> {
            assertThat(request.bucket()).isEqualTo("logs");
            assertThat(request.key()).isEqualTo("app/2026-11/24/x.gz");
            assertThat(request.contentType()).isEqualTo("application/x-ndjson");
            assertThat(request.contentEncoding()).isEqualTo("gzip");
            assertThat(request.contentLength()).isEqualTo(5L);
            assertThat(request.serverSideEncryption()).isNull();
            assertThat(request.ssekmsKeyId()).isNull();
            assertThat(request.storageClassAsString()).isNull();
        });
        assertThat(s3.bodies).singleElement().isEqualTo(body);
    }

    @Test
    void put_withKmsKeyAndStorageClass_requestsSseKmsAndTheClass() {
        PutOptions options = PutOptions.GZIP_NDJSON.withSseKmsKeyId("arn:aws:kms:ap-northeast-1:1:key/k")
                .withStorageClass("STANDARD_IA");

        store.put("logs", "k", new byte[] {1}, options);

        PutObjectRequest request = s3.requests.get(0);
        assertThat(request.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(request.ssekmsKeyId()).isEqualTo("arn:aws:kms:ap-northeast-1:1:key/k");
        assertThat(request.storageClassAsString()).isEqualTo("STANDARD_IA");
    }

    @Test
    void put_withoutContentEncoding_sendsNone() {
        store.put("logs", "k", new byte[] {1}, new PutOptions("application/x-ndjson", null, null, null));

        assertThat(s3.requests.get(0).contentEncoding()).isNull();
    }

    @ParameterizedTest(name = "{0} ({1}) is retryable")
    @CsvSource({"SlowDown, 503", "ServiceUnavailable, 503", "InternalError, 500", "RequestTimeout, 400",
        "TooManyRequests, 429", "Anything, 502"})
    void put_whenS3Throttles_or5xx_throwsRetryable(String code, int status) {
        s3.failure = s3Error(code, status);

        RetryableException error = catchThrowableOfType(RetryableException.class,
                () -> store.put("logs", "a/b.gz", new byte[0], PutOptions.GZIP_NDJSON));

        assertThat(error).hasMessageStartingWith("S3 PutObject s3://logs/a/b.gz failed: " + code + " (" + status + ")")
                .hasCause(s3.failure);
        assertThat(error.errorCode()).contains(code);
    }

    @ParameterizedTest(name = "{0} ({1}) is fatal")
    @CsvSource({"AccessDenied, 403", "NoSuchBucket, 404", "InvalidAccessKeyId, 403", "SignatureDoesNotMatch, 403",
        "ExpiredToken, 400", "KMS.NotFoundException, 400", "KMS.DisabledException, 400",
        "KMS.KMSInvalidStateException, 400", "KMS.AccessDeniedException, 400", "KMSAccessDeniedException, 403",
        "InvalidArgument, 400"})
    void put_whenAccessOrResourceOrKmsFails_throwsFatal(String code, int status) {
        s3.failure = s3Error(code, status);

        FatalException error = catchThrowableOfType(FatalException.class,
                () -> store.put("logs", "k", new byte[0], PutOptions.GZIP_NDJSON));

        assertThat(error).hasMessageContaining(code).hasMessageContaining("s3://logs/k");
        assertThat(error.errorCode()).contains(code);
    }

    @Test
    void put_whenModeledNoSuchBucket_throwsFatal() {
        s3.failure = NoSuchBucketException.builder().statusCode(404)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchBucket").build()).build();

        assertThat(catchThrowableOfType(LogwayException.class,
                () -> store.put("gone", "k", new byte[0], PutOptions.GZIP_NDJSON)))
                .isInstanceOf(FatalException.class);
    }

    @Test
    void put_whenAttemptTimesOut_throwsRetryable() {
        s3.failure = ApiCallAttemptTimeoutException.builder().message("attempt timed out").build();

        assertThat(catchThrowableOfType(LogwayException.class,
                () -> store.put("logs", "k", new byte[0], PutOptions.GZIP_NDJSON)))
                .isInstanceOf(RetryableException.class);
    }

    @Test
    void put_whenConnectionFails_throwsRetryable() {
        s3.failure = SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new SocketTimeoutException("connect timed out")).build();

        assertThat(catchThrowableOfType(LogwayException.class,
                () -> store.put("logs", "k", new byte[0], PutOptions.GZIP_NDJSON)))
                .isInstanceOf(RetryableException.class);
    }

    @Test
    void put_whenCredentialsCannotLoad_throwsFatal() {
        s3.failure = SdkClientException.builder().message("Unable to load credentials from any of the providers")
                .build();

        assertThat(catchThrowableOfType(LogwayException.class,
                () -> store.put("logs", "k", new byte[0], PutOptions.GZIP_NDJSON)))
                .isInstanceOf(FatalException.class);
    }

    @Test
    void put_callsTheClientOncePerPut() {
        S3Client client = mock(S3Client.class);
        when(client.putObject(any(PutObjectRequest.class), any(RequestBody.class)))
                .thenReturn(PutObjectResponse.builder().build());

        S3ObjectStore mocked = new S3ObjectStore(client);
        mocked.put("b", "k1", new byte[0], PutOptions.GZIP_NDJSON);
        mocked.put("b", "k2", new byte[0], PutOptions.GZIP_NDJSON);

        verify(client, times(2)).putObject(any(PutObjectRequest.class), any(RequestBody.class));
    }
}
