package io.github.logway.core.publish;

/**
 * The entry is larger than the record limit and was never sent.
 *
 * @param bytes its size: data plus partition key
 */
public record TooLarge(long bytes) implements EntryOutcome {
}
