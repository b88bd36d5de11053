package io.github.logway.elb;

/** {@code PARTITION_KEY} of elb-to-kinesis (PRODUCT.md §7): how each line's Kinesis partition key is chosen. */
public enum PartitionKeyMode {
    /**
     * The client's IP address, so one client's requests land on one shard (the default); a line without a client
     * address uses its {@code log_id}.
     */
    CLIENT_IP,
    /** A random 128-bit key per line: spreads a few heavy clients evenly over the shards. */
    RANDOM
}
