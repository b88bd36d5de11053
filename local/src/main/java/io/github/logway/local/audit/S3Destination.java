package io.github.logway.local.audit;

import io.github.logway.local.S3Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Every object under an S3 prefix, each line a JSON log record (kinesis-to-s3's objects: gzip, zstd or plain
 * NDJSON). Duplicates are allowed: a batch re-delivered from a different starting point can write a line twice
 * (PRODUCT.md §3).
 */
final class S3Destination implements AuditDestination {

    private final S3Client s3;
    private final S3Location location;
    private final LogIdReader logIds;

    S3Destination(S3Client s3, S3Location location, LogIdReader logIds) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.location = Objects.requireNonNull(location, "location");
        this.logIds = Objects.requireNonNull(logIds, "logIds");
    }

    @Override
    public String name() {
        return location.toString();
    }

    @Override
    public boolean duplicatesAllowed() {
        return true;
    }

    @Override
    public void collect(IdTally tally) {
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(location.bucket())
                    .prefix(location.prefix())).contents()) {
                read(object.key(), tally);
            }
        } catch (SdkException e) {
            throw new AuditDestinationException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    private void read(String key, IdTally tally) {
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(request -> request.bucket(location.bucket())
                .key(key));
             InputStream text = ObjectBodies.open(body, body.response().contentEncoding());
             BufferedReader lines = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Optional<String> id = logIds.read(line);
                if (id.isPresent()) {
                    tally.count(id.get());
                } else {
                    tally.countWithoutId();
                }
            }
        } catch (IOException e) {
            throw new AuditDestinationException("cannot read s3://" + location.bucket() + "/" + key + ": "
                    + e.getMessage(), new UncheckedIOException(e));
        }
    }
}
