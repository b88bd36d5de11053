package io.github.logway.core.publish;

/** Kinesis Data Streams service limits that the publisher and batcher respect. */
public final class KinesisLimits {

    /** PutRecords: at most 500 entries per request (Kinesis PutRecords limit). */
    public static final int MAX_PUT_RECORDS_ENTRIES = 500;

    /** PutRecords: at most 5 MiB per request, data + partition keys (Kinesis PutRecords limit, default). */
    public static final long MAX_PUT_RECORDS_BYTES = 5L * 1024 * 1024;

    /**
     * PutRecords: at most 10 MiB per request, data + partition keys, for streams whose maximum record size was
     * raised (Kinesis large-record support).
     */
    public static final long MAX_PUT_RECORDS_BYTES_LARGE_RECORDS = 10L * 1024 * 1024;

    /** One record: at most 1 MiB of data + partition key (Kinesis record limit, the default of every stream). */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    /** One record: at most 10 MiB of data + partition key on a stream configured for it (Kinesis MaxRecordSize). */
    public static final int MAX_RECORD_BYTES_LARGE_RECORDS = 10 * 1024 * 1024;

    /** A partition key: 1 to 256 Unicode characters (Kinesis PutRecordsRequestEntry limit). */
    public static final int MAX_PARTITION_KEY_CHARS = 256;

    private KinesisLimits() {
    }
}
