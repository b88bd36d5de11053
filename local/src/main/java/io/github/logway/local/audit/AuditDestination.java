package io.github.logway.local.audit;

/** One place the sent records should have arrived: it counts the log ids it holds into a tally. */
interface AuditDestination {

    /** How the result line names it, such as {@code s3://logs/app}. */
    String name();

    /** Whether a log id found more than once is expected here (at-least-once delivery) rather than a failure. */
    boolean duplicatesAllowed();

    /**
     * Reads the destination and counts every log id it holds.
     *
     * @param tally receives the ids; its {@link IdTally#sentIds()} are the ids looked for
     * @throws AuditDestinationException when the destination cannot be read
     */
    void collect(IdTally tally);
}
