package io.github.logway.elb;

import io.github.logway.core.AwsErrors;
import java.io.ByteArrayInputStream;
import java.util.Objects;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link AccessLogSource} on S3 with the AWS SDK v2: {@code GetObject}, with {@code Range: bytes=N-} to resume a
 * plain-text object. The body is streamed from the connection, never buffered whole.
 */
public final class S3AccessLogSource implements AccessLogSource {

    /** HTTP 404: no such key. */
    private static final int NOT_FOUND = 404;
    /** HTTP 416: the range starts at or past the end of the object (S3 {@code InvalidRange}). */
    private static final int RANGE_NOT_SATISFIABLE = 416;

    private final S3Client s3;

    public S3AccessLogSource(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    @Override
    public ObjectOpening open(String bucket, String key, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (offset > 0) {
            request.range("bytes=" + offset + "-");
        }
        String operation = "S3 GetObject s3://" + bucket + "/" + key;
        try {
            ResponseInputStream<GetObjectResponse> body = s3.getObject(request.build());
            return new ObjectOpening.Opened(body, body.response().eTag());
        } catch (NoSuchKeyException e) {
            return new ObjectOpening.Missing();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND && "NoSuchKey".equals(errorCode(e))) {
                return new ObjectOpening.Missing();
            }
            if (e.statusCode() == RANGE_NOT_SATISFIABLE && offset > 0) {
                return atEnd(bucket, key);
            }
            throw AwsErrors.classify(operation, e);
        } catch (SdkException e) {
            throw AwsErrors.classify(operation, e);
        }
    }

    /** The object is shorter than the offset: nothing left to read, but the ETag still tells which object it is. */
    private ObjectOpening atEnd(String bucket, String key) {
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(key));
            return new ObjectOpening.Opened(new ByteArrayInputStream(new byte[0]), head.eTag());
        } catch (NoSuchKeyException e) {
            return new ObjectOpening.Missing();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return new ObjectOpening.Missing();
            }
            throw AwsErrors.classify("S3 HeadObject s3://" + bucket + "/" + key, e);
        } catch (SdkException e) {
            throw AwsErrors.classify("S3 HeadObject s3://" + bucket + "/" + key, e);
        }
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
