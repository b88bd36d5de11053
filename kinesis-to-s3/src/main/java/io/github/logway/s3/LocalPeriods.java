package io.github.logway.s3;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Objects;

/**
 * The local day and hour of instants in one time zone, without {@code java.time} objects per call: the zone
 * offset is cached per UTC hour (a small direct-mapped cache), and an hour in which the zone's offset changes
 * (some zones change at half past) is computed exactly each time.
 *
 * <p>Not thread-safe: one instance per batch.
 */
final class LocalPeriods {

    static final long SECONDS_PER_HOUR = 3_600;
    static final long SECONDS_PER_DAY = 86_400;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Slots of the offset cache, a power of two: a batch rarely spans more than a few hours. */
    private static final int CACHE_SLOTS = 64;
    /** Marks a cached hour in which the offset changes. */
    private static final int OFFSET_VARIES = Integer.MIN_VALUE;

    private final ZoneRules rules;
    private final boolean fixedOffset;
    private final int fixedOffsetSeconds;
    private final long[] cachedHours = new long[CACHE_SLOTS];
    private final int[] cachedOffsets = new int[CACHE_SLOTS];

    LocalPeriods(ZoneId zone) {
        this.rules = Objects.requireNonNull(zone, "zone").getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.fixedOffsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        Arrays.fill(cachedHours, Long.MIN_VALUE);
    }

    /** The local epoch day (days since 1970-01-01 in the zone) of an instant given in epoch nanoseconds. */
    long epochDay(long epochNanos) {
        return Math.floorDiv(localEpochSecond(epochNanos), SECONDS_PER_DAY);
    }

    /** The local epoch hour (hours since 1970-01-01T00:00 in the zone) of an instant in epoch nanoseconds. */
    long epochHour(long epochNanos) {
        return Math.floorDiv(localEpochSecond(epochNanos), SECONDS_PER_HOUR);
    }

    /** Seconds since 1970-01-01T00:00 local time. */
    long localEpochSecond(long epochNanos) {
        long epochSecond = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        return epochSecond + offsetSeconds(epochSecond);
    }

    /** The zone's offset from UTC at an instant, in seconds. */
    int offsetSeconds(long epochSecond) {
        if (fixedOffset) {
            return fixedOffsetSeconds;
        }
        long hour = Math.floorDiv(epochSecond, SECONDS_PER_HOUR);
        int slot = (int) (hour & (CACHE_SLOTS - 1));
        if (cachedHours[slot] != hour) {
            cachedOffsets[slot] = offsetOfWholeHour(hour);
            cachedHours[slot] = hour;
        }
        int offset = cachedOffsets[slot];
        return offset != OFFSET_VARIES ? offset : rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    private int offsetOfWholeHour(long hour) {
        Instant start = Instant.ofEpochSecond(hour * SECONDS_PER_HOUR);
        ZoneOffset offset = rules.getOffset(start);
        ZoneOffsetTransition next = rules.nextTransition(start);
        if (next != null && next.toEpochSecond() < (hour + 1) * SECONDS_PER_HOUR) {
            return OFFSET_VARIES;
        }
        return offset.getTotalSeconds();
    }
}
