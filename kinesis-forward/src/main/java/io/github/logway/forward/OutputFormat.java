package io.github.logway.forward;

/** What is put into the target stream ({@code OUTPUT_FORMAT}). */
public enum OutputFormat {
    /**
     * Each valid, whitelisted log record as its own Kinesis record (the default): its original bytes, no newline
     * added, whatever envelope (CloudWatch Logs, gzip, KPL, NDJSON) it arrived in.
     */
    RECORD,
    /**
     * Each input Kinesis record that holds at least one valid, whitelisted log record, forwarded unchanged (still
     * gzip-compressed, KPL-aggregated or NDJSON) as one Kinesis record.
     */
    PASSTHROUGH
}
