package io.github.logway.core.publish;

/**
 * The entry was not stored after the retries the policy and the deadline allowed: leave it behind the checkpoint.
 *
 * @param lastErrorCode the last error it met ({@code ProvisionedThroughputExceededException}...), or
 *     {@link #DEADLINE_EXCEEDED} when the deadline came before it could be sent
 */
public record Unsent(String lastErrorCode) implements EntryOutcome {

    /** The code of an entry that the deadline stopped before any attempt. */
    public static final String DEADLINE_EXCEEDED = "DeadlineExceeded";
    /** The code of a whole-call failure that carried no error code (a timeout, an I/O error). */
    public static final String CALL_FAILED = "CallFailed";
}
