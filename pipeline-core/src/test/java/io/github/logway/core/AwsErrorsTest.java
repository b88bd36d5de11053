package io.github.logway.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

class AwsErrorsTest {

    private static AwsServiceException service(String code, int status) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("boom").build())
                .build();
    }

    @ParameterizedTest(name = "{0} ({1}) is retryable")
    @CsvSource({
        "SlowDown, 503", "ServiceUnavailable, 503", "InternalError, 500", "ProvisionedThroughputExceededException, 400",
        "LimitExceededException, 400", "ThrottlingException, 400", "KMSThrottlingException, 400",
        "KMS.ThrottlingException, 400", "RequestTimeout, 400", "TooManyRequestsException, 429",
        "SomethingNew, 502", "SomethingNew, 429"
    })
    void classify_transientServiceErrors_areRetryable(String code, int status) {
        LogwayException error = AwsErrors.classify("op", service(code, status));

        assertThat(error).isInstanceOf(RetryableException.class);
        assertThat(error.errorCode()).contains(code);
    }

    @ParameterizedTest(name = "{0} ({1}) is fatal")
    @CsvSource({
        "AccessDenied, 403", "NoSuchBucket, 404", "InvalidAccessKeyId, 403", "SignatureDoesNotMatch, 403",
        "ExpiredToken, 400", "ResourceNotFoundException, 400", "AccessDeniedException, 400",
        "KMS.NotFoundException, 400", "KMS.DisabledException, 400", "KMS.KMSInvalidStateException, 400",
        "KMSAccessDeniedException, 400", "KmsAccessDeniedException, 400", "KMS.AccessDeniedException, 500",
        "InvalidArgument, 400", "UnrecognizedClientException, 400"
    })
    void classify_permanentServiceErrors_areFatal(String code, int status) {
        LogwayException error = AwsErrors.classify("op", service(code, status));

        assertThat(error).isInstanceOf(FatalException.class);
        assertThat(error.errorCode()).contains(code);
    }

    @Test
    void classify_messageNamesOperationCodeStatusAndServiceMessage() {
        LogwayException error = AwsErrors.classify("S3 PutObject s3://b/k", service("SlowDown", 503));

        assertThat(error).hasMessage("S3 PutObject s3://b/k failed: SlowDown (503): boom");
    }

    @Test
    void classify_serviceErrorWithoutCode_usesStatus() {
        AwsServiceException noCode = AwsServiceException.builder().statusCode(504).message("gateway").build();

        assertThat(AwsErrors.classify("op", noCode)).isInstanceOf(RetryableException.class);
        assertThat(AwsErrors.classify("op", AwsServiceException.builder().statusCode(400).build()))
                .isInstanceOf(FatalException.class);
    }

    @Test
    void classify_apiCallTimeout_isRetryable() {
        SdkException timeout = ApiCallTimeoutException.builder().message("took too long").build();

        assertThat(AwsErrors.classify("op", timeout)).isInstanceOf(RetryableException.class)
                .hasMessageContaining("took too long");
    }

    @Test
    void classify_clientErrorCausedByIo_isRetryable() {
        SdkClientException io = SdkClientException.builder().message("read failed")
                .cause(new SocketTimeoutException("Read timed out")).build();

        assertThat(AwsErrors.classify("op", io)).isInstanceOf(RetryableException.class).hasCause(io);
    }

    @Test
    void classify_clientErrorWithNestedIoCause_isRetryable() {
        SdkClientException io = SdkClientException.builder().message("unable to execute")
                .cause(new IllegalStateException("wrapped", new IOException("connection reset"))).build();

        assertThat(AwsErrors.classify("op", io)).isInstanceOf(RetryableException.class);
    }

    @Test
    void classify_aborted_isRetryable() {
        assertThat(AwsErrors.classify("op", AbortedException.builder().message("interrupted").build()))
                .isInstanceOf(RetryableException.class);
    }

    @Test
    void classify_missingCredentials_isFatal() {
        SdkClientException credentials = SdkClientException.builder()
                .message("Unable to load credentials from any of the providers in the chain").build();

        LogwayException error = AwsErrors.classify("op", credentials);

        assertThat(error).isInstanceOf(FatalException.class).hasMessageContaining("Unable to load credentials");
        assertThat(error.errorCode()).isEmpty();
    }

    @Test
    void isRetryable_perItemCodes() {
        assertThat(AwsErrors.isRetryable("ProvisionedThroughputExceededException", 0)).isTrue();
        assertThat(AwsErrors.isRetryable("InternalFailure", 0)).isTrue();
        assertThat(AwsErrors.isRetryable("KMSAccessDeniedException", 0)).isFalse();
        assertThat(AwsErrors.isRetryable(null, 503)).isTrue();
        assertThat(AwsErrors.isRetryable(null, 404)).isFalse();
    }
}
