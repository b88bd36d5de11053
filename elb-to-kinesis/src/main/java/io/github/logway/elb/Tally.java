package io.github.logway.elb;

import io.github.logway.core.BatchSummary;
import io.github.logway.core.metrics.InvocationMetrics;
import io.github.logway.schema.RejectReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * The counts of one invocation, in log events (access-log lines; PRODUCT.md §3 and §7):
 * {@code delivered + diverted + dropped + skipped + behind = logEvents}. A message that yields no line (an
 * {@code s3:TestEvent}, a deleted object, a body not understood) counts as one event. Lines of an interrupted
 * object that were not read are not counted: the continuation reads them later. Used on the invocation's thread
 * only.
 */
final class Tally {

    int records;
    long logEvents;
    long logBytes;
    long delivered;
    final Map<RejectReason, Long> diverted = new EnumMap<>(RejectReason.class);
    long dropped;
    long skipped;
    long behind;
    long retried;
    long oldestArrivalMillis = -1;
    int continuations;
    int restarts;

    void divert(RejectReason reason, long count) {
        if (count > 0) {
            diverted.merge(reason, count, Long::sum);
        }
    }

    void observeArrival(long epochMillis) {
        if (oldestArrivalMillis < 0 || epochMillis < oldestArrivalMillis) {
            oldestArrivalMillis = epochMillis;
        }
    }

    BatchSummary summary() {
        return new BatchSummary(records, logEvents, logBytes, delivered, diverted, dropped, skipped, behind, retried,
                null, oldestArrivalMillis);
    }

    void addTo(InvocationMetrics metrics, long nowMillis) {
        metrics.addRecordsIn(records);
        metrics.addLogEvents(logEvents);
        metrics.addBytes(logBytes);
        metrics.addDelivered(delivered);
        for (Map.Entry<RejectReason, Long> entry : diverted.entrySet()) {
            metrics.addDiverted(entry.getKey(), entry.getValue());
        }
        metrics.addDropped(dropped);
        metrics.addSkipped(skipped);
        metrics.addFailed(behind);
        metrics.addRetried(retried);
        if (oldestArrivalMillis >= 0) {
            metrics.observeBatchAgeMillis(nowMillis - oldestArrivalMillis);
        }
    }
}
