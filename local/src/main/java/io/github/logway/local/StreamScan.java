package io.github.logway.local;

import io.github.logway.core.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads every record of a Kinesis stream: every shard (closed ones too) from TRIM_HORIZON to its end, for
 * {@code audit} and the demo's final table.
 *
 * <p>An open shard ends where GetRecords answers no records and {@code MillisBehindLatest} is 0; a closed one
 * where it gives no next iterator. An empty answer further behind waits {@link #EMPTY_READ_PAUSE} (a shard
 * allows 5 GetRecords calls a second).
 */
public final class StreamScan {

    /** GetRecords' largest {@code Limit}. */
    static final int MAX_RECORDS_PER_GET = 10_000;
    /** A shard allows 5 GetRecords calls per second: wait this long after an empty answer. */
    static final Duration EMPTY_READ_PAUSE = Duration.ofMillis(200);

    /** Receives each record with the shard it came from. */
    @FunctionalInterface
    public interface RecordVisitor {
        /**
         * @param shardId the record's shard
         * @param record the record
         */
        void visit(String shardId, Record record);
    }

    private StreamScan() {}

    /**
     * Reads the whole stream, shard by shard, records of one shard in order.
     *
     * @param kinesis a client of the stream's endpoint
     * @param stream the stream's name
     * @param sleeper how to wait after an empty answer
     * @param visitor receives every record
     * @throws software.amazon.awssdk.core.exception.SdkException when Kinesis cannot be read
     */
    public static void readAll(KinesisClient kinesis, String stream, Sleeper sleeper, RecordVisitor visitor) {
        for (Shard shard : shards(kinesis, stream)) {
            readShard(kinesis, stream, shard.shardId(), sleeper, visitor);
        }
    }

    private static List<Shard> shards(KinesisClient kinesis, String stream) {
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

    private static void readShard(KinesisClient kinesis, String stream, String shardId, Sleeper sleeper,
            RecordVisitor visitor) {
        String iterator = kinesis.getShardIterator(request -> request.streamName(stream).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        while (iterator != null) {
            String current = iterator;
            GetRecordsResponse response = kinesis.getRecords(request -> request.shardIterator(current)
                    .limit(MAX_RECORDS_PER_GET));
            for (Record record : response.records()) {
                visitor.visit(shardId, record);
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
}
