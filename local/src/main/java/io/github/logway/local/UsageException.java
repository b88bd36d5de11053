package io.github.logway.local;

/**
 * The command line is wrong: an unknown or missing argument, or an invalid value. A {@link Command} throws
 * it; {@link LogwayCli} prints the message with a hint to {@code --help} and exits with {@link
 * ExitCodes#USAGE}. The message says what is wrong and what is allowed, without the command name.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, such as {@code "--repeat must be a positive integer, got 'x'"}
     */
    public UsageException(String message) {
        super(message);
    }
}
