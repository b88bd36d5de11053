package io.github.logway.schema;

/**
 * One log event as decoding yields it: parsed, rejected with a reason, or skipped (a CloudWatch Logs control
 * message). Switch over it exhaustively.
 */
public sealed interface DecodedEvent permits ParseResult, Skipped {

    /** Where the event came from. */
    EventRef ref();
}
