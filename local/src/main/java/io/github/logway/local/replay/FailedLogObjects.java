package io.github.logway.local.replay;

import io.github.logway.core.failedlog.FailedLogEnvelope;
import io.github.logway.core.failedlog.KinesisEventSource;
import io.github.logway.core.failedlog.S3LineSource;
import io.github.logway.core.publish.PublishEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns the envelopes of a failed-log object into records to put back into a stream. */
final class FailedLogObjects {

    /** The first two bytes of every gzip stream (RFC 1952). */
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private FailedLogObjects() {
    }

    /** Whether the body starts like a gzip stream, as every failed-log object does. */
    static boolean looksLikeGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xff) == GZIP_MAGIC_1 && (body[1] & 0xff) == GZIP_MAGIC_2;
    }

    /** One record per envelope, in order: the original bytes with the original (or a derived) partition key. */
    static List<PublishEntry> entries(List<FailedLogEnvelope> envelopes) {
        List<PublishEntry> entries = new ArrayList<>(envelopes.size());
        for (FailedLogEnvelope envelope : envelopes) {
            String original = envelope.source() instanceof KinesisEventSource kinesis
                    ? kinesis.ref().source().partitionKey()
                    : null;
            entries.add(PublishEntry.of(envelope.data(), PartitionKeys.choose(original, envelope.data())));
        }
        return entries;
    }

    /** The time of an envelope: the Kinesis arrival time, or for an S3 line the S3 event time. */
    static Instant timeOf(FailedLogEnvelope envelope) {
        if (envelope.source() instanceof KinesisEventSource kinesis) {
            return Instant.ofEpochMilli(kinesis.ref().source().arrivalEpochMillis());
        }
        if (envelope.source() instanceof S3LineSource line) {
            return Instant.ofEpochMilli(line.eventTimeEpochMillis());
        }
        throw new IllegalStateException("unknown failed-log source " + envelope.source());
    }
}
