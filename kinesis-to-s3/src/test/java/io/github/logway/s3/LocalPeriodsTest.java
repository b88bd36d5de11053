package io.github.logway.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LocalPeriodsTest {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static long nanos(String instant) {
        Instant parsed = Instant.parse(instant);
        return parsed.getEpochSecond() * NANOS_PER_SECOND + parsed.getNano();
    }

    private static long expectedDay(long epochNanos, ZoneId zone) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND)), zone)
                .toLocalDate().toEpochDay();
    }

    @Test
    void epochDay_inTokyo_changesAtFifteenUtc() {
        LocalPeriods tokyo = new LocalPeriods(ZoneId.of("Asia/Tokyo"));

        assertThat(tokyo.epochDay(nanos("2026-01-15T14:59:59.999Z"))).isEqualTo(Instant.parse("2026-01-15T00:00:00Z")
                .getEpochSecond() / 86_400);
        assertThat(tokyo.epochDay(nanos("2026-01-15T15:00:00Z"))).isEqualTo(Instant.parse("2026-01-16T00:00:00Z")
                .getEpochSecond() / 86_400);
    }

    @Test
    void epochHour_acrossNewYorkFallBack_followsTheLocalClock() {
        LocalPeriods newYork = new LocalPeriods(ZoneId.of("America/New_York"));
        // 2026-11-01 06:00Z is 01:00 EST, after the 01:00-01:59 EDT hour: the same local hour twice.
        long first = newYork.epochHour(nanos("2026-11-01T05:30:00Z"));
        long second = newYork.epochHour(nanos("2026-11-01T06:30:00Z"));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void offsetSeconds_whenZoneChangesAtHalfPast_isExactOnBothSides() {
        // Lord Howe Island moves between +10:30 and +11:00 at 02:00 local time, which is half past a UTC hour.
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        LocalPeriods periods = new LocalPeriods(lordHowe);
        Instant transition = lordHowe.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z")).getInstant();

        for (Instant t = transition.minus(2, ChronoUnit.HOURS); t.isBefore(transition.plus(2, ChronoUnit.HOURS));
                t = t.plusSeconds(60)) {
            assertThat(periods.offsetSeconds(t.getEpochSecond()))
                    .as("offset at %s", t)
                    .isEqualTo(lordHowe.getRules().getOffset(t).getTotalSeconds());
        }
    }

    @Property(tries = 2000)
    void epochDay_matchesJavaTime(
            @ForAll @LongRange(min = -2_000_000_000L, max = 4_000_000_000L) long epochSecond,
            @ForAll @LongRange(min = 0, max = 999_999_999L) long nanoOfSecond) {
        long epochNanos = epochSecond * NANOS_PER_SECOND + nanoOfSecond;
        for (String zone : new String[] {"UTC", "Asia/Tokyo", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kathmandu", "Europe/London"}) {
            ZoneId id = ZoneId.of(zone);
            LocalPeriods periods = new LocalPeriods(id);
            assertThat(periods.epochDay(epochNanos)).as("%s in %s", epochNanos, zone)
                    .isEqualTo(expectedDay(epochNanos, id));
            assertThat(periods.epochDay(epochNanos)).as("cached, %s in %s", epochNanos, zone)
                    .isEqualTo(expectedDay(epochNanos, id));
        }
    }
}
