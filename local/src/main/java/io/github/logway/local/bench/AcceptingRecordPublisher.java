package io.github.logway.local.bench;

import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.publish.PutEntryResult;
import io.github.logway.core.publish.PutOk;
import io.github.logway.core.publish.RecordPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link RecordPublisher} standing for a stream with room to spare: every entry succeeds, nothing is kept. */
final class AcceptingRecordPublisher implements RecordPublisher {

    private static final String SHARD_ID = "shardId-000000000000";

    private final AtomicLong sequence = new AtomicLong();

    @Override
    public List<PutEntryResult> putRecords(String stream, List<PublishEntry> entries) {
        List<PutEntryResult> results = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            results.add(new PutOk(SHARD_ID, Long.toString(sequence.incrementAndGet())));
        }
        return results;
    }
}
