package io.github.logway.local;

import java.util.Objects;

/**
 * An {@code s3://BUCKET/PREFIX} location given on the command line ({@code replay --from}, {@code audit --s3}).
 *
 * @param bucket the bucket, a valid S3 bucket name
 * @param prefix the key prefix, possibly empty
 */
public record S3Location(String bucket, String prefix) {

    private static final String SCHEME = "s3://";
    /** S3's bucket naming rule: 3 to 63 lowercase letters, digits, '.' and '-', starting and ending alphanumeric. */
    private static final String BUCKET_NAME = "[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]";

    /** Checks both parts. */
    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("bucket must not be empty");
        }
    }

    /**
     * Parses {@code s3://BUCKET} or {@code s3://BUCKET/PREFIX}.
     *
     * @param text the argument
     * @return the location
     * @throws IllegalArgumentException saying what is wrong (callers prefix the option's name)
     */
    public static S3Location parse(String text) {
        if (!text.startsWith(SCHEME) || text.length() == SCHEME.length()) {
            throw new IllegalArgumentException("must be s3://BUCKET or s3://BUCKET/PREFIX, got '" + text + "'");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (!bucket.matches(BUCKET_NAME)) {
            throw new IllegalArgumentException("must be s3://BUCKET or s3://BUCKET/PREFIX with a valid bucket name"
                    + " (3 to 63 of a-z, 0-9, '.', '-'), got '" + text + "'");
        }
        return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    /**
     * The URL of one object of the bucket.
     *
     * @param key the object's key
     * @return {@code s3://BUCKET/KEY}
     */
    public String url(String key) {
        return SCHEME + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return SCHEME + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
