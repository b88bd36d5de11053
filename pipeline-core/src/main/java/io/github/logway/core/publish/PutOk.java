package io.github.logway.core.publish;

/** The entry is stored in the stream. */
public record PutOk(String shardId, String sequenceNumber) implements PutEntryResult {
}
