package io.github.logway.local.replay;

import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.retry.Sleeper;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Re-reads the records of one shard from a start to an end sequence number, both included (the range an SQS
 * on-failure record names), with GetShardIterator {@code AT_SEQUENCE_NUMBER} and GetRecords.
 */
final class StreamRangeReader {

    /** GetRecords: at most 10,000 records per call (Kinesis GetRecords limit). */
    static final int MAX_GET_RECORDS_LIMIT = 10_000;
    /** GetRecords: 5 calls per second per shard (Kinesis limit): wait this long between calls. */
    static final Duration GET_RECORDS_INTERVAL = Duration.ofMillis(200);
    /** Empty answers in a row, while behind the tip, before giving up on reaching the end. */
    static final int MAX_EMPTY_ANSWERS = 50;

    /**
     * The records found.
     *
     * @param records the records of the range, in order, with their original partition keys
     * @param complete whether the first record is the start and the end was reached: false when part of the
     *     range is past the stream's retention or the end was never found
     * @param problem why it is not complete, or empty
     */
    record Range(List<PublishEntry> records, boolean complete, String problem) {

        Range {
            records = List.copyOf(records);
            Objects.requireNonNull(problem, "problem");
        }
    }

    private final KinesisClient kinesis;
    private final Sleeper sleeper;

    StreamRangeReader(KinesisClient kinesis, Sleeper sleeper) {
        this.kinesis = Objects.requireNonNull(kinesis, "kinesis");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Reads the range.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when the stream or shard is gone (past retention
     *     or deleted), or another call error
     */
    Range read(String streamArn, String shardId, String startSequence, String endSequence) {
        BigInteger start = new BigInteger(startSequence);
        BigInteger end = new BigInteger(endSequence);
        String iterator = kinesis.getShardIterator(request -> request.streamARN(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(startSequence))
                .shardIterator();
        List<PublishEntry> records = new ArrayList<>();
        boolean startFound = false;
        int emptyAnswers = 0;
        while (iterator != null) {
            String current = iterator;
            GetRecordsResponse response = kinesis.getRecords(request -> request.streamARN(streamArn)
                    .shardIterator(current).limit(MAX_GET_RECORDS_LIMIT));
            for (Record record : response.records()) {
                BigInteger sequence = new BigInteger(record.sequenceNumber());
                if (sequence.compareTo(end) > 0) {
                    return finish(records, startFound, true, endSequence);
                }
                if (records.isEmpty()) {
                    startFound = sequence.equals(start);
                }
                byte[] data = record.data().asByteArray();
                records.add(PublishEntry.of(data, PartitionKeys.choose(record.partitionKey(), data)));
                if (sequence.equals(end)) {
                    return finish(records, startFound, true, endSequence);
                }
            }
            iterator = response.nextShardIterator();
            if (response.records().isEmpty()) {
                Long behind = response.millisBehindLatest();
                if (behind == null || behind == 0 || ++emptyAnswers >= MAX_EMPTY_ANSWERS) {
                    break;
                }
            } else {
                emptyAnswers = 0;
            }
            sleeper.sleep(GET_RECORDS_INTERVAL);
        }
        return finish(records, startFound, false, endSequence);
    }

    private static Range finish(List<PublishEntry> records, boolean startFound, boolean endFound, String end) {
        if (!startFound) {
            return new Range(records, false, records.isEmpty()
                    ? "no record of the range is left in the stream"
                    : "the first records of the range are past the stream's retention");
        }
        if (!endFound) {
            return new Range(records, false, "the end sequence number " + end + " was not found in the shard");
        }
        return new Range(records, true, "");
    }
}
