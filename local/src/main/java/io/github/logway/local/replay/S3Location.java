package io.github.logway.local.replay;

import io.github.logway.local.UsageException;
import java.util.Objects;

/**
 * An {@code s3://BUCKET/PREFIX} argument: the bucket and the key prefix below which replay lists objects.
 *
 * @param bucket the bucket name, never empty
 * @param prefix the key prefix without a leading slash, possibly empty (the whole bucket)
 */
record S3Location(String bucket, String prefix) {

    private static final String SCHEME = "s3://";

    S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("bucket must not be empty");
        }
    }

    /**
     * Parses {@code s3://BUCKET} or {@code s3://BUCKET/PREFIX}.
     *
     * @throws UsageException when the text is not such a URL
     */
    static S3Location parse(String text) {
        if (!text.startsWith(SCHEME)) {
            throw new UsageException("--from takes s3://BUCKET/PREFIX, got '" + text + "'");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty() || !bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
            throw new UsageException("--from takes s3://BUCKET/PREFIX with a valid bucket name (3 to 63 of a-z,"
                    + " 0-9, '.', '-'), got '" + text + "'");
        }
        return new S3Location(bucket, prefix);
    }

    /** The URL of an object of this bucket, as replay names its sources. */
    String url(String key) {
        return SCHEME + bucket + "/" + key;
    }
}
