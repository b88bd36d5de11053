package io.github.logway.forward;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.logway.core.Deadline;
import io.github.logway.core.DeliveryOutcome;
import io.github.logway.core.publish.BatchPutResult;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.publish.PutRecordsBatcher;
import io.github.logway.schema.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code OUTPUT_FORMAT=record}: every log record becomes its own Kinesis record in the target stream, holding the
 * record's original bytes (no newline added, as Baikonur's forwarder added none) under the partition key that
 * {@code PARTITION_KEY} chooses. Records of CloudWatch Logs envelopes, KPL aggregates and NDJSON lines thus
 * arrive one per Kinesis record.
 */
final class RecordForwardSink implements ForwardSink {

    private final PutRecordsBatcher batcher;
    private final String stream;
    private final PartitionKeys partitionKeys;

    RecordForwardSink(PutRecordsBatcher batcher, String stream, PartitionKeys partitionKeys) {
        this.batcher = Objects.requireNonNull(batcher, "batcher");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.partitionKeys = Objects.requireNonNull(partitionKeys, "partitionKeys");
    }

    @Override
    public void beginInvocation(KinesisEvent event) {
        // nothing to remember: every record carries its own bytes
    }

    @Override
    public void endInvocation() {
        // nothing to forget
    }

    @Override
    public List<DeliveryOutcome> deliver(List<LogRecord> records, Deadline deadline) {
        List<PublishEntry> entries = new ArrayList<>(records.size());
        for (LogRecord record : records) {
            entries.add(PublishEntry.of(bytesOf(record), partitionKeys.keyFor(record)));
        }
        BatchPutResult result = batcher.putAll(stream, entries, deadline);
        int maxRecordBytes = batcher.settings().maxRecordBytes();
        List<DeliveryOutcome> outcomes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            outcomes.add(Outcomes.of(result.outcome(i), maxRecordBytes, stream));
        }
        return outcomes;
    }

    /** The record's bytes: its buffer itself when the record fills it, else a copy of its slice. */
    private static byte[] bytesOf(LogRecord record) {
        if (record.offset() == 0 && record.length() == record.buffer().length) {
            return record.buffer();
        }
        return record.copyBytes();
    }
}
