package io.github.logway.schema;

/**
 * Where a Kinesis record came from: shared by every log event decoded from it.
 *
 * @param streamArn the event source ARN (the stream), may be empty when unknown
 * @param shardId the shard id, e.g. {@code shardId-000000000000}
 * @param sequenceNumber the record's sequence number (a decimal string up to 128 bits)
 * @param partitionKey the record's partition key
 * @param arrivalEpochMillis approximate arrival timestamp of the record, epoch milliseconds
 */
public record RecordSource(
        String streamArn, String shardId, String sequenceNumber, String partitionKey, long arrivalEpochMillis) {
}
