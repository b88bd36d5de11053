package io.github.logway.schema;

/** The typed result of parsing one log event: {@link Parsed} or {@link Rejected}. Nothing throws for bad data. */
public sealed interface ParseResult extends DecodedEvent permits Parsed, Rejected {
}
