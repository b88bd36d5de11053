package io.github.logway.forward;

/** Where a forwarded record's partition key comes from ({@code PARTITION_KEY}). */
public enum PartitionKeySource {
    /**
     * The partition key of the input Kinesis record (the default): records that shared a shard keep sharing one
     * in the target stream. Every event of a CloudWatch Logs envelope or KPL aggregate gets the same key.
     */
    SOURCE,
    /** The record's {@code log_id}, replaced by its SHA-256 in hex when longer than 256 characters. */
    LOG_ID,
    /** 128 random bits in hex: spreads records evenly over the target's shards. */
    RANDOM
}
