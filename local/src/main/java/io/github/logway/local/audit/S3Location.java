package io.github.logway.local.audit;

import java.util.Objects;

/**
 * {@code s3://BUCKET/PREFIX}, as given to {@code --s3}.
 *
 * @param bucket the bucket
 * @param prefix the key prefix, empty for the whole bucket
 */
record S3Location(String bucket, String prefix) {

    private static final String SCHEME = "s3://";

    S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
    }

    /**
     * Reads {@code s3://BUCKET} or {@code s3://BUCKET/PREFIX}.
     *
     * @param text the argument
     * @return the location
     * @throws IllegalArgumentException when it is not of that form
     */
    static S3Location parse(String text) {
        if (!text.startsWith(SCHEME) || text.length() == SCHEME.length()) {
            throw new IllegalArgumentException("must be s3://BUCKET or s3://BUCKET/PREFIX, got '" + text + "'");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("must be s3://BUCKET or s3://BUCKET/PREFIX, got '" + text + "'");
        }
        return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    @Override
    public String toString() {
        return SCHEME + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
