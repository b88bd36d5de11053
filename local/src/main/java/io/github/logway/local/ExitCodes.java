package io.github.logway.local;

/** The process exit codes of {@code ./logway}, the same for every subcommand (PRODUCT.md §10). */
public final class ExitCodes {

    /** Everything worked; records that were diverted to a failed log count as handled. */
    public static final int SUCCESS = 0;

    /** A record ended unhandled (behind the checkpoint or lost), or {@code audit} found one missing. */
    public static final int UNHANDLED_RECORDS = 1;

    /** Bad usage or configuration: unknown command or option, missing or invalid argument. */
    public static final int USAGE = 2;

    /** A bug or an unexpected failure; kept apart from 1 and 2 so scripts never mistake it for them. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {}
}
