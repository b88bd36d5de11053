package io.github.logway.core.testing;

import io.github.logway.core.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that records each sleep and moves a {@link MutableClock} instead of waiting. Thread-safe. */
public final class RecordingSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
