package io.github.logway.local.esm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings of an SQS event source mapping, with Lambda's names, ranges and defaults
 * (CreateEventSourceMapping for Amazon SQS).
 *
 * @param batchSize messages per invocation at most: 1 to 10,000 for a standard queue, 1 to 10 for a FIFO queue
 *     (Lambda's default 10); above 10 the batching window must be at least one second
 * @param maximumBatchingWindow how long to gather messages before invoking, 0 to 300 s (default 0); not
 *     supported for FIFO queues
 * @param reportBatchItemFailures whether the function's {@code batchItemFailures} response is honoured
 *     ({@code FunctionResponseTypes: ["ReportBatchItemFailures"]})
 * @param functionTimeout the function's timeout, 1 s to 900 s
 * @param pollWait the {@code WaitTimeSeconds} of a ReceiveMessage call on an empty queue, 0 to 20 s: Lambda
 *     long-polls for 20 s; locally a shorter wait makes {@link SqsEventSourceMapping#close()} quicker
 */
public record SqsEsmSettings(
        int batchSize,
        Duration maximumBatchingWindow,
        boolean reportBatchItemFailures,
        Duration functionTimeout,
        Duration pollWait) {

    /** Lambda's largest batch size for a standard queue. */
    public static final int MAX_BATCH_SIZE = 10_000;
    /** Lambda's largest batch size for a FIFO queue, and the largest batch without a batching window. */
    public static final int MAX_BATCH_SIZE_WITHOUT_WINDOW = 10;
    /** Lambda's largest MaximumBatchingWindowInSeconds. */
    public static final Duration MAX_BATCHING_WINDOW = Duration.ofSeconds(300);
    /** Lambda's largest function timeout. */
    public static final Duration MAX_FUNCTION_TIMEOUT = Duration.ofSeconds(900);
    /** ReceiveMessage's largest WaitTimeSeconds (SQS limit), what Lambda's pollers use. */
    public static final Duration MAX_POLL_WAIT = Duration.ofSeconds(20);

    /** Lambda's defaults for SQS, with the partial batch response on (elb-to-kinesis reports it). */
    public static final SqsEsmSettings DEFAULTS =
            new SqsEsmSettings(10, Duration.ZERO, true, Duration.ofSeconds(60), MAX_POLL_WAIT);

    public SqsEsmSettings {
        Objects.requireNonNull(maximumBatchingWindow, "maximumBatchingWindow");
        Objects.requireNonNull(functionTimeout, "functionTimeout");
        Objects.requireNonNull(pollWait, "pollWait");
        List<String> problems = new ArrayList<>();
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            problems.add("batch_size=" + batchSize + ": must be 1 to " + MAX_BATCH_SIZE);
        }
        if (maximumBatchingWindow.isNegative() || maximumBatchingWindow.compareTo(MAX_BATCHING_WINDOW) > 0) {
            problems.add("maximum batching window " + maximumBatchingWindow + ": must be 0 to 300 seconds");
        }
        if (batchSize > MAX_BATCH_SIZE_WITHOUT_WINDOW && maximumBatchingWindow.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("batch_size=" + batchSize + ": above " + MAX_BATCH_SIZE_WITHOUT_WINDOW
                    + " needs a maximum batching window of at least 1 second");
        }
        if (functionTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || functionTimeout.compareTo(MAX_FUNCTION_TIMEOUT) > 0) {
            problems.add("function timeout " + functionTimeout + ": must be 1 to 900 seconds");
        }
        if (pollWait.isNegative() || pollWait.compareTo(MAX_POLL_WAIT) > 0) {
            problems.add("poll wait " + pollWait + ": must be 0 to 20 seconds");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid SQS event source mapping settings: " + String.join("; ", problems));
        }
    }

    public SqsEsmSettings withBatchSize(int size) {
        return new SqsEsmSettings(size, maximumBatchingWindow, reportBatchItemFailures, functionTimeout, pollWait);
    }

    public SqsEsmSettings withMaximumBatchingWindow(Duration window) {
        return new SqsEsmSettings(batchSize, window, reportBatchItemFailures, functionTimeout, pollWait);
    }

    public SqsEsmSettings withReportBatchItemFailures(boolean report) {
        return new SqsEsmSettings(batchSize, maximumBatchingWindow, report, functionTimeout, pollWait);
    }

    public SqsEsmSettings withFunctionTimeout(Duration timeout) {
        return new SqsEsmSettings(batchSize, maximumBatchingWindow, reportBatchItemFailures, timeout, pollWait);
    }

    public SqsEsmSettings withPollWait(Duration wait) {
        return new SqsEsmSettings(batchSize, maximumBatchingWindow, reportBatchItemFailures, functionTimeout, wait);
    }

    /**
     * The problems of these settings on a FIFO queue (batch size at most 10, no batching window), empty when
     * none.
     */
    List<String> fifoProblems() {
        List<String> problems = new ArrayList<>();
        if (batchSize > MAX_BATCH_SIZE_WITHOUT_WINDOW) {
            problems.add("batch_size=" + batchSize + ": a FIFO queue allows 1 to " + MAX_BATCH_SIZE_WITHOUT_WINDOW);
        }
        if (!maximumBatchingWindow.isZero()) {
            problems.add("maximum batching window " + maximumBatchingWindow + ": not supported for a FIFO queue");
        }
        return problems;
    }
}
