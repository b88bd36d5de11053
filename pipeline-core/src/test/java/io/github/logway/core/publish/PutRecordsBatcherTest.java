package io.github.logway.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.Deadline;
import io.github.logway.core.FatalException;
import io.github.logway.core.RetryableException;
import io.github.logway.core.retry.RetryPolicy;
import io.github.logway.testing.time.ManualClock;
import io.github.logway.core.testing.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PutRecordsBatcherTest {

    private static final String STREAM = "target";
    private static final String PTEE = "ProvisionedThroughputExceededException";
    private static final int MIB = 1024 * 1024;

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-24T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final FakeRecordPublisher publisher = new FakeRecordPublisher();
    private ExecutorService pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private PutRecordsBatcher batcher(BatcherSettings settings) {
        return new PutRecordsBatcher(publisher, settings, sleeper, new SplittableRandom(1), Runnable::run);
    }

    private PutRecordsBatcher batcher() {
        return batcher(BatcherSettings.DEFAULTS);
    }

    private Deadline noDeadline() {
        return Deadline.none(clock);
    }

    private static List<PublishEntry> small(int count) {
        List<PublishEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(PublishEntry.of(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), "pk-" + i));
        }
        return entries;
    }

    private List<Integer> requestSizes() {
        return publisher.calls().stream().map(call -> call.entries().size()).toList();
    }

    @Test
    void putAll_nothing_sendsNoRequest() {
        BatchPutResult result = batcher().putAll(STREAM, List.of(), noDeadline());

        assertThat(result.outcomes()).isEmpty();
        assertThat(result.requests()).isZero();
        assertThat(publisher.calls()).isEmpty();
    }

    @Test
    void putAll_whenAllAccepted_reportsSentWithShardAndSequence() {
        BatchPutResult result = batcher().putAll(STREAM, small(3), noDeadline());

        assertThat(result.allSent()).isTrue();
        assertThat(result.outcome(0)).isEqualTo(new Sent(FakeRecordPublisher.SHARD_ID, String.format("%056d", 1)));
        assertThat(result.outcome(2)).isEqualTo(new Sent(FakeRecordPublisher.SHARD_ID, String.format("%056d", 3)));
        assertThat(result.requests()).isEqualTo(1);
        assertThat(result.retries()).isZero();
        assertThat(publisher.calls().get(0).stream()).isEqualTo(STREAM);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void putAll_moreThan500Entries_splitsRequestsAt500InInputOrder() {
        List<PublishEntry> entries = small(1201);

        batcher().putAll(STREAM, entries, noDeadline());

        assertThat(requestSizes()).containsExactly(500, 500, 201);
        assertThat(publisher.calls().get(1).entries().get(0)).isSameAs(entries.get(500));
        assertThat(publisher.accepted()).containsExactlyElementsOf(entries);
    }

    @Test
    void putAll_entriesOfExactly1MiB_packFivePerRequest() {
        byte[] data = new byte[MIB - 2];
        List<PublishEntry> entries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            entries.add(PublishEntry.of(data, "k" + i));
        }

        BatchPutResult result = batcher().putAll(STREAM, entries, noDeadline());

        assertThat(result.allSent()).isTrue();
        assertThat(requestSizes()).containsExactly(5, 1);
    }

    @Test
    void putAll_entryOneByteOverTheRecordLimit_isTooLargeAndNeverSent() {
        PublishEntry tooLarge = PublishEntry.of(new byte[MIB], "k");
        List<PublishEntry> entries = List.of(small(1).get(0), tooLarge, small(2).get(1));

        BatchPutResult result = batcher().putAll(STREAM, entries, noDeadline());

        assertThat(result.outcome(1)).isEqualTo(new TooLarge(MIB + 1));
        assertThat(result.tooLargeIndexes()).containsExactly(1);
        assertThat(result.sentIndexes()).containsExactly(0, 2);
        assertThat(publisher.attemptCount(tooLarge)).isZero();
    }

    @Test
    void putAll_partitionKeyCountsInUtf8Bytes() {
        String key = "\u65e5\u672c";
        PublishEntry fitsByChars = PublishEntry.of(new byte[MIB - 5], key);

        BatchPutResult result = batcher().putAll(STREAM, List.of(fitsByChars), noDeadline());

        assertThat(result.outcome(0)).isEqualTo(new TooLarge(MIB + 1));
    }

    @Test
    void putAll_withLargerRecordLimit_sendsLargeEntries() {
        PublishEntry large = PublishEntry.of(new byte[3 * MIB], "k");

        BatchPutResult result = batcher(BatcherSettings.forMaxRecordBytes(10 * MIB))
                .putAll(STREAM, List.of(large), noDeadline());

        assertThat(result.allSent()).isTrue();
    }

    @Test
    void putAll_failedEntry_isRetriedAloneAfterABackoff() {
        List<PublishEntry> entries = small(3);
        publisher.failEntries((entry, attempt) -> entry == entries.get(1) && attempt == 1, PTEE);

        BatchPutResult result = batcher().putAll(STREAM, entries, noDeadline());

        assertThat(result.allSent()).isTrue();
        assertThat(requestSizes()).containsExactly(3, 1);
        assertThat(publisher.calls().get(1).entries()).containsExactly(entries.get(1));
        assertThat(result.requests()).isEqualTo(2);
        assertThat(result.retries()).isEqualTo(1);
        assertThat(sleeper.sleeps()).hasSize(1);
        assertThat(publisher.acceptedCount(entries.get(0))).isEqualTo(1);
    }

    @Test
    void putAll_retriedEntries_arePackedInInputOrder() {
        List<PublishEntry> entries = small(6);
        publisher.failEntries((entry, attempt) -> attempt == 1
                && (entry == entries.get(4) || entry == entries.get(1) || entry == entries.get(3)), "InternalFailure");

        batcher().putAll(STREAM, entries, noDeadline());

        assertThat(publisher.calls().get(1).entries()).containsExactly(entries.get(1), entries.get(3), entries.get(4));
    }

    @Test
    void putAll_entryFailingEveryAttempt_isUnsentWithItsLastErrorAfterMaxAttempts() {
        List<PublishEntry> entries = small(2);
        publisher.failEntries((entry, attempt) -> entry == entries.get(0) && attempt < 3, "InternalFailure");
        publisher.failEntries((entry, attempt) -> entry == entries.get(0), PTEE);
        RetryPolicy threeAttempts = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));

        BatchPutResult result = batcher(BatcherSettings.DEFAULTS.withRetryPolicy(threeAttempts))
                .putAll(STREAM, entries, noDeadline());

        assertThat(result.outcome(0)).isEqualTo(new Unsent(PTEE));
        assertThat(result.outcome(1)).isInstanceOf(Sent.class);
        assertThat(publisher.attemptCount(entries.get(0))).isEqualTo(3);
        assertThat(result.retries()).isEqualTo(2);
        assertThat(result.firstUnsentIndex()).isZero();
        assertThat(result.unsentIndexes()).containsExactly(0);
        assertThat(sleeper.sleeps()).hasSize(2)
                .allSatisfy(sleep -> assertThat(sleep).isLessThanOrEqualTo(Duration.ofMillis(50)));
    }

    @Test
    void putAll_withNoRetryPolicy_triesOnce() {
        List<PublishEntry> entries = small(1);
        publisher.failEntries((entry, attempt) -> true, PTEE);

        BatchPutResult result = batcher(BatcherSettings.DEFAULTS.withRetryPolicy(RetryPolicy.NO_RETRY))
                .putAll(STREAM, entries, noDeadline());

        assertThat(result.outcome(0)).isEqualTo(new Unsent(PTEE));
        assertThat(result.requests()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void putAll_wholeCallRetryableFailure_retriesEveryEntryOfThatRequest() {
        List<PublishEntry> entries = small(4);
        publisher.failCalls(number -> number == 1, () -> new RetryableException("503", "ServiceUnavailable", null));

        BatchPutResult result = batcher().putAll(STREAM, entries, noDeadline());

        assertThat(result.allSent()).isTrue();
        assertThat(requestSizes()).containsExactly(4, 4);
        assertThat(result.retries()).isEqualTo(4);
        assertThat(publisher.accepted()).containsExactlyElementsOf(entries);
    }

    @Test
    void putAll_wholeCallFailingEveryTime_reportsItsErrorCodeOrCallFailed() {
        publisher.failCalls(number -> number % 2 == 1, () -> new RetryableException("503", "ServiceUnavailable", null));
        publisher.failCalls(number -> true, () -> new RetryableException("timeout"));
        RetryPolicy twoAttempts = new RetryPolicy(2, Duration.ZERO, Duration.ZERO);

        BatchPutResult result = batcher(BatcherSettings.DEFAULTS.withRetryPolicy(twoAttempts))
                .putAll(STREAM, small(2), noDeadline());

        assertThat(result.outcomes()).containsOnly(new Unsent(Unsent.CALL_FAILED));
        assertThat(result.requests()).isEqualTo(2);
    }

    @Test
    void putAll_wholeCallFailureWithCode_reportsTheCode() {
        publisher.failCalls(number -> true, () -> new RetryableException("throttled", "LimitExceededException", null));

        BatchPutResult result = batcher(BatcherSettings.DEFAULTS.withRetryPolicy(RetryPolicy.NO_RETRY))
                .putAll(STREAM, small(1), noDeadline());

        assertThat(result.outcome(0)).isEqualTo(new Unsent("LimitExceededException"));
    }

    @Test
    void putAll_fatalCallFailure_propagates() {
        publisher.failCalls(number -> true, () -> new FatalException("ResourceNotFoundException"));

        assertThatThrownBy(() -> batcher().putAll(STREAM, small(2), noDeadline()))
                .isInstanceOf(FatalException.class).hasMessage("ResourceNotFoundException");
    }

    @Test
    void putAll_fatalFailureOfOneRequest_startsNoFurtherRequests() {
        publisher.failCalls(number -> number == 1, () -> new FatalException("AccessDeniedException"));
        PutRecordsBatcher oneAtATime = batcher(BatcherSettings.DEFAULTS.withMaxConcurrentRequests(1));

        assertThatThrownBy(() -> oneAtATime.putAll(STREAM, small(1500), noDeadline()))
                .isInstanceOf(FatalException.class);
        assertThat(publisher.calls()).hasSize(1);
    }

    @Test
    void putAll_publisherBug_propagatesAsIs() {
        RecordPublisher broken = (stream, entries) -> {
            throw new IllegalStateException("bug");
        };

        PutRecordsBatcher batcher = new PutRecordsBatcher(broken, BatcherSettings.DEFAULTS, sleeper,
                new SplittableRandom(1), Runnable::run);

        assertThatThrownBy(() -> batcher.putAll(STREAM, small(1), noDeadline()))
                .isInstanceOf(IllegalStateException.class).hasMessage("bug");
    }

    @Test
    void putAll_publisherAnsweringTooFewResults_retriesTheRequest() {
        int[] calls = {0};
        RecordPublisher shortAnswer = (stream, entries) -> {
            calls[0]++;
            if (calls[0] == 1) {
                return List.of(new PutOk("s", "1"));
            }
            return entries.stream().<PutEntryResult>map(e -> new PutOk("s", "2")).toList();
        };

        BatchPutResult result = new PutRecordsBatcher(shortAnswer, BatcherSettings.DEFAULTS, sleeper,
                new SplittableRandom(1), Runnable::run).putAll(STREAM, small(2), noDeadline());

        assertThat(result.outcomes()).containsOnly(new Sent("s", "2"));
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void putAll_perEntryFailureWithoutCode_isReportedAsCallFailed() {
        RecordPublisher noCode = (stream, entries) -> List.of(new PutFailed(null, null));

        BatchPutResult result = new PutRecordsBatcher(noCode, BatcherSettings.DEFAULTS.withRetryPolicy(
                RetryPolicy.NO_RETRY), sleeper, new SplittableRandom(1), Runnable::run)
                .putAll(STREAM, small(1), noDeadline());

        assertThat(result.outcome(0)).isEqualTo(new Unsent(Unsent.CALL_FAILED));
    }

    @Test
    void putAll_whenDeadlineAlreadyPassed_sendsNothingAndReportsDeadlineExceeded() {
        BatchPutResult result = batcher().putAll(STREAM, small(3), Deadline.at(clock.instant(), clock));

        assertThat(result.outcomes()).containsOnly(new Unsent(Unsent.DEADLINE_EXCEEDED));
        assertThat(publisher.calls()).isEmpty();
        assertThat(result.requests()).isZero();
    }

    @Test
    void putAll_whenBackoffWouldPassDeadline_stopsRetryingAndKeepsTheLastError() {
        List<PublishEntry> entries = small(2);
        publisher.failEntries((entry, attempt) -> entry == entries.get(1), PTEE);
        RetryPolicy slow = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Deadline deadline = Deadline.at(clock.instant().plusMillis(1), clock);

        BatchPutResult result = batcher(BatcherSettings.DEFAULTS.withRetryPolicy(slow))
                .putAll(STREAM, entries, deadline);

        assertThat(result.outcome(0)).isInstanceOf(Sent.class);
        assertThat(result.outcome(1)).isEqualTo(new Unsent(PTEE));
        assertThat(clock.instant()).isBefore(deadline.instant());
    }

    @Test
    void putAll_whenDeadlinePassesBetweenRequests_leavesLaterRequestsUnsent() {
        List<PublishEntry> entries = small(1000);
        publisher.beforeAnswer(() -> clock.advance(Duration.ofSeconds(2)));
        Deadline deadline = Deadline.at(clock.instant().plusSeconds(1), clock);

        BatchPutResult result = batcher().putAll(STREAM, entries, deadline);

        assertThat(result.requests()).isEqualTo(1);
        assertThat(result.sentIndexes()).hasSize(500);
        assertThat(result.firstUnsentIndex()).isEqualTo(500);
        assertThat(result.outcome(999)).isEqualTo(new Unsent(Unsent.DEADLINE_EXCEEDED));
    }

    @Test
    void putAll_withThreadPool_sendsConcurrentlyButNeverMoreThanTheLimit() throws Exception {
        pool = Executors.newFixedThreadPool(8);
        CountDownLatch twoInFlight = new CountDownLatch(2);
        publisher.beforeAnswer(() -> {
            twoInFlight.countDown();
            try {
                twoInFlight.await(5, TimeUnit.SECONDS);
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        PutRecordsBatcher batcher = new PutRecordsBatcher(publisher, BatcherSettings.DEFAULTS
                .withMaxConcurrentRequests(2), sleeper, new SplittableRandom(1), pool);

        BatchPutResult result = batcher.putAll(STREAM, small(3000), noDeadline());

        assertThat(result.allSent()).isTrue();
        assertThat(result.requests()).isEqualTo(6);
        assertThat(publisher.maxConcurrentCalls()).isEqualTo(2);
    }

    @Test
    void putAll_withDirectExecutor_sendsOneRequestAtATime() {
        batcher().putAll(STREAM, small(1500), noDeadline());

        assertThat(publisher.maxConcurrentCalls()).isEqualTo(1);
    }
}
