package io.github.logway.core.publish;

import io.github.logway.core.Deadline;
import io.github.logway.core.FatalException;
import io.github.logway.core.RetryableException;
import io.github.logway.core.retry.Backoff;
import io.github.logway.core.retry.Sleeper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Puts many records into a Kinesis stream with PutRecords, the one batcher forward, elb and replay share
 * (PRODUCT.md §3).
 *
 * <ul>
 *   <li>Entries over {@link BatcherSettings#maxRecordBytes()} are never sent and come back as {@link TooLarge}.
 *   <li>The others are packed in input order into requests within both the entry and the byte cap (data plus
 *       UTF-8 partition key, as Kinesis counts), and the requests are sent concurrently, at most
 *       {@link BatcherSettings#maxConcurrentRequests()} at a time.
 *   <li>Per-entry failures ({@code ProvisionedThroughputExceededException}, {@code InternalFailure}, any code)
 *       are matched by index and only those entries are sent again, after an exponential backoff with full
 *       jitter, within the policy's attempts and the deadline. A whole call failing with a
 *       {@link RetryableException} counts as a failure of each of its entries.
 *   <li>A {@link FatalException} stops sending and propagates once the requests in flight have returned.
 *   <li>Entries still not stored come back as {@link Unsent}: leave them behind the checkpoint.
 * </ul>
 *
 * <p>Concurrent requests and retries can reorder records of one partition key, as Kinesis producers generally
 * do; consumers must not rely on order across a batch. The random generator and the sleeper are used only on the
 * calling thread.
 */
public final class PutRecordsBatcher {

    private final RecordPublisher publisher;
    private final BatcherSettings settings;
    private final Backoff backoff;
    private final Executor executor;

    /**
     * @param executor runs the requests; a direct executor ({@code Runnable::run}) sends them one by one
     */
    public PutRecordsBatcher(RecordPublisher publisher, BatcherSettings settings, Sleeper sleeper,
            RandomGenerator random, Executor executor) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = new Backoff(settings.retryPolicy(), random, sleeper);
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public BatcherSettings settings() {
        return settings;
    }

    /**
     * Puts {@code entries} into {@code stream}.
     *
     * @param stream a stream name or ARN
     * @param deadline no request starts and no backoff ends after it
     * @return one outcome per entry, at the entry's index, and the counters
     * @throws FatalException when a call fails fatally (missing stream, denied access, KMS errors)
     */
    public BatchPutResult putAll(String stream, List<PublishEntry> entries, Deadline deadline) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(deadline, "deadline");
        Run run = new Run(stream, entries, deadline);
        return run.execute();
    }

    /** The state of one {@link #putAll} call. */
    private final class Run {

        private final String stream;
        private final List<PublishEntry> entries;
        private final Deadline deadline;
        private final long[] sizes;
        private final EntryOutcome[] outcomes;
        private final String[] lastError;
        private int requests;
        private int retries;

        Run(String stream, List<PublishEntry> entries, Deadline deadline) {
            this.stream = stream;
            this.entries = List.copyOf(entries);
            this.deadline = deadline;
            this.sizes = new long[entries.size()];
            this.outcomes = new EntryOutcome[entries.size()];
            this.lastError = new String[entries.size()];
        }

        BatchPutResult execute() {
            List<Integer> pending = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                sizes[i] = entries.get(i).sizeBytes();
                if (sizes[i] > settings.maxRecordBytes()) {
                    outcomes[i] = new TooLarge(sizes[i]);
                } else {
                    pending.add(i);
                }
            }
            int attemptsMade = 0;
            while (!pending.isEmpty()) {
                if (attemptsMade > 0
                        && (!backoff.canRetry(attemptsMade) || !backoff.sleepBeforeRetry(attemptsMade, deadline))) {
                    break;
                }
                if (deadline.isExpired()) {
                    break;
                }
                pending = sendRound(pack(pending), attemptsMade > 0);
                attemptsMade++;
            }
            for (int index : pending) {
                outcomes[index] = new Unsent(lastError[index] == null ? Unsent.DEADLINE_EXCEEDED : lastError[index]);
            }
            return new BatchPutResult(Arrays.asList(outcomes), requests, retries);
        }

        /** Packs entry indexes, in order, into requests within both caps. */
        private List<List<Integer>> pack(List<Integer> pending) {
            List<List<Integer>> batches = new ArrayList<>();
            List<Integer> current = new ArrayList<>();
            long currentBytes = 0;
            for (int index : pending) {
                if (!current.isEmpty() && (current.size() >= settings.maxEntriesPerRequest()
                        || currentBytes + sizes[index] > settings.maxRequestBytes())) {
                    batches.add(current);
                    current = new ArrayList<>();
                    currentBytes = 0;
                }
                current.add(index);
                currentBytes += sizes[index];
            }
            if (!current.isEmpty()) {
                batches.add(current);
            }
            return batches;
        }

        /** Sends one round of requests, bounded in concurrency; returns the indexes still pending, ascending. */
        private List<Integer> sendRound(List<List<Integer>> batches, boolean isRetry) {
            ExecutorCompletionService<Answer> completion = new ExecutorCompletionService<>(executor);
            List<Integer> stillPending = new ArrayList<>();
            int next = 0;
            int inFlight = 0;
            FatalException fatal = null;
            RuntimeException bug = null;
            while (true) {
                while (fatal == null && bug == null && next < batches.size()
                        && inFlight < settings.maxConcurrentRequests() && !deadline.isExpired()) {
                    List<Integer> batch = batches.get(next++);
                    List<PublishEntry> requestEntries = new ArrayList<>(batch.size());
                    for (int index : batch) {
                        requestEntries.add(entries.get(index));
                    }
                    completion.submit(() -> call(batch, requestEntries));
                    inFlight++;
                    requests++;
                    if (isRetry) {
                        retries += batch.size();
                    }
                }
                if (inFlight == 0) {
                    break;
                }
                Answer answer;
                try {
                    answer = completion.take().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RetryableException("interrupted while putting records to " + stream, e);
                } catch (ExecutionException e) {
                    inFlight--;
                    if (bug == null) {
                        bug = e.getCause() instanceof RuntimeException runtime
                                ? runtime
                                : new IllegalStateException("PutRecords task failed", e.getCause());
                    }
                    continue;
                }
                inFlight--;
                if (answer.fatal() != null) {
                    if (fatal == null) {
                        fatal = answer.fatal();
                    }
                    continue;
                }
                record(answer, stillPending);
            }
            if (bug != null) {
                throw bug;
            }
            if (fatal != null) {
                throw fatal;
            }
            for (int b = next; b < batches.size(); b++) {
                stillPending.addAll(batches.get(b));
            }
            Collections.sort(stillPending);
            return stillPending;
        }

        private Answer call(List<Integer> batch, List<PublishEntry> requestEntries) {
            try {
                List<PutEntryResult> results = publisher.putRecords(stream, requestEntries);
                if (results.size() != requestEntries.size()) {
                    return new Answer(batch, null, new RetryableException("PutRecords to " + stream + " answered "
                            + results.size() + " results for " + requestEntries.size() + " entries"), null);
                }
                return new Answer(batch, results, null, null);
            } catch (RetryableException e) {
                return new Answer(batch, null, e, null);
            } catch (FatalException e) {
                return new Answer(batch, null, null, e);
            }
        }

        private void record(Answer answer, List<Integer> stillPending) {
            List<Integer> batch = answer.batch();
            if (answer.results() == null) {
                String code = answer.retryable().errorCode().orElse(Unsent.CALL_FAILED);
                for (int index : batch) {
                    lastError[index] = code;
                    stillPending.add(index);
                }
                return;
            }
            for (int j = 0; j < batch.size(); j++) {
                int index = batch.get(j);
                PutEntryResult result = answer.results().get(j);
                if (result instanceof PutOk ok) {
                    outcomes[index] = new Sent(ok.shardId(), ok.sequenceNumber());
                } else if (result instanceof PutFailed failed) {
                    lastError[index] = failed.errorCode() == null ? Unsent.CALL_FAILED : failed.errorCode();
                    stillPending.add(index);
                }
            }
        }
    }

    /** What one request returned: results, or the call's retryable or fatal failure. */
    private record Answer(
            List<Integer> batch, List<PutEntryResult> results, RetryableException retryable, FatalException fatal) {
    }
}
