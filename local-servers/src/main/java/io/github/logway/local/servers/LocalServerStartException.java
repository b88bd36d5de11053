package io.github.logway.local.servers;

/**
 * A local server could not be started: its program is missing, it exited, or it did not become healthy in
 * time. Permanent for this test run: the message says what happened and ends with the tail of the server's
 * log; fix the cause (usually the build setup or a port problem) rather than retrying.
 */
public final class LocalServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, including the log tail when there is one
     */
    public LocalServerStartException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed
     * @param cause the underlying error
     */
    public LocalServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
