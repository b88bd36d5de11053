package io.github.logway.elb;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One access-log object to read, from a given line on.
 *
 * @param bucket the bucket
 * @param key the object key, URL-decoded
 * @param eTag the ETag the notification or continuation named (without quotes), if any
 * @param nextLine the 1-based line to start at: 1 for a new object
 * @param byteOffset for a plain-text continuation, the byte where {@code nextLine} starts (read with a ranged GET);
 *     empty for a new object or a gzip object (re-inflated from the start, earlier lines skipped)
 * @param eventTimeMillis the time of the S3 event that announced the object, epoch milliseconds: the failed log's
 *     key time and the arrival time of the schema's time-skew check
 */
public record ObjectTask(String bucket, String key, Optional<String> eTag, long nextLine, OptionalLong byteOffset,
        long eventTimeMillis) {

    public ObjectTask {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eTag, "eTag");
        Objects.requireNonNull(byteOffset, "byteOffset");
        if (nextLine < 1) {
            throw new IllegalArgumentException("nextLine is 1-based: " + nextLine);
        }
        if (byteOffset.isPresent() && byteOffset.getAsLong() < 0) {
            throw new IllegalArgumentException("byteOffset must not be negative: " + byteOffset);
        }
    }

    /** A whole new object. */
    public static ObjectTask whole(String bucket, String key, Optional<String> eTag, long eventTimeMillis) {
        return new ObjectTask(bucket, key, eTag, 1, OptionalLong.empty(), eventTimeMillis);
    }

    /** Whether this task resumes an object part-way (a continuation). */
    public boolean isResume() {
        return nextLine > 1 || (byteOffset.isPresent() && byteOffset.getAsLong() > 0);
    }

    /** The same object from another point, with the ETag actually read. */
    public ObjectTask resumeAt(String readETag, long line, OptionalLong offset) {
        return new ObjectTask(bucket, key, Optional.of(readETag), line, offset, eventTimeMillis);
    }
}
