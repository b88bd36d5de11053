package io.github.logway.local.audit;

import io.github.logway.core.retry.Sleeper;
import io.github.logway.schema.DecodedEvent;
import io.github.logway.schema.LogDecoder;
import io.github.logway.schema.Parsed;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.Rejected;
import io.github.logway.schema.Skipped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Every record of a Kinesis stream, every shard (closed ones too) from TRIM_HORIZON to the end, decoded as the
 * functions decode them ({@link LogDecoder}: KPL aggregates, gzip, CloudWatch Logs envelopes, NDJSON).
 * Duplicates are allowed: producers and kinesis-forward deliver at least once.
 *
 * <p>An open shard ends where GetRecords answers no records and {@code MillisBehindLatest} is 0; a closed one
 * where it gives no next iterator. An empty answer further behind waits {@link #EMPTY_READ_PAUSE} (a shard
 * allows 5 GetRecords calls a second).
 */
final class StreamDestination implements AuditDestination {

    /** GetRecords' largest {@code Limit}. */
    static final int MAX_RECORDS_PER_GET = 10_000;
    /** A shard allows 5 GetRecords calls per second: wait this long after an empty answer. */
    static final Duration EMPTY_READ_PAUSE = Duration.ofMillis(200);

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
        try {
            for (Shard shard : shards()) {
                readShard(shard.shardId(), tally);
            }
        } catch (SdkException e) {
            throw new AuditDestinationException("cannot read " + name() + ": " + e.getMessage(), e);
        }
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        ListShardsResponse page = kinesis.listShards(request -> request.streamName(stream));
        shards.addAll(page.shards());
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = kinesis.listShards(request -> request.nextToken(token));
            shards.addAll(page.shards());
        }
        return shards;
    }

    private void readShard(String shardId, IdTally tally) {
        String iterator = kinesis.getShardIterator(request -> request.streamName(stream).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<DecodedEvent> events = new ArrayList<>();
        while (iterator != null) {
            String current = iterator;
            GetRecordsResponse response = kinesis.getRecords(request -> request.shardIterator(current)
                    .limit(MAX_RECORDS_PER_GET));
            for (Record record : response.records()) {
                events.clear();
                RecordSource source = new RecordSource("", shardId, record.sequenceNumber(), record.partitionKey(),
                        record.approximateArrivalTimestamp() == null ? 0
                                : record.approximateArrivalTimestamp().toEpochMilli());
                decoder.decode(record.data().asByteArrayUnsafe(), source, events);
                for (DecodedEvent event : events) {
                    count(event, tally);
                }
            }
            Long behind = response.millisBehindLatest();
            if (response.records().isEmpty()) {
                if (behind == null || behind == 0) {
                    return;
                }
                sleeper.sleep(EMPTY_READ_PAUSE);
            }
            iterator = response.nextShardIterator();
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
