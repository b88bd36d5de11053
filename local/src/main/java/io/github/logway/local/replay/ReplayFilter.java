package io.github.logway.local.replay;

import io.github.logway.schema.RejectReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which S3 objects to replay: a failed-log reason and a time range, {@code since} inclusive, {@code until}
 * exclusive. An object's time is the time of its first record (failed log: the first envelope's arrival or S3
 * event time; on-failure object: the moment Lambda discarded the batch, from its key). On-failure objects have no
 * reason: a reason excludes them.
 */
record ReplayFilter(Optional<RejectReason> reason, Optional<Instant> since, Optional<Instant> until) {

    /** Everything. */
    static final ReplayFilter ALL = new ReplayFilter(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * How far a failed-log key's local time can be from UTC: the writer formats it in its {@code TIMEZONE}, and
     * zone offsets range from -12:00 to +14:00.
     */
    static final Duration MAX_ZONE_OFFSET = Duration.ofHours(14);

    ReplayFilter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }

    /** Whether an object of this reason (empty: an on-failure object) and time is selected. */
    boolean accepts(Optional<RejectReason> objectReason, Instant time) {
        if (reason.isPresent() && !reason.equals(objectReason)) {
            return false;
        }
        return inRange(time, Duration.ZERO);
    }

    /**
     * Whether a failed-log key may hold a selected object before it is read: its reason matches and its
     * time, read as UTC, is within the range widened by {@link #MAX_ZONE_OFFSET}.
     */
    boolean mayAccept(RejectReason keyReason, Instant keyTimeAsUtc) {
        if (reason.isPresent() && reason.get() != keyReason) {
            return false;
        }
        return inRange(keyTimeAsUtc, MAX_ZONE_OFFSET);
    }

    /** Whether this filter selects by reason (and so excludes on-failure objects). */
    boolean hasReason() {
        return reason.isPresent();
    }

    private boolean inRange(Instant time, Duration slack) {
        if (since.isPresent() && time.isBefore(since.get().minus(slack))) {
            return false;
        }
        return until.isEmpty() || time.isBefore(until.get().plus(slack));
    }
}
