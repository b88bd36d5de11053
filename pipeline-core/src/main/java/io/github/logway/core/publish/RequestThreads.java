package io.github.logway.core.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** The threads that send a function's concurrent PutRecords requests, built once at cold start. */
public final class RequestThreads {

    private RequestThreads() {}

    /**
     * A fixed pool of {@link BatcherSettings#DEFAULT_MAX_CONCURRENT_REQUESTS} daemon threads, so the pool never
     * holds a JVM open.
     *
     * @param functionName names the threads ({@code NAME-put-records})
     * @return the pool
     */
    public static ExecutorService forPutRecords(String functionName) {
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, functionName + "-put-records");
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(BatcherSettings.DEFAULT_MAX_CONCURRENT_REQUESTS, daemons);
    }
}
