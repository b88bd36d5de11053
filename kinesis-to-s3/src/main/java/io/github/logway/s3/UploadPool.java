package io.github.logway.s3;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool of upload threads, built once per function instance: {@code S3_UPLOAD_CONCURRENCY} daemon
 * threads (so a frozen or ending instance never waits for them).
 */
final class UploadPool {

    private UploadPool() {
    }

    /** A fixed pool of {@code threads} daemon threads, or {@code null} for 1 (uploads run on the caller). */
    static ExecutorService create(int threads) {
        if (threads <= 1) {
            return null;
        }
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "s3-upload-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                factory);
    }
}
