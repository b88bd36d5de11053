package io.github.logway.local.esm;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Kinesis record as the event source mapping reads it from a shard.
 *
 * @param shardId the shard it was read from
 * @param sequenceNumber its sequence number (decimal string)
 * @param partitionKey its partition key
 * @param data its data
 * @param arrival its approximate arrival time
 */
public record StreamRecord(String shardId, String sequenceNumber, String partitionKey, byte[] data, Instant arrival) {

    public StreamRecord {
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(arrival, "arrival");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamRecord that && shardId.equals(that.shardId)
                && sequenceNumber.equals(that.sequenceNumber) && partitionKey.equals(that.partitionKey)
                && Arrays.equals(data, that.data) && arrival.equals(that.arrival);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shardId, sequenceNumber, partitionKey, Arrays.hashCode(data), arrival);
    }

    @Override
    public String toString() {
        return "StreamRecord[" + shardId + ":" + sequenceNumber + ", " + data.length + " bytes]";
    }
}
