package io.github.logway.local.pipeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one function of a running pipeline has done so far, summed from the metrics line it prints after every
 * invocation (CloudWatch Embedded Metric Format, PRODUCT.md §3): the same figures an operator reads in
 * CloudWatch. Counts are log events.
 *
 * @param invocations invocations that printed a metrics line
 * @param delivered log events delivered to the sink
 * @param diverted log events diverted to the failed log
 * @param divertedByReason the diverted ones by reason
 * @param dropped log events dropped by the whitelist
 * @param skipped log events skipped (CloudWatch Logs control messages)
 */
public record FunctionTally(long invocations, long delivered, long diverted, Map<String, Long> divertedByReason,
        long dropped, long skipped) {

    /** Nothing yet. */
    public static final FunctionTally ZERO = new FunctionTally(0, 0, 0, Map.of(), 0, 0);

    /** Copies the map, sorted by reason. */
    public FunctionTally {
        divertedByReason = Map.copyOf(new TreeMap<>(divertedByReason));
    }

    /** Every log event that ended somewhere: delivered + diverted + dropped + skipped. */
    public long handled() {
        return delivered + diverted + dropped + skipped;
    }

    FunctionTally plus(long delivered, long diverted, Map<String, Long> byReason, long dropped, long skipped) {
        Map<String, Long> reasons = new TreeMap<>(divertedByReason);
        byReason.forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
        return new FunctionTally(invocations + 1, this.delivered + delivered, this.diverted + diverted, reasons,
                this.dropped + dropped, this.skipped + skipped);
    }
}
