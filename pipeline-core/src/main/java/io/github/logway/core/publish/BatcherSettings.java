package io.github.logway.core.publish;

import io.github.logway.core.retry.RetryPolicy;
import java.util.Objects;

/**
 * Limits and patience of the {@link PutRecordsBatcher}. Sizes count data plus the UTF-8 bytes of the partition
 * key, as Kinesis does.
 *
 * @param maxEntriesPerRequest entries per PutRecords request, 1 to {@link KinesisLimits#MAX_PUT_RECORDS_ENTRIES}
 * @param maxRequestBytes bytes per request, at least {@code maxRecordBytes}, at most
 *     {@link KinesisLimits#MAX_PUT_RECORDS_BYTES_LARGE_RECORDS}
 * @param maxRecordBytes bytes per entry ({@code MAX_RECORD_BYTES}); larger entries are never sent, 1 to
 *     {@link KinesisLimits#MAX_RECORD_BYTES_LARGE_RECORDS}
 * @param retryPolicy attempts and backoff for failed entries
 * @param maxConcurrentRequests requests in flight at once, at least 1
 */
public record BatcherSettings(
        int maxEntriesPerRequest,
        long maxRequestBytes,
        int maxRecordBytes,
        RetryPolicy retryPolicy,
        int maxConcurrentRequests) {

    /** Default requests in flight: 4, enough to fill a few shards without starving the function's memory. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4;

    /** Kinesis defaults: 500 entries and 5 MiB per request, 1 MiB per record, default retries, 4 in flight. */
    public static final BatcherSettings DEFAULTS = new BatcherSettings(KinesisLimits.MAX_PUT_RECORDS_ENTRIES,
            KinesisLimits.MAX_PUT_RECORDS_BYTES, KinesisLimits.MAX_RECORD_BYTES, RetryPolicy.DEFAULT,
            DEFAULT_MAX_CONCURRENT_REQUESTS);

    public BatcherSettings {
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        if (maxEntriesPerRequest < 1 || maxEntriesPerRequest > KinesisLimits.MAX_PUT_RECORDS_ENTRIES) {
            throw new IllegalArgumentException("maxEntriesPerRequest must be 1 to "
                    + KinesisLimits.MAX_PUT_RECORDS_ENTRIES + ": " + maxEntriesPerRequest);
        }
        if (maxRecordBytes < 1 || maxRecordBytes > KinesisLimits.MAX_RECORD_BYTES_LARGE_RECORDS) {
            throw new IllegalArgumentException("maxRecordBytes must be 1 to "
                    + KinesisLimits.MAX_RECORD_BYTES_LARGE_RECORDS + ": " + maxRecordBytes);
        }
        if (maxRequestBytes < maxRecordBytes || maxRequestBytes > KinesisLimits.MAX_PUT_RECORDS_BYTES_LARGE_RECORDS) {
            throw new IllegalArgumentException("maxRequestBytes must be " + maxRecordBytes + " (maxRecordBytes) to "
                    + KinesisLimits.MAX_PUT_RECORDS_BYTES_LARGE_RECORDS + ": " + maxRequestBytes);
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be at least 1: " + maxConcurrentRequests);
        }
    }

    /**
     * The defaults with another per-record limit ({@code MAX_RECORD_BYTES}); the request limit grows with it
     * beyond 5 MiB, as Kinesis allows for streams with large records.
     */
    public static BatcherSettings forMaxRecordBytes(int maxRecordBytes) {
        return DEFAULTS.withMaxRecordBytes(maxRecordBytes);
    }

    public BatcherSettings withMaxRecordBytes(int bytes) {
        return new BatcherSettings(maxEntriesPerRequest, Math.max(maxRequestBytes, bytes), bytes, retryPolicy,
                maxConcurrentRequests);
    }

    public BatcherSettings withRetryPolicy(RetryPolicy policy) {
        return new BatcherSettings(maxEntriesPerRequest, maxRequestBytes, maxRecordBytes, policy,
                maxConcurrentRequests);
    }

    public BatcherSettings withMaxConcurrentRequests(int requests) {
        return new BatcherSettings(maxEntriesPerRequest, maxRequestBytes, maxRecordBytes, retryPolicy, requests);
    }
}
