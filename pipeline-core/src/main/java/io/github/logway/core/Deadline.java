package io.github.logway.core;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The moment by which an invocation must stop working and respond: the Lambda deadline minus a safety margin
 * ({@code DEADLINE_MARGIN_MS}). Work that would run past it is left behind the checkpoint instead.
 *
 * <p>Immutable; reads time only from the injected {@link Clock}.
 */
public final class Deadline {

    /** What {@link #none(Clock)} uses: far enough to never matter, near enough for {@link Duration#toMillis()}. */
    static final Instant FAR_FUTURE = Instant.parse("9999-12-31T23:59:59Z");

    private final Instant at;
    private final Clock clock;

    private Deadline(Instant at, Clock clock) {
        this.at = Objects.requireNonNull(at, "at");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The deadline of a Lambda invocation: now + {@link Context#getRemainingTimeInMillis()} - {@code safetyMargin}.
     *
     * @param safetyMargin time kept back to respond (and flush logs and metrics); not negative
     */
    public static Deadline fromContext(Context context, Duration safetyMargin, Clock clock) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(safetyMargin, "safetyMargin");
        if (safetyMargin.isNegative()) {
            throw new IllegalArgumentException("safetyMargin must not be negative: " + safetyMargin);
        }
        Instant now = clock.instant();
        return new Deadline(now.plusMillis(context.getRemainingTimeInMillis()).minus(safetyMargin), clock);
    }

    /** A deadline at a fixed instant. */
    public static Deadline at(Instant when, Clock clock) {
        return new Deadline(when, clock);
    }

    /** No deadline (far in the future): for the command line and tests. */
    public static Deadline none(Clock clock) {
        return new Deadline(FAR_FUTURE, clock);
    }

    /** The instant of the deadline. */
    public Instant instant() {
        return at;
    }

    /** Time left until the deadline; {@link Duration#ZERO} once it has passed, never negative. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the deadline has been reached. */
    public boolean isExpired() {
        return !clock.instant().isBefore(at);
    }

    /** Whether at least {@code duration} is left before the deadline. */
    public boolean hasAtLeast(Duration duration) {
        return remaining().compareTo(duration) >= 0;
    }

    /** The clock this deadline reads. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "Deadline[" + at + "]";
    }
}
