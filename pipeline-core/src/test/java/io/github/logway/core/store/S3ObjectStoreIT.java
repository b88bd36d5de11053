package io.github.logway.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.FatalException;
import io.github.logway.core.failedlog.FailedLogEntry;
import io.github.logway.core.failedlog.FailedLogEnvelope;
import io.github.logway.core.failedlog.FailedLogReader;
import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.schema.EventRef;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.RejectReason;
import io.github.logway.schema.Rejected;
import io.github.logway.testing.servers.S3Endpoint;
import io.github.logway.testing.servers.WithLocalServers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** The S3 object store and the failed log against a real S3 server (s3proxy). */
@WithLocalServers
class S3ObjectStoreIT {

    private static final RecordSource SOURCE = new RecordSource(
            "arn:aws:kinesis:us-east-1:123456789012:stream/router", "shardId-000000000002",
            "49590338271490256608559692538361571095921575989136588898", "pk",
            Instant.parse("2026-11-24T10:15:30.123Z").toEpochMilli());

    @Test
    void failedLogWriter_storesAGzipNdjsonObjectThatReadsBack(S3Endpoint s3) {
        try (S3Client client = s3.newS3Client()) {
            client.createBucket(request -> request.bucket("failed-log-it"));
            FailedLogWriter writer = new FailedLogWriter(new S3ObjectStore(client), "failed-log-it", "failed",
                    "kinesis-to-es", ZoneOffset.UTC);
            byte[] bad = {'{', (byte) 0xC3, '}'};
            List<FailedLogEntry> entries = List.of(
                    FailedLogEntry.of(new Rejected(RejectReason.NOT_UTF8, "invalid UTF-8 at byte 1", bad,
                            EventRef.of(SOURCE))),
                    FailedLogEntry.of(new Rejected(RejectReason.NOT_UTF8, "invalid UTF-8 at byte 0",
                            new byte[] {(byte) 0xFF}, EventRef.of(SOURCE).withEventIndex(1))));

            FailedLogWriter.Result result = writer.write(entries);

            assertThat(result.allWritten()).isTrue();
            String key = "failed/not_utf8/2026-11/24/2026-11-24-10:15:30-shardId-000000000002-"
                    + SOURCE.sequenceNumber() + ".gz";
            assertThat(result.groups()).singleElement().satisfies(group -> assertThat(group.key()).isEqualTo(key));
            ResponseBytes<GetObjectResponse> stored =
                    client.getObjectAsBytes(request -> request.bucket("failed-log-it").key(key));
            assertThat(stored.response().contentEncoding()).isEqualTo("gzip");
            List<FailedLogEnvelope> envelopes = FailedLogReader.read(stored.asByteArray());
            assertThat(envelopes).hasSize(2);
            assertThat(envelopes.get(0).data()).isEqualTo(bad);
            assertThat(envelopes.get(0).function()).isEqualTo("kinesis-to-es");
            assertThat(envelopes.get(1).data()).containsExactly((byte) 0xFF);
        }
    }

    @Test
    void put_whenBucketDoesNotExist_failsFatally(S3Endpoint s3) {
        try (S3Client client = s3.newS3Client()) {
            S3ObjectStore store = new S3ObjectStore(client);

            assertThatThrownBy(() -> store.put("no-such-bucket-it", "k",
                    "x".getBytes(StandardCharsets.UTF_8), PutOptions.GZIP_NDJSON))
                    .isInstanceOf(FatalException.class)
                    .hasMessageContaining("NoSuchBucket");
        }
    }
}
