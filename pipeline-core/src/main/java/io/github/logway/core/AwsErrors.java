package io.github.logway.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Sorts AWS SDK errors into the two families (PRODUCT.md §3 "Retries"): throttling, 429, 5xx, timeouts and
 * I/O errors are {@link RetryableException}; credentials, missing resources, denied access, KMS key errors and
 * every other client error are {@link FatalException}.
 */
public final class AwsErrors {

    /** Error codes that mean "try again later" whatever the status code says. */
    private static final Set<String> RETRYABLE_CODES = Set.of(
            "SlowDown", "Throttling", "ThrottlingException", "ThrottledException", "RequestLimitExceeded",
            "TooManyRequestsException", "ProvisionedThroughputExceededException", "LimitExceededException",
            "RequestThrottled", "RequestThrottledException", "BandwidthLimitExceeded", "TransactionInProgressException",
            "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalError",
            "InternalFailure", "InternalFailureException", "InternalServerError", "ServiceUnavailable",
            "ServiceUnavailableException", "OperationAborted", "IDPCommunicationError", "EC2ThrottledException",
            "KMS.ThrottlingException", "KMSThrottlingException", "KmsThrottlingException",
            "KMS.KMSInternalException", "KMS.DependencyTimeoutException");

    /** Error codes that mean "fix the setup": credentials, missing resources, access. */
    private static final Set<String> FATAL_CODES = Set.of(
            "AccessDenied", "AccessDeniedException", "AllAccessDisabled", "AccountProblem", "NoSuchBucket",
            "ResourceNotFoundException", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken",
            "ExpiredTokenException", "InvalidToken", "InvalidClientTokenId", "UnrecognizedClientException",
            "MissingAuthenticationToken", "IncompleteSignature", "AuthorizationHeaderMalformed",
            "KMSAccessDenied", "KMSAccessDeniedException", "KmsAccessDeniedException", "KMSDisabledException",
            "KmsDisabledException", "KMSNotFoundException", "KmsNotFoundException", "KMSInvalidStateException",
            "KmsInvalidStateException", "KmsOptInRequired", "KMSOptInRequired");

    private AwsErrors() {
    }

    /**
     * The Logway exception for an SDK error.
     *
     * @param operation what was attempted, for the message (e.g. {@code S3 PutObject s3://bucket/key}); never a
     *     payload
     */
    public static LogwayException classify(String operation, SdkException error) {
        if (error instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return classifyService(operation, code, service.statusCode(), service);
        }
        if (error instanceof SdkServiceException service) {
            return classifyService(operation, null, service.statusCode(), service);
        }
        if (error instanceof SdkClientException client) {
            String message = operation + " failed: " + messageOf(client);
            if (isTransientClientError(client)) {
                return new RetryableException(message, null, client);
            }
            return new FatalException(message, null, client);
        }
        return new FatalException(operation + " failed: " + messageOf(error), null, error);
    }

    /**
     * Whether an error code with an HTTP status is transient. Used for whole calls and for per-item error codes
     * that come with a status.
     */
    public static boolean isRetryable(String errorCode, int statusCode) {
        if (errorCode != null) {
            if (RETRYABLE_CODES.contains(errorCode) || isThrottlingCode(errorCode)) {
                return true;
            }
            if (FATAL_CODES.contains(errorCode) || isKmsCode(errorCode)) {
                return false;
            }
        }
        return statusCode == 429 || statusCode >= 500;
    }

    private static LogwayException classifyService(
            String operation, String code, int statusCode, SdkServiceException error) {
        String message = operation + " failed: " + (code == null ? "HTTP" : code) + " (" + statusCode + ")"
                + detailOf(error);
        boolean retryable = isRetryable(code, statusCode)
                || (code == null && (error.isThrottlingException() || error.isClockSkewException()));
        return retryable ? new RetryableException(message, code, error) : new FatalException(message, code, error);
    }

    private static boolean isThrottlingCode(String code) {
        return code.toLowerCase(Locale.ROOT).contains("throttl");
    }

    private static boolean isKmsCode(String code) {
        return code.startsWith("KMS") || code.startsWith("Kms");
    }

    private static boolean isTransientClientError(SdkClientException error) {
        if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException
                || error instanceof AbortedException) {
            return true;
        }
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    private static String detailOf(SdkServiceException error) {
        String text = error instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? aws.awsErrorDetails().errorMessage()
                : null;
        return text == null || text.isBlank() ? "" : ": " + text;
    }

    private static String messageOf(Throwable error) {
        String text = error.getMessage();
        return text == null ? error.getClass().getSimpleName() : text;
    }
}
