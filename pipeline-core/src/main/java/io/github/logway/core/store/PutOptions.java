package io.github.logway.core.store;

import java.util.Objects;

/**
 * How an object is stored.
 *
 * @param contentType the {@code Content-Type}, e.g. {@code application/x-ndjson}
 * @param contentEncoding the {@code Content-Encoding} ({@code gzip}, {@code zstd}), or {@code null} for none
 * @param sseKmsKeyId the KMS key for SSE-KMS, or {@code null} for the bucket's default encryption
 * @param storageClass the S3 storage class ({@code STANDARD_IA}...), or {@code null} for the default
 */
public record PutOptions(String contentType, String contentEncoding, String sseKmsKeyId, String storageClass) {

    /** The media type of newline-delimited JSON. */
    public static final String NDJSON = "application/x-ndjson";

    /** Gzip-compressed NDJSON, default encryption and storage class. */
    public static final PutOptions GZIP_NDJSON = new PutOptions(NDJSON, "gzip", null, null);

    public PutOptions {
        Objects.requireNonNull(contentType, "contentType");
    }

    /** These options with SSE-KMS under {@code keyId} ({@code null} for the bucket default). */
    public PutOptions withSseKmsKeyId(String keyId) {
        return new PutOptions(contentType, contentEncoding, keyId, storageClass);
    }

    /** These options with another storage class ({@code null} for the default). */
    public PutOptions withStorageClass(String storageClassName) {
        return new PutOptions(contentType, contentEncoding, sseKmsKeyId, storageClassName);
    }
}
