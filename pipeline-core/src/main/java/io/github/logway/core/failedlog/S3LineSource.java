package io.github.logway.core.failedlog;

import java.util.Objects;

/**
 * A line of an access-log object in S3 (elb-to-kinesis).
 *
 * @param line the 1-based line number
 * @param eventTimeEpochMillis the time of the S3 event that announced the object, epoch milliseconds
 */
public record S3LineSource(String bucket, String key, long line, long eventTimeEpochMillis)
        implements FailedLogSource {

    public S3LineSource {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }
}
