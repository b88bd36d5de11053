package io.github.logway.core.metrics;

import io.github.logway.schema.RejectReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of one invocation, written as one EMF line by {@link EmfWriter}. Counts are in log events unless
 * named otherwise (PRODUCT.md §3): {@code delivered + diverted + dropped + skipped + failed = logEvents}.
 *
 * <p>Create one per invocation. Thread-safe, so concurrent sends may count into it.
 */
public final class InvocationMetrics {

    private static final RejectReason[] REASONS = RejectReason.values();

    private final AtomicLong recordsIn = new AtomicLong();
    private final AtomicLong logEvents = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLongArray diverted = new AtomicLongArray(REASONS.length);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong batchAgeMillis = new AtomicLong();
    private final AtomicLong durationMillis = new AtomicLong();

    /** Input records (Kinesis records or SQS messages). */
    public void addRecordsIn(long count) {
        recordsIn.addAndGet(count);
    }

    /** Log events decoded from the input (a record that yields none counts as one). */
    public void addLogEvents(long count) {
        logEvents.addAndGet(count);
    }

    /** Log events stored by the sink. */
    public void addDelivered(long count) {
        delivered.addAndGet(count);
    }

    /** Log events diverted to the failed log for {@code reason}. */
    public void addDiverted(RejectReason reason, long count) {
        diverted.addAndGet(reason.ordinal(), count);
    }

    /** Log events dropped by the whitelist. */
    public void addDropped(long count) {
        dropped.addAndGet(count);
    }

    /** Log events skipped by design (CloudWatch Logs control messages). */
    public void addSkipped(long count) {
        skipped.addAndGet(count);
    }

    /** Items sent again after a transient failure (each re-send counts). */
    public void addRetried(long count) {
        retried.addAndGet(count);
    }

    /** Log events left behind the checkpoint for re-delivery. */
    public void addFailed(long count) {
        failed.addAndGet(count);
    }

    /** Bytes of decoded log text. */
    public void addBytes(long count) {
        bytes.addAndGet(count);
    }

    /** Keeps the largest batch age seen ({@code now - oldest arrival}), in milliseconds. */
    public void observeBatchAgeMillis(long ageMillis) {
        batchAgeMillis.accumulateAndGet(Math.max(0, ageMillis), Math::max);
    }

    /** The invocation's wall time in milliseconds. */
    public void setDurationMillis(long millis) {
        durationMillis.set(millis);
    }

    public long recordsIn() {
        return recordsIn.get();
    }

    public long logEvents() {
        return logEvents.get();
    }

    public long delivered() {
        return delivered.get();
    }

    /** Diverted log events of one reason. */
    public long diverted(RejectReason reason) {
        return diverted.get(reason.ordinal());
    }

    /** Diverted log events of every reason. */
    public long diverted() {
        long total = 0;
        for (int i = 0; i < REASONS.length; i++) {
            total += diverted.get(i);
        }
        return total;
    }

    /** The non-zero diverted counts by reason, in the enum's order. */
    public Map<RejectReason, Long> divertedByReason() {
        Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : REASONS) {
            long count = diverted.get(reason.ordinal());
            if (count != 0) {
                counts.put(reason, count);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    public long dropped() {
        return dropped.get();
    }

    public long skipped() {
        return skipped.get();
    }

    public long retried() {
        return retried.get();
    }

    public long failed() {
        return failed.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public long batchAgeMillis() {
        return batchAgeMillis.get();
    }

    public long durationMillis() {
        return durationMillis.get();
    }

    /** {@code delivered + diverted + dropped + skipped + failed}: equals {@link #logEvents()} when nothing is lost. */
    public long accountedEvents() {
        return delivered() + diverted() + dropped() + skipped() + failed();
    }

    /** Whether every log event ended in exactly one of the five outcomes. */
    public boolean isBalanced() {
        return accountedEvents() == logEvents();
    }

    @Override
    public String toString() {
        return "InvocationMetrics[recordsIn=" + recordsIn() + ", logEvents=" + logEvents() + ", delivered="
                + delivered() + ", diverted=" + divertedByReason() + ", dropped=" + dropped() + ", skipped="
                + skipped() + ", retried=" + retried() + ", failed=" + failed() + ", bytes=" + bytes()
                + ", batchAgeMillis=" + batchAgeMillis() + ", durationMillis=" + durationMillis() + "]";
    }
}
