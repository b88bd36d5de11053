package io.github.logway.core;

/**
 * A transient failure: throttling ({@code ProvisionedThroughputExceededException}, {@code SlowDown}), HTTP 429,
 * 5xx, timeouts and I/O errors.
 *
 * <p>What the caller does: retry with backoff while attempts and the deadline allow, then leave the affected
 * records behind the checkpoint (report the lowest unhandled sequence number as the batch item failure) and
 * return normally. Lambda re-delivers them from there. Never divert a record to the failed log because of a
 * retryable failure.
 */
public final class RetryableException extends LogwayException {

    private static final long serialVersionUID = 1L;

    public RetryableException(String message) {
        super(message, null, null);
    }

    public RetryableException(String message, Throwable cause) {
        super(message, null, cause);
    }

    /**
     * @param errorCode the service's error code, or {@code null}
     */
    public RetryableException(String message, String errorCode, Throwable cause) {
        super(message, errorCode, cause);
    }
}
