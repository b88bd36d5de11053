package io.github.logway.core.failedlog;

import io.github.logway.schema.EventRef;
import java.util.Objects;

/**
 * A log event decoded from a Kinesis record: stream, shard, sequence, KPL sub-sequence, event index and
 * arrival time come from the reference.
 */
public record KinesisEventSource(EventRef ref) implements FailedLogSource {

    public KinesisEventSource {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(ref.source(), "ref.source");
    }
}
