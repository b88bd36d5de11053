package io.github.logway.testing.servers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Helpers for tests on a local Kinesis server ({@link KinesisEndpoint}, {@link KinesaliteEndpoint}): create a
 * stream and wait until it is ACTIVE, read back every record. Needs {@code software.amazon.awssdk:kinesis} on the
 * caller's test classpath.
 */
public final class KinesisStreams {

    /** How long a freshly created stream may stay CREATING. */
    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private KinesisStreams() {}

    /**
     * Creates a provisioned stream and waits until it is ACTIVE.
     *
     * @param kinesis a client of the server
     * @param stream the new stream's name
     * @param shards its shard count
     * @throws InterruptedException when interrupted while waiting
     */
    public static void createActive(KinesisClient kinesis, String stream, int shards) throws InterruptedException {
        kinesis.createStream(request -> request.streamName(stream).shardCount(shards));
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (kinesis.describeStreamSummary(request -> request.streamName(stream))
                        .streamDescriptionSummary()
                        .streamStatus()
                != StreamStatus.ACTIVE) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(stream + " did not become ACTIVE within " + ACTIVE_TIMEOUT);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /**
     * Every record of every shard, shard by shard, each shard from its oldest record. Stops reading a shard at
     * the first empty GetRecords answer: enough for local servers, which return stored records at once.
     *
     * @param kinesis a client of the server
     * @param stream the stream's name
     * @return the records
     */
    public static List<Record> readAll(KinesisClient kinesis, String stream) {
        List<Record> records = new ArrayList<>();
        for (Shard shard : kinesis.listShards(request -> request.streamName(stream)).shards()) {
            String iterator = kinesis.getShardIterator(request -> request.streamName(stream)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response = kinesis.getRecords(request -> request.shardIterator(current));
                records.addAll(response.records());
                if (response.records().isEmpty()) {
                    break;
                }
                iterator = response.nextShardIterator();
            }
        }
        return records;
    }
}
