package io.github.logway.core.publish;

/** The entry is stored in the stream. */
public record Sent(String shardId, String sequenceNumber) implements EntryOutcome {
}
