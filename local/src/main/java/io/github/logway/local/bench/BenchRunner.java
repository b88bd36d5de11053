package io.github.logway.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import io.github.logway.core.BatchSummary;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one event through a {@link BenchTarget}: {@code warmup} untimed invocations, then {@code repeat} timed
 * ones. Each invocation starts from the raw event JSON (deserialising it is work Lambda's runtime does on every
 * invocation, and issue 10's targets are "from raw event JSON"); the file itself is read once, before.
 */
final class BenchRunner {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final HandlerCpuTime cpuTime = new HandlerCpuTime();

    /**
     * What the timed runs measured.
     *
     * @param summary the accounting of the last timed run
     * @param unhandled true when any run (warmup included) left something to re-deliver
     * @param medianMillis median wall time of a timed run
     * @param minMillis fastest timed run
     * @param cpuMillis median CPU time of a timed run ({@link HandlerCpuTime})
     */
    record Measurement(BatchSummary summary, boolean unhandled, double medianMillis, double minMillis,
            double cpuMillis) {
    }

    /**
     * @param target the handler
     * @param eventJson the event file's bytes
     * @param warmup untimed invocations first, at least 0
     * @param repeat timed invocations, at least 1
     * @param contexts a fresh Lambda context per invocation (its deadline starts then)
     */
    Measurement measure(BenchTarget target, byte[] eventJson, int warmup, int repeat, Supplier<Context> contexts) {
        boolean unhandled = false;
        for (int i = 0; i < warmup; i++) {
            unhandled |= target.invoke(eventJson, contexts.get()).unhandled();
        }
        long[] wallNanos = new long[repeat];
        long[] cpuNanos = new long[repeat];
        BatchSummary last = null;
        for (int i = 0; i < repeat; i++) {
            Context context = contexts.get();
            Map<Long, Long> cpuBefore = cpuTime.snapshot();
            long start = System.nanoTime();
            BenchTarget.Run run = target.invoke(eventJson, context);
            wallNanos[i] = System.nanoTime() - start;
            cpuNanos[i] = HandlerCpuTime.elapsedNanos(cpuBefore, cpuTime.snapshot());
            unhandled |= run.unhandled();
            last = run.summary();
        }
        return new Measurement(last, unhandled, median(wallNanos) / NANOS_PER_MILLI,
                Arrays.stream(wallNanos).min().orElseThrow() / NANOS_PER_MILLI, median(cpuNanos) / NANOS_PER_MILLI);
    }

    /** The middle value, or the mean of the two middle values for an even count. */
    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
