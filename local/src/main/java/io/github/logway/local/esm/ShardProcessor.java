package io.github.logway.local.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.retry.Sleeper;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The event source mapping's work on one shard, as Lambda does it (with-kinesis and
 * kinesis-on-failure-destination in the Lambda developer guide): invoke the function with a batch; on a partial
 * batch response resume from the lowest reported sequence number; on a function error retry the batch, or split
 * it in two when {@code BisectBatchOnFunctionError} is on (splitting uses no retry); when the retries are used up
 * or records pass {@code MaximumRecordAgeInSeconds}, send the batch to the on-failure destination and move on.
 *
 * <p>Lambda treats a response it cannot use (not JSON, an item identifier that is null, empty or not in the
 * batch) as a failure of the whole batch. One shard is processed by one thread at a time.
 */
public final class ShardProcessor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EsmSettings settings;
    private final KinesisEventJson events;
    private final FunctionInvoker invoker;
    private final OnFailureDestination onFailure;
    private final String functionArn;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    private long invocations;
    private long functionErrors;
    private long partialFailures;
    private long bisections;
    private long recordsCompleted;
    private long recordsDiscarded;
    private long batchesDiscarded;

    public ShardProcessor(EsmSettings settings, KinesisEventJson events, FunctionInvoker invoker,
            OnFailureDestination onFailure, String functionArn, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.functionArn = Objects.requireNonNull(functionArn, "functionArn");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Processes one batch (at most {@code batchSize} records, in shard order) until every record in it is
     * either past the checkpoint or discarded to the on-failure destination.
     *
     * @throws RuntimeException when the on-failure destination cannot be written: the caller keeps the records
     *     and tries again later, as Lambda blocks the shard until it can
     */
    public void process(List<StreamRecord> batch) {
        if (batch.size() > settings.batchSize()) {
            throw new IllegalArgumentException("batch of " + batch.size() + " exceeds batch size " + settings.batchSize());
        }
        processLineage(List.copyOf(batch), 0);
    }

    /** Counters so far. */
    public synchronized EsmStats stats() {
        return new EsmStats(invocations, functionErrors, partialFailures, bisections, recordsCompleted,
                recordsDiscarded, batchesDiscarded);
    }

    private void processLineage(List<StreamRecord> start, int retriesUsed) {
        List<StreamRecord> batch = start;
        int retries = retriesUsed;
        int invokeCount = 0;
        while (!batch.isEmpty()) {
            List<StreamRecord> expired = expiredPrefix(batch);
            if (!expired.isEmpty()) {
                discard(expired, OnFailureRecord.RECORD_AGE_EXCEEDED, invokeCount, null, events.write(expired));
                batch = batch.subList(expired.size(), batch.size());
                continue;
            }
            String eventJson = events.write(batch);
            String requestId = new UUID(random.nextLong(), random.nextLong()).toString();
            FunctionInvoker.Invocation invocation = invoker.invoke(eventJson, settings.functionTimeout());
            invokeCount++;
            count(Counter.INVOCATION, 1);
            String functionError;
            if (invocation instanceof FunctionInvoker.Returned returned) {
                Integer resumeAt = settings.reportBatchItemFailures()
                        ? checkpointIndex(returned.responseJson(), batch) : Integer.valueOf(batch.size());
                if (resumeAt != null && resumeAt == batch.size()) {
                    count(Counter.COMPLETED, batch.size());
                    return;
                }
                if (resumeAt != null) {
                    count(Counter.PARTIAL, 1);
                    count(Counter.COMPLETED, resumeAt);
                    batch = batch.subList(resumeAt, batch.size());
                    if (settings.retriesExhausted(retries)) {
                        discard(batch, OnFailureRecord.RETRY_ATTEMPTS_EXHAUSTED, invokeCount, null,
                                events.write(batch), requestId);
                        return;
                    }
                    retries++;
                    sleeper.sleep(settings.retryDelay());
                    continue;
                }
                functionError = "InvalidBatchItemFailures";
            } else if (invocation instanceof FunctionInvoker.Failed) {
                functionError = "Unhandled";
            } else {
                throw new AssertionError("unknown invocation result " + invocation);
            }
            count(Counter.FUNCTION_ERROR, 1);
            if (settings.bisectBatchOnFunctionError() && batch.size() > 1) {
                count(Counter.BISECTION, 1);
                int half = batch.size() / 2;
                processLineage(batch.subList(0, half), retries);
                processLineage(batch.subList(half, batch.size()), retries);
                return;
            }
            if (settings.retriesExhausted(retries)) {
                discard(batch, OnFailureRecord.RETRY_ATTEMPTS_EXHAUSTED, invokeCount, functionError, eventJson,
                        requestId);
                return;
            }
            retries++;
            sleeper.sleep(settings.retryDelay());
        }
    }

    /** The records at the head of the batch older than the maximum record age. */
    private List<StreamRecord> expiredPrefix(List<StreamRecord> batch) {
        Duration maxAge = settings.maximumRecordAge();
        if (maxAge == null) {
            return List.of();
        }
        Instant oldestAllowed = clock.instant().minus(maxAge);
        int n = 0;
        while (n < batch.size() && batch.get(n).arrival().isBefore(oldestAllowed)) {
            n++;
        }
        return batch.subList(0, n);
    }

    /**
     * Where to resume: the index of the lowest reported sequence number in the batch, {@code batch.size()} when
     * nothing failed, or null when the response is unusable (a failure of the whole batch).
     */
    static Integer checkpointIndex(String responseJson, List<StreamRecord> batch) {
        JsonNode response;
        try {
            response = responseJson == null ? null : JSON.readTree(responseJson);
        } catch (IOException e) {
            return null;
        }
        if (response == null || response.isNull() || response.isMissingNode()) {
            return batch.size();
        }
        JsonNode failures = response.get("batchItemFailures");
        if (failures == null || failures.isNull() || (failures.isArray() && failures.isEmpty())) {
            return batch.size();
        }
        if (!failures.isArray()) {
            return null;
        }
        BigInteger lowest = null;
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty()) {
                return null;
            }
            BigInteger value;
            try {
                value = new BigInteger(id.asText());
            } catch (NumberFormatException e) {
                return null;
            }
            if (lowest == null || value.compareTo(lowest) < 0) {
                lowest = value;
            }
        }
        String wanted = lowest.toString();
        for (int i = 0; i < batch.size(); i++) {
            if (new BigInteger(batch.get(i).sequenceNumber()).toString().equals(wanted)) {
                return i;
            }
        }
        return null;
    }

    private void discard(List<StreamRecord> records, String condition, int invokeCount, String functionError,
            String eventJson) {
        discard(records, condition, invokeCount, functionError, eventJson,
                new UUID(random.nextLong(), random.nextLong()).toString());
    }

    private void discard(List<StreamRecord> records, String condition, int invokeCount, String functionError,
            String eventJson, String requestId) {
        onFailure.send(new OnFailureRecord(requestId, functionArn, condition, invokeCount, functionError,
                clock.instant(), events.streamArn(), new ArrayList<>(records), eventJson));
        count(Counter.DISCARDED_BATCH, 1);
        count(Counter.DISCARDED_RECORDS, records.size());
    }

    private enum Counter { INVOCATION, FUNCTION_ERROR, PARTIAL, BISECTION, COMPLETED, DISCARDED_RECORDS, DISCARDED_BATCH }

    private synchronized void count(Counter counter, long n) {
        switch (counter) {
            case INVOCATION -> invocations += n;
            case FUNCTION_ERROR -> functionErrors += n;
            case PARTIAL -> partialFailures += n;
            case BISECTION -> bisections += n;
            case COMPLETED -> recordsCompleted += n;
            case DISCARDED_RECORDS -> recordsDiscarded += n;
            case DISCARDED_BATCH -> batchesDiscarded += n;
            default -> throw new AssertionError(counter);
        }
    }
}
