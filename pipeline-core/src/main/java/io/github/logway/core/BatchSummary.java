package io.github.logway.core;

import io.github.logway.schema.RejectReason;
import java.util.Map;

/**
 * The accounting of one invocation, in log events (PRODUCT.md §3):
 * {@code delivered + diverted + dropped + skipped + behindCheckpoint == logEvents}.
 *
 * @param records input Kinesis records
 * @param logEvents log events after decoding (a record yielding none counts as one)
 * @param logBytes decoded log text, bytes
 * @param delivered events stored by the sink
 * @param diverted events stored in the failed log, by reason
 * @param dropped events whose log type the whitelist does not allow
 * @param skipped CloudWatch Logs control messages
 * @param behindCheckpoint events left for Lambda to re-deliver
 * @param retried sink items that failed transiently in this invocation
 * @param checkpoint the sequence number reported as the single batch item failure, or null
 * @param oldestArrivalMillis the oldest approximate arrival time in the batch (epoch ms), or -1 for an empty batch
 */
public record BatchSummary(
        int records,
        long logEvents,
        long logBytes,
        long delivered,
        Map<RejectReason, Long> diverted,
        long dropped,
        long skipped,
        long behindCheckpoint,
        long retried,
        String checkpoint,
        long oldestArrivalMillis) {

    public BatchSummary {
        diverted = Map.copyOf(diverted);
    }

    /** Total events diverted, all reasons. */
    public long divertedTotal() {
        long total = 0;
        for (long n : diverted.values()) {
            total += n;
        }
        return total;
    }

    /** True when every event is accounted for exactly once. */
    public boolean balanced() {
        return delivered + divertedTotal() + dropped + skipped + behindCheckpoint == logEvents;
    }
}
