package io.github.logway.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.core.Deadline;
import io.github.logway.core.RetryableException;
import io.github.logway.core.retry.RetryPolicy;
import io.github.logway.testing.time.ManualClock;
import io.github.logway.core.testing.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Invariants of the PutRecords batcher under arbitrary entry sizes (exactly at and just over the caps included)
 * and arbitrary failure patterns: caps are never exceeded, every entry is reported exactly once, no accepted
 * entry is sent again, and requests keep input order.
 */
class PutRecordsBatcherProperties {

    private static final int MIB = 1024 * 1024;
    private static final String[] ERROR_CODES = {
        "ProvisionedThroughputExceededException", "InternalFailure", "SomeFutureErrorCode"};
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "batcher-properties");
        thread.setDaemon(true);
        return thread;
    });

    /** How an entry's total size (data + key) relates to the record cap. */
    private sealed interface Size permits Exact, AtCap, OverCap {
    }

    private record Exact(int totalBytes) implements Size {
    }

    private record AtCap() implements Size {
    }

    private record OverCap(int excess) implements Size {
    }

    /**
     * Which entry attempts and which calls fail.
     *
     * @param seed mixes into the per-(entry, attempt) decision
     * @param entryFailurePercent chance that an entry attempt is refused
     * @param failingCalls 1-based call numbers that fail as a whole with a retryable error
     */
    private record Failures(long seed, int entryFailurePercent, Set<Integer> failingCalls) {

        boolean entryFails(int index, int attempt) {
            long mixed = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L) ^ (attempt * 0xC2B2AE3D27D4EB4FL))
                    .nextLong();
            return Math.floorMod(mixed, 100) < entryFailurePercent;
        }

        String code(int index) {
            return ERROR_CODES[Math.floorMod(index + (int) seed, ERROR_CODES.length)];
        }
    }

    @Provide
    Arbitrary<List<Size>> sizesAgainstDefaultCaps() {
        Arbitrary<Size> small = Arbitraries.integers().between(0, 400).map(Exact::new);
        Arbitrary<Size> large = Arbitraries.of(256 * 1024, 700_000, MIB - 1).map(Exact::new);
        Arbitrary<Size> atCap = Arbitraries.just(new AtCap());
        Arbitrary<Size> overCap = Arbitraries.of(1, 2, 4096).map(OverCap::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(85, small), Tuple.of(8, large), Tuple.of(4, atCap), Tuple.of(3, overCap))
                .list().ofMaxSize(1300);
    }

    @Provide
    Arbitrary<Failures> failures() {
        return Combinators.combine(
                        Arbitraries.longs(),
                        Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(3, 10), Tuple.of(2, 50), Tuple.of(1, 100)),
                        Arbitraries.integers().between(1, 12).set().ofMaxSize(4))
                .as(Failures::new);
    }

    @Provide
    Arbitrary<BatcherSettings> smallCaps() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 20),
                        Arbitraries.integers().between(8, 200),
                        Arbitraries.integers().between(0, 800),
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.integers().between(1, 4))
                .as((entries, recordBytes, extraRequestBytes, attempts, concurrency) -> new BatcherSettings(
                        entries, recordBytes + (long) extraRequestBytes, recordBytes,
                        new RetryPolicy(attempts, Duration.ofMillis(1), Duration.ofMillis(4)), concurrency));
    }

    @Provide
    Arbitrary<List<Size>> sizesAgainstSmallCaps() {
        Arbitrary<Size> any = Arbitraries.integers().between(0, 260).map(Exact::new);
        Arbitrary<Size> atCap = Arbitraries.just(new AtCap());
        Arbitrary<Size> overCap = Arbitraries.integers().between(1, 3).map(OverCap::new);
        return Arbitraries.frequencyOf(Tuple.of(80, any), Tuple.of(10, atCap), Tuple.of(10, overCap))
                .list().ofMaxSize(120);
    }

    @Property(tries = 60)
    void defaultCaps_areNeverExceededAndEveryEntryIsReportedOnce(
            @ForAll("sizesAgainstDefaultCaps") List<Size> sizes,
            @ForAll("failures") Failures failures,
            @ForAll boolean concurrent) {
        check(BatcherSettings.DEFAULTS.withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4))),
                sizes, failures, concurrent);
    }

    @Property(tries = 300)
    void arbitraryCaps_areNeverExceededAndEveryEntryIsReportedOnce(
            @ForAll("smallCaps") BatcherSettings settings,
            @ForAll("sizesAgainstSmallCaps") List<Size> sizes,
            @ForAll("failures") Failures failures,
            @ForAll boolean concurrent) {
        check(settings, sizes, failures, concurrent);
    }

    private static void check(BatcherSettings settings, List<Size> sizes, Failures failures, boolean concurrent) {
        List<PublishEntry> entries = entries(sizes, settings.maxRecordBytes());
        Map<PublishEntry, Integer> indexOf = new IdentityHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            indexOf.put(entries.get(i), i);
        }
        FakeRecordPublisher publisher = new FakeRecordPublisher()
                .failCalls(failures.failingCalls()::contains,
                        () -> new RetryableException("injected call failure", "ServiceUnavailable", null));
        for (String code : ERROR_CODES) {
            publisher.failEntries((entry, attempt) -> failures.entryFails(indexOf.get(entry), attempt)
                    && failures.code(indexOf.get(entry)).equals(code), code);
        }
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        Executor executor = concurrent ? POOL : Runnable::run;
        PutRecordsBatcher batcher = new PutRecordsBatcher(publisher, settings, new RecordingSleeper(clock),
                new SplittableRandom(failures.seed()), executor);

        BatchPutResult result = batcher.putAll("stream", entries, Deadline.none(clock));

        // Every request within both caps, in input order, never re-sending an accepted entry.
        Set<Integer> acceptedSoFar = new HashSet<>();
        for (FakeRecordPublisher.Call call : publisher.calls()) {
            assertThat(call.entries()).hasSizeBetween(1, settings.maxEntriesPerRequest());
            assertThat(call.entries().stream().mapToLong(PublishEntry::sizeBytes).sum())
                    .isLessThanOrEqualTo(settings.maxRequestBytes());
            int previous = -1;
            for (int j = 0; j < call.entries().size(); j++) {
                int index = indexOf.get(call.entries().get(j));
                assertThat(index).as("input order inside a request").isGreaterThan(previous);
                previous = index;
                assertThat(acceptedSoFar).as("an accepted entry is never sent again").doesNotContain(index);
            }
            for (int j = 0; j < call.results().size(); j++) {
                if (call.results().get(j) instanceof PutOk) {
                    acceptedSoFar.add(indexOf.get(call.entries().get(j)));
                }
            }
        }
        assertThat(result.requests()).isEqualTo(publisher.calls().size());

        // Every entry reported exactly once, consistently with what the publisher saw.
        assertThat(result.outcomes()).hasSize(entries.size()).doesNotContainNull();
        for (int i = 0; i < entries.size(); i++) {
            PublishEntry entry = entries.get(i);
            EntryOutcome outcome = result.outcome(i);
            boolean overCap = entry.sizeBytes() > settings.maxRecordBytes();
            assertThat(outcome instanceof TooLarge).as("entry %d too large", i).isEqualTo(overCap);
            if (outcome instanceof TooLarge tooLarge) {
                assertThat(tooLarge.bytes()).isEqualTo(entry.sizeBytes());
                assertThat(publisher.attemptCount(entry)).isZero();
            } else if (outcome instanceof Sent) {
                assertThat(publisher.acceptedCount(entry)).as("entry %d accepted once", i).isEqualTo(1);
            } else if (outcome instanceof Unsent unsent) {
                assertThat(publisher.acceptedCount(entry)).as("entry %d never accepted", i).isZero();
                assertThat(unsent.lastErrorCode()).isNotBlank();
                assertThat(publisher.attemptCount(entry)).isEqualTo(settings.retryPolicy().maxAttempts());
            }
            assertThat(publisher.attemptCount(entry)).isLessThanOrEqualTo(settings.retryPolicy().maxAttempts());
        }
        assertThat(publisher.accepted()).doesNotHaveDuplicates();
        assertThat(result.sentIndexes().size() + result.tooLargeIndexes().size() + result.unsentIndexes().size())
                .isEqualTo(entries.size());
    }

    /** Entries whose total size (data + partition key {@code pk-<index>}) follows {@code sizes}. */
    private static List<PublishEntry> entries(List<Size> sizes, int maxRecordBytes) {
        Map<Integer, byte[]> dataBySize = new HashMap<>();
        List<PublishEntry> entries = new ArrayList<>(sizes.size());
        for (int i = 0; i < sizes.size(); i++) {
            String key = "pk-" + i;
            int keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
            Size size = sizes.get(i);
            long total;
            if (size instanceof Exact exact) {
                total = exact.totalBytes();
            } else if (size instanceof OverCap overCap) {
                total = (long) maxRecordBytes + overCap.excess();
            } else {
                total = maxRecordBytes;
            }
            int dataBytes = (int) Math.max(0, total - keyBytes);
            entries.add(PublishEntry.of(dataBySize.computeIfAbsent(dataBytes, byte[]::new), key));
        }
        return entries;
    }
}
