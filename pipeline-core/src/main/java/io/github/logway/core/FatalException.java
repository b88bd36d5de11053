package io.github.logway.core;

/**
 * A permanent failure that retrying inside the invocation cannot fix: missing or invalid credentials, a
 * missing bucket or stream, denied access, KMS key errors (disabled, not found, access denied), invalid
 * configuration.
 *
 * <p>What the caller does: let it propagate. The invocation fails loudly (an error in the function's log and
 * the {@code Errors} metric), and the event source mapping's retry, bisect and on-failure settings take over;
 * the records are replayed from the on-failure destination once the cause is fixed. Do not catch it to divert
 * records: nothing is wrong with the data.
 *
 * <p>Subclassed by configuration errors ({@code config.ConfigException}).
 */
public non-sealed class FatalException extends LogwayException {

    private static final long serialVersionUID = 1L;

    public FatalException(String message) {
        super(message, null, null);
    }

    public FatalException(String message, Throwable cause) {
        super(message, null, cause);
    }

    /**
     * @param errorCode the service's error code, or {@code null}
     */
    public FatalException(String message, String errorCode, Throwable cause) {
        super(message, errorCode, cause);
    }
}
