package io.github.logway.core;

import java.util.Optional;

/**
 * Root of the two exception families of Logway: {@link RetryableException} (transient, try again later) and
 * {@link FatalException} (permanent, fail the invocation loudly).
 *
 * <p>Exceptions are for infrastructure and bugs, never for bad data: a record that cannot be delivered is
 * diverted to the failed log with a reason. Catch the family you can act on; never log and rethrow the same
 * error.
 */
public abstract sealed class LogwayException extends RuntimeException permits RetryableException, FatalException {

    private final String errorCode;

    /**
     * @param message what failed, never containing a record's payload
     * @param errorCode the service's error code (e.g. {@code SlowDown}), or {@code null} when there is none
     * @param cause the underlying error, or {@code null}
     */
    protected LogwayException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The service's error code ({@code SlowDown}, {@code AccessDenied}...), when the failure carried one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
