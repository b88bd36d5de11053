package io.github.logway.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.github.logway.core.BatchSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchRunnerTest {

    /** Answers invocations with the given runs in turn, counting them. */
    private static final class ScriptedTarget implements BenchTarget {
        private final List<Run> runs;
        private int invocations;

        ScriptedTarget(List<Run> runs) {
            this.runs = new ArrayList<>(runs);
        }

        @Override
        public void check(byte[] eventJson) {
        }

        @Override
        public Run invoke(byte[] eventJson, Context context) {
            return runs.get(invocations++);
        }

        @Override
        public void close() {
        }
    }

    private static BatchSummary summary(long delivered, String checkpoint) {
        return new BatchSummary(3, 3, 300, delivered, Map.of(), 0, 0, 3 - delivered, 0, checkpoint, -1);
    }

    @Test
    void measure_runsWarmupThenRepeatAndReportsTheLastTimedRun() {
        BenchTarget.Run warm = new BenchTarget.Run(summary(1, null), false);
        BenchTarget.Run last = new BenchTarget.Run(summary(3, null), false);
        ScriptedTarget target = new ScriptedTarget(List.of(warm, warm, warm, last));

        BenchRunner.Measurement measured = new BenchRunner().measure(target, new byte[0], 2, 2, () -> null);

        assertThat(target.invocations).isEqualTo(4);
        assertThat(measured.summary()).isSameAs(last.summary());
        assertThat(measured.unhandled()).isFalse();
        assertThat(measured.minMillis()).isLessThanOrEqualTo(measured.medianMillis());
    }

    @Test
    void measure_whenAWarmupRunLeavesACheckpoint_reportsUnhandled() {
        BenchTarget.Run stuck =
                new BenchTarget.Run(summary(1, "49650000000000000000000000000000000000000000000000002"), true);
        BenchTarget.Run clean = new BenchTarget.Run(summary(3, null), false);

        BenchRunner.Measurement measured = new BenchRunner()
                .measure(new ScriptedTarget(List.of(stuck, clean)), new byte[0], 1, 1, () -> null);

        assertThat(measured.unhandled()).isTrue();
    }

    @Test
    void median_ofAnOddCount_isTheMiddleValue() {
        assertThat(BenchRunner.median(new long[] {30, 10, 20})).isEqualTo(20.0);
    }

    @Test
    void median_ofAnEvenCount_isTheMeanOfTheTwoMiddleValues() {
        assertThat(BenchRunner.median(new long[] {40, 10, 20, 30})).isEqualTo(25.0);
    }
}
