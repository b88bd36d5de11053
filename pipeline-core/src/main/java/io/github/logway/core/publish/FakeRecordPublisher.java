package io.github.logway.core.publish;

import io.github.logway.core.LogwayException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * A {@link RecordPublisher} in memory, for unit tests of every module and for {@code logway bench}; never used
 * in Lambda. It records every call and accepts every entry, unless told to fail some:
 * {@link #failEntries(BiPredicate, String)} refuses chosen entries on chosen attempts (per-entry error codes, as
 * Kinesis answers them) and {@link #failCalls(IntPredicate, Supplier)} fails whole calls.
 *
 * <p>Accepted entries get shard {@link #SHARD_ID} and increasing 56-digit sequence numbers. Attempts are counted
 * per entry instance. Thread-safe.
 */
public final class FakeRecordPublisher implements RecordPublisher {

    /** The shard every accepted entry lands on. */
    public static final String SHARD_ID = "shardId-000000000000";

    /** The error message of an entry failed by a rule. */
    public static final String INJECTED_MESSAGE = "injected by FakeRecordPublisher";

    /**
     * One call as received.
     *
     * @param number 1-based call number, in arrival order
     * @param results the answer, empty when the call failed as a whole
     * @param failure the whole-call failure thrown, if any
     */
    public record Call(int number, String stream, List<PublishEntry> entries, List<PutEntryResult> results,
            Optional<LogwayException> failure) {

        public Call {
            entries = List.copyOf(entries);
            results = List.copyOf(results);
            Objects.requireNonNull(failure, "failure");
        }
    }

    private record EntryRule(BiPredicate<PublishEntry, Integer> when, String errorCode) {
    }

    private record CallRule(IntPredicate when, Supplier<? extends LogwayException> failure) {
    }

    private final List<EntryRule> entryRules = new ArrayList<>();
    private final List<CallRule> callRules = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<PublishEntry> accepted = new ArrayList<>();
    private final Map<PublishEntry, Integer> attempts = new IdentityHashMap<>();
    private final Map<PublishEntry, Integer> acceptances = new IdentityHashMap<>();
    private Runnable beforeAnswer = () -> { };
    private long nextSequence = 1;
    private int callCount;
    private int inFlight;
    private int maxInFlight;

    /**
     * Refuses an entry with {@code errorCode} when {@code when} holds for the entry and its attempt number
     * (1-based: how many times this entry instance has been sent, this call included). First matching rule wins.
     */
    public synchronized FakeRecordPublisher failEntries(BiPredicate<PublishEntry, Integer> when, String errorCode) {
        entryRules.add(new EntryRule(when, errorCode));
        return this;
    }

    /** Fails calls whose 1-based number matches by throwing what {@code failure} supplies. */
    public synchronized FakeRecordPublisher failCalls(
            IntPredicate callNumber, Supplier<? extends LogwayException> failure) {
        callRules.add(new CallRule(callNumber, failure));
        return this;
    }

    /** Runs {@code hook} in every call before it answers, outside the lock (to hold calls in flight). */
    public synchronized FakeRecordPublisher beforeAnswer(Runnable hook) {
        this.beforeAnswer = Objects.requireNonNull(hook, "hook");
        return this;
    }

    @Override
    public List<PutEntryResult> putRecords(String stream, List<PublishEntry> entries) {
        Runnable hook;
        synchronized (this) {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            hook = beforeAnswer;
        }
        try {
            hook.run();
            return answer(stream, entries);
        } finally {
            synchronized (this) {
                inFlight--;
            }
        }
    }

    private synchronized List<PutEntryResult> answer(String stream, List<PublishEntry> entries) {
        int number = ++callCount;
        for (PublishEntry entry : entries) {
            attempts.merge(entry, 1, Integer::sum);
        }
        for (CallRule rule : callRules) {
            if (rule.when().test(number)) {
                LogwayException failure = rule.failure().get();
                calls.add(new Call(number, stream, entries, List.of(), Optional.of(failure)));
                throw failure;
            }
        }
        List<PutEntryResult> results = new ArrayList<>(entries.size());
        for (PublishEntry entry : entries) {
            Optional<String> error = errorFor(entry, attempts.get(entry));
            if (error.isPresent()) {
                results.add(new PutFailed(error.get(), INJECTED_MESSAGE));
            } else {
                accepted.add(entry);
                acceptances.merge(entry, 1, Integer::sum);
                results.add(new PutOk(SHARD_ID, String.format("%056d", nextSequence++)));
            }
        }
        calls.add(new Call(number, stream, entries, results, Optional.empty()));
        return results;
    }

    private Optional<String> errorFor(PublishEntry entry, int attempt) {
        for (EntryRule rule : entryRules) {
            if (rule.when().test(entry, attempt)) {
                return Optional.of(rule.errorCode());
            }
        }
        return Optional.empty();
    }

    /** Every call so far, in arrival order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Every accepted entry, in acceptance order (an entry accepted twice appears twice). */
    public synchronized List<PublishEntry> accepted() {
        return List.copyOf(accepted);
    }

    /** How many times this entry instance was accepted. */
    public synchronized int acceptedCount(PublishEntry entry) {
        return acceptances.getOrDefault(entry, 0);
    }

    /** How many times this entry instance was sent. */
    public synchronized int attemptCount(PublishEntry entry) {
        return attempts.getOrDefault(entry, 0);
    }

    /** The most calls that were in flight at once. */
    public synchronized int maxConcurrentCalls() {
        return maxInFlight;
    }
}
