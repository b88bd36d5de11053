package io.github.logway.core.store;

import io.github.logway.core.AwsErrors;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * {@link ObjectStore} on Amazon S3 ({@code PutObject}), mapping SDK errors to the two exception families with
 * {@link AwsErrors}: {@code SlowDown}, 503, other 5xx, 429, timeouts and I/O errors are retryable;
 * {@code AccessDenied}, {@code NoSuchBucket}, credential errors and {@code KMS.*} errors are fatal.
 *
 * <p>The client is built once per cold start by the caller and shared; the SDK's own retries stay in place.
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    @Override
    public void put(String bucket, String key, byte[] body, PutOptions options) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(options.contentType())
                .contentLength((long) body.length);
        if (options.contentEncoding() != null) {
            request.contentEncoding(options.contentEncoding());
        }
        if (options.sseKmsKeyId() != null) {
            request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(options.sseKmsKeyId());
        }
        if (options.storageClass() != null) {
            request.storageClass(options.storageClass());
        }
        try {
            // The body is read during the call only: no defensive copy of what may be a large object.
            s3.putObject(request.build(), RequestBody.fromContentProvider(
                    ContentStreamProvider.fromByteArrayUnsafe(body), body.length, options.contentType()));
        } catch (SdkException e) {
            throw AwsErrors.classify("S3 PutObject s3://" + bucket + "/" + key, e);
        }
    }
}
