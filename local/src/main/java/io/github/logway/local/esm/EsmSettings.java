package io.github.logway.local.esm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a Kinesis event source mapping, with Lambda's names, ranges and defaults
 * (CreateEventSourceMapping).
 *
 * @param batchSize records per invocation at most, 1 to 10,000 (Lambda's default 100)
 * @param batchingWindow how long to gather records before invoking, 0 to 300 s (default 0)
 * @param startingPosition where a shard is first read from
 * @param reportBatchItemFailures whether the function's {@code batchItemFailures} response is honoured
 * @param bisectBatchOnFunctionError whether a batch whose invocation fails is split in two
 * @param maximumRetryAttempts retries of a failing batch, -1 (unlimited, the default) or 0 to 10,000
 * @param maximumRecordAge records older than this are discarded to the on-failure destination; null = unlimited
 *     (Lambda's -1); otherwise 60 s to 604,800 s
 * @param functionTimeout the function's timeout, 1 s to 900 s
 * @param retryDelay pause before a retry (Lambda backs off on its own; locally a fixed pause keeps logs readable)
 */
public record EsmSettings(
        int batchSize,
        Duration batchingWindow,
        StartingPosition startingPosition,
        boolean reportBatchItemFailures,
        boolean bisectBatchOnFunctionError,
        int maximumRetryAttempts,
        Duration maximumRecordAge,
        Duration functionTimeout,
        Duration retryDelay) {

    /** Lambda's largest Kinesis batch size. */
    public static final int MAX_BATCH_SIZE = 10_000;
    /** Lambda's largest batching window. */
    public static final Duration MAX_BATCHING_WINDOW = Duration.ofSeconds(300);
    /** Lambda's largest MaximumRetryAttempts. */
    public static final int MAX_RETRY_ATTEMPTS = 10_000;
    /** Lambda's range for MaximumRecordAgeInSeconds. */
    public static final Duration MIN_RECORD_AGE = Duration.ofSeconds(60);
    public static final Duration MAX_RECORD_AGE = Duration.ofSeconds(604_800);
    /** Lambda's largest function timeout. */
    public static final Duration MAX_FUNCTION_TIMEOUT = Duration.ofSeconds(900);

    /** Lambda's defaults, with the partial batch response on (every Logway function reports it). */
    public static final EsmSettings DEFAULTS = new EsmSettings(100, Duration.ZERO, StartingPosition.TRIM_HORIZON,
            true, false, -1, null, Duration.ofSeconds(60), Duration.ofMillis(200));

    /** Where a shard is read from the first time. */
    public enum StartingPosition { TRIM_HORIZON, LATEST }

    public EsmSettings {
        Objects.requireNonNull(batchingWindow, "batchingWindow");
        Objects.requireNonNull(startingPosition, "startingPosition");
        Objects.requireNonNull(functionTimeout, "functionTimeout");
        Objects.requireNonNull(retryDelay, "retryDelay");
        List<String> problems = new ArrayList<>();
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            problems.add("batch_size=" + batchSize + ": must be 1 to " + MAX_BATCH_SIZE);
        }
        if (batchingWindow.isNegative() || batchingWindow.compareTo(MAX_BATCHING_WINDOW) > 0) {
            problems.add("batching window " + batchingWindow + ": must be 0 to 300 seconds");
        }
        if (maximumRetryAttempts < -1 || maximumRetryAttempts > MAX_RETRY_ATTEMPTS) {
            problems.add("maximum_retry_attempts=" + maximumRetryAttempts + ": must be -1 or 0 to " + MAX_RETRY_ATTEMPTS);
        }
        if (maximumRecordAge != null
                && (maximumRecordAge.compareTo(MIN_RECORD_AGE) < 0 || maximumRecordAge.compareTo(MAX_RECORD_AGE) > 0)) {
            problems.add("maximum_record_age " + maximumRecordAge + ": must be 60 to 604800 seconds, or unlimited");
        }
        if (functionTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || functionTimeout.compareTo(MAX_FUNCTION_TIMEOUT) > 0) {
            problems.add("function timeout " + functionTimeout + ": must be 1 to 900 seconds");
        }
        if (retryDelay.isNegative()) {
            problems.add("retry delay " + retryDelay + ": must not be negative");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid event source mapping settings: " + String.join("; ", problems));
        }
    }

    public EsmSettings withBatchSize(int size) {
        return new EsmSettings(size, batchingWindow, startingPosition, reportBatchItemFailures,
                bisectBatchOnFunctionError, maximumRetryAttempts, maximumRecordAge, functionTimeout, retryDelay);
    }

    public EsmSettings withBisect(boolean bisect) {
        return new EsmSettings(batchSize, batchingWindow, startingPosition, reportBatchItemFailures, bisect,
                maximumRetryAttempts, maximumRecordAge, functionTimeout, retryDelay);
    }

    public EsmSettings withMaximumRetryAttempts(int attempts) {
        return new EsmSettings(batchSize, batchingWindow, startingPosition, reportBatchItemFailures,
                bisectBatchOnFunctionError, attempts, maximumRecordAge, functionTimeout, retryDelay);
    }

    public EsmSettings withMaximumRecordAge(Duration age) {
        return new EsmSettings(batchSize, batchingWindow, startingPosition, reportBatchItemFailures,
                bisectBatchOnFunctionError, maximumRetryAttempts, age, functionTimeout, retryDelay);
    }

    public EsmSettings withReportBatchItemFailures(boolean report) {
        return new EsmSettings(batchSize, batchingWindow, startingPosition, report, bisectBatchOnFunctionError,
                maximumRetryAttempts, maximumRecordAge, functionTimeout, retryDelay);
    }

    public EsmSettings withFunctionTimeout(Duration timeout) {
        return new EsmSettings(batchSize, batchingWindow, startingPosition, reportBatchItemFailures,
                bisectBatchOnFunctionError, maximumRetryAttempts, maximumRecordAge, timeout, retryDelay);
    }

    public EsmSettings withRetryDelay(Duration delay) {
        return new EsmSettings(batchSize, batchingWindow, startingPosition, reportBatchItemFailures,
                bisectBatchOnFunctionError, maximumRetryAttempts, maximumRecordAge, functionTimeout, delay);
    }

    /** True once {@code retries} retries have been used and no more are allowed. */
    boolean retriesExhausted(int retries) {
        return maximumRetryAttempts >= 0 && retries >= maximumRetryAttempts;
    }
}
