package io.github.logway.local.audit;

/**
 * A destination could not be read: no such bucket, stream or index pattern, refused credentials, an endpoint
 * that does not answer. The audit of that destination has no result; the caller reports the message and
 * exits with the configuration exit code, since what is wrong is almost always the arguments or the endpoint.
 */
final class AuditDestinationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AuditDestinationException(String message, Throwable cause) {
        super(message, cause);
    }

    AuditDestinationException(String message) {
        super(message);
    }
}
