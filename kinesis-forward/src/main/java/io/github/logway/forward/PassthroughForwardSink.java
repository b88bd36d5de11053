package io.github.logway.forward;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.logway.core.KinesisRecords;
import io.github.logway.core.Deadline;
import io.github.logway.core.DeliveryOutcome;
import io.github.logway.core.publish.BatchPutResult;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.publish.PutRecordsBatcher;
import io.github.logway.schema.LogRecord;
import io.github.logway.schema.RecordSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code OUTPUT_FORMAT=passthrough}: each input Kinesis record that holds at least one valid, whitelisted log
 * record is put into the target stream once, byte for byte as it arrived (gzip, KPL aggregate, CloudWatch Logs
 * envelope or NDJSON included).
 *
 * <p>"Matching" is per input record: one matching event is enough. The record is forwarded whole, so the events it
 * also holds that are invalid or of other log types travel with it (they are still counted as diverted or dropped,
 * and invalid ones still go to the failed log). All log records of one input record share its entry's outcome:
 * delivered together, diverted together as {@code record_too_large_for_target} when the input record is over the
 * target's {@code MAX_RECORD_BYTES}, or left behind the checkpoint together.
 *
 * <p>Holds the current invocation's input between {@link #beginInvocation} and {@link #endInvocation}: one
 * invocation at a time, as Lambda runs them.
 */
final class PassthroughForwardSink implements ForwardSink {

    private final PutRecordsBatcher batcher;
    private final String stream;
    private final PartitionKeys partitionKeys;
    private Map<String, byte[]> inputData = Map.of();

    PassthroughForwardSink(PutRecordsBatcher batcher, String stream, PartitionKeys partitionKeys) {
        this.batcher = Objects.requireNonNull(batcher, "batcher");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.partitionKeys = Objects.requireNonNull(partitionKeys, "partitionKeys");
    }

    @Override
    public void beginInvocation(KinesisEvent event) {
        Map<String, byte[]> data = new HashMap<>();
        if (event != null && event.getRecords() != null) {
            for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
                KinesisEvent.Record kinesis = record.getKinesis();
                data.put(keyOf(KinesisRecords.shardIdOf(record.getEventID()), kinesis.getSequenceNumber()),
                        KinesisRecords.dataOf(kinesis.getData()));
            }
        }
        inputData = data;
    }

    @Override
    public void endInvocation() {
        inputData = Map.of();
    }

    @Override
    public List<DeliveryOutcome> deliver(List<LogRecord> records, Deadline deadline) {
        // One entry per input record, in the order of its first log record; each log record points at its entry.
        Map<String, Integer> entryOf = new LinkedHashMap<>();
        List<PublishEntry> entries = new ArrayList<>();
        int[] recordEntry = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            LogRecord record = records.get(i);
            RecordSource source = record.source();
            String key = keyOf(source.shardId(), source.sequenceNumber());
            Integer entry = entryOf.get(key);
            if (entry == null) {
                byte[] data = inputData.get(key);
                if (data == null) {
                    throw new IllegalStateException("no input record " + key + " in this invocation: "
                            + "beginInvocation was not called with the event being processed");
                }
                entry = entries.size();
                entryOf.put(key, entry);
                entries.add(PublishEntry.of(data, partitionKeys.keyFor(source.partitionKey(), record.logId())));
            }
            recordEntry[i] = entry;
        }
        BatchPutResult result = batcher.putAll(stream, entries, deadline);
        int maxRecordBytes = batcher.settings().maxRecordBytes();
        List<DeliveryOutcome> outcomes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            outcomes.add(Outcomes.of(result.outcome(recordEntry[i]), maxRecordBytes, stream));
        }
        return outcomes;
    }

    private static String keyOf(String shardId, String sequenceNumber) {
        return shardId + '/' + sequenceNumber;
    }


}
