package io.github.logway.local.audit;

import io.github.logway.core.retry.Sleeper;
import io.github.logway.local.StreamScan;
import io.github.logway.schema.DecodedEvent;
import io.github.logway.schema.LogDecoder;
import io.github.logway.schema.Parsed;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.Rejected;
import io.github.logway.schema.Skipped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Every record of a Kinesis stream ({@link StreamScan}: every shard from TRIM_HORIZON to its end), decoded as the
 * functions decode them ({@link LogDecoder}: KPL aggregates, gzip, CloudWatch Logs envelopes, NDJSON).
 * Duplicates are allowed: producers and kinesis-forward deliver at least once.
 */
final class StreamDestination implements AuditDestination {

    private final KinesisClient kinesis;
    private final String stream;
    private final LogDecoder decoder;
    private final LogIdReader logIds;
    private final Sleeper sleeper;

    StreamDestination(KinesisClient kinesis, String stream, LogDecoder decoder, LogIdReader logIds,
            Sleeper sleeper) {
        this.kinesis = Objects.requireNonNull(kinesis, "kinesis");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.logIds = Objects.requireNonNull(logIds, "logIds");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public String name() {
        return "kinesis://" + stream;
    }

    @Override
    public boolean duplicatesAllowed() {
        return true;
    }

    @Override
    public void collect(IdTally tally) {
        List<DecodedEvent> events = new ArrayList<>();
        try {
            StreamScan.readAll(kinesis, stream, sleeper, (shardId, record) -> {
                events.clear();
                RecordSource source = new RecordSource("", shardId, record.sequenceNumber(), record.partitionKey(),
                        record.approximateArrivalTimestamp() == null ? 0
                                : record.approximateArrivalTimestamp().toEpochMilli());
                decoder.decode(record.data().asByteArrayUnsafe(), source, events);
                for (DecodedEvent event : events) {
                    count(event, tally);
                }
            });
        } catch (SdkException e) {
            throw new AuditDestinationException("cannot read " + name() + ": " + e.getMessage(), e);
        }
    }

    private void count(DecodedEvent event, IdTally tally) {
        if (event instanceof Parsed parsed) {
            tally.count(parsed.record().logId());
        } else if (event instanceof Rejected rejected) {
            // Arrived but invalid for the pipeline (a time out of range, say): it still arrived here.
            Optional<String> id = logIds.read(rejected.data(), 0, rejected.data().length);
            if (id.isPresent()) {
                tally.count(id.get());
            } else {
                tally.countWithoutId();
            }
        } else if (event instanceof Skipped) {
            // A CloudWatch Logs control message carries no log.
            return;
        }
    }
}
