package io.github.logway.local.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU time of the threads that do a function's work, from {@link ThreadMXBean}: the invoking thread and the pools
 * the handler runs work on (kinesis-to-s3 compresses and uploads on its upload pool; forward and elb send
 * PutRecords from theirs). The bench's own stand-in threads (the loopback OpenSearch server) are left out. GC and
 * JIT compiler threads are not Java threads and are not counted.
 */
public final class HandlerCpuTime {

    private static final Set<String> EXCLUDED_THREADS =
            Set.of(LoopbackOpenSearch.THREAD_NAME, LoopbackOpenSearch.DISPATCHER_THREAD_NAME);

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean supported;

    /** Switches thread CPU time measurement on when the JVM supports it. */
    public HandlerCpuTime() {
        boolean cpuTime = threads.isThreadCpuTimeSupported();
        if (cpuTime && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        this.supported = cpuTime;
    }

    /** CPU nanoseconds used so far by each counted live thread, by thread id (empty when unsupported). */
    public Map<Long, Long> snapshot() {
        Map<Long, Long> byThread = new HashMap<>();
        if (!supported) {
            return byThread;
        }
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null || EXCLUDED_THREADS.contains(infos[i].getThreadName())) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(ids[i]);
            if (nanos >= 0) {
                byThread.put(ids[i], nanos);
            }
        }
        return byThread;
    }

    /** CPU nanoseconds used between two snapshots; a thread started in between counts from zero. */
    public static long elapsedNanos(Map<Long, Long> before, Map<Long, Long> after) {
        long total = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return total;
    }
}
