package io.github.logway.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.logway.schema.RejectReason;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InvocationMetricsTest {

    @Test
    void newMetrics_areAllZeroAndBalanced() {
        InvocationMetrics metrics = new InvocationMetrics();

        assertThat(metrics.recordsIn()).isZero();
        assertThat(metrics.diverted()).isZero();
        assertThat(metrics.divertedByReason()).isEmpty();
        assertThat(metrics.isBalanced()).isTrue();
    }

    @Test
    void counters_addUp() {
        InvocationMetrics metrics = new InvocationMetrics();

        metrics.addRecordsIn(3);
        metrics.addRecordsIn(2);
        metrics.addLogEvents(10);
        metrics.addDelivered(4);
        metrics.addDropped(1);
        metrics.addSkipped(2);
        metrics.addRetried(7);
        metrics.addFailed(1);
        metrics.addBytes(4096);
        metrics.setDurationMillis(120);

        assertThat(metrics.recordsIn()).isEqualTo(5);
        assertThat(metrics.logEvents()).isEqualTo(10);
        assertThat(metrics.delivered()).isEqualTo(4);
        assertThat(metrics.dropped()).isEqualTo(1);
        assertThat(metrics.skipped()).isEqualTo(2);
        assertThat(metrics.retried()).isEqualTo(7);
        assertThat(metrics.failed()).isEqualTo(1);
        assertThat(metrics.bytes()).isEqualTo(4096);
        assertThat(metrics.durationMillis()).isEqualTo(120);
    }

    @Test
    void diverted_isCountedPerReasonAndInTotal() {
        InvocationMetrics metrics = new InvocationMetrics();

        metrics.addDiverted(RejectReason.NOT_JSON, 2);
        metrics.addDiverted(RejectReason.INVALID_TIME, 1);
        metrics.addDiverted(RejectReason.NOT_JSON, 3);

        assertThat(metrics.diverted(RejectReason.NOT_JSON)).isEqualTo(5);
        assertThat(metrics.diverted(RejectReason.NOT_UTF8)).isZero();
        assertThat(metrics.diverted()).isEqualTo(6);
        assertThat(metrics.divertedByReason()).containsExactly(entry(RejectReason.NOT_JSON, 5L),
                entry(RejectReason.INVALID_TIME, 1L));
    }

    @Test
    void isBalanced_whenEveryEventHasOneOutcome_isTrue() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.addLogEvents(6);
        metrics.addDelivered(2);
        metrics.addDiverted(RejectReason.NOT_JSON, 1);
        metrics.addDropped(1);
        metrics.addSkipped(1);
        metrics.addFailed(1);

        assertThat(metrics.accountedEvents()).isEqualTo(6);
        assertThat(metrics.isBalanced()).isTrue();
    }

    @Test
    void isBalanced_whenAnEventIsMissing_isFalse() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.addLogEvents(3);
        metrics.addDelivered(2);

        assertThat(metrics.isBalanced()).isFalse();
    }

    @Test
    void observeBatchAgeMillis_keepsTheLargestNonNegativeAge() {
        InvocationMetrics metrics = new InvocationMetrics();

        metrics.observeBatchAgeMillis(500);
        metrics.observeBatchAgeMillis(1500);
        metrics.observeBatchAgeMillis(700);
        metrics.observeBatchAgeMillis(-20);

        assertThat(metrics.batchAgeMillis()).isEqualTo(1500);
    }

    @Test
    void counters_fromManyThreads_loseNoIncrement() throws Exception {
        InvocationMetrics metrics = new InvocationMetrics();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4000; i++) {
            pool.execute(() -> {
                metrics.addDelivered(1);
                metrics.addDiverted(RejectReason.NOT_JSON, 1);
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(metrics.delivered()).isEqualTo(4000);
        assertThat(metrics.diverted(RejectReason.NOT_JSON)).isEqualTo(4000);
    }
}
