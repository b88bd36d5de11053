package io.github.logway.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate limit, the output line and the marker. */
class ReplayUnitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A clock that the sleeper moves forward. */
    private static final class ManualClock extends Clock {

        private Instant now = Instant.parse("2026-11-24T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void rateLimit_whenBatchesOfOneSecondsWorth_waitsOneSecondBetweenThem() {
        ManualClock clock = new ManualClock();
        List<Duration> sleeps = new ArrayList<>();
        RateLimit limit = new RateLimit(5, clock, duration -> {
            sleeps.add(duration);
            clock.now = clock.now.plus(duration);
        });

        limit.acquire(5);
        limit.acquire(5);
        limit.acquire(2);
        limit.acquire(1);

        assertThat(sleeps).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMillis(400));
    }

    @Test
    void rateLimit_whenTheCallerIsSlowerThanTheRate_neverWaits() {
        ManualClock clock = new ManualClock();
        List<Duration> sleeps = new ArrayList<>();
        RateLimit limit = new RateLimit(10, clock, sleeps::add);

        limit.acquire(10);
        clock.now = clock.now.plusSeconds(5);
        limit.acquire(10);

        assertThat(sleeps).containsOnly(Duration.ZERO);
    }

    @Test
    void replayCounts_toJson_hasTheKeysOfTheProduct_andTheTotalSaysSo() throws Exception {
        ReplayCounts one = new ReplayCounts("s3://b/k.gz", 5, 3, 0, 2);
        ReplayCounts total = ReplayCounts.total().plus(one).plus(ReplayCounts.skipped("s3://b/j.gz", 4));

        JsonNode line = JSON.readTree(one.toJson());
        JsonNode last = JSON.readTree(total.toJson());

        List<String> keys = new ArrayList<>();
        line.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(ReplayCounts.KEYS);
        assertThat(line.path("failed").asLong()).isEqualTo(2);
        assertThat(last.path("total").asBoolean()).isTrue();
        assertThat(last.has("source")).isFalse();
        assertThat(last.path("events").asLong()).isEqualTo(9);
        assertThat(last.path("sent").asLong()).isEqualTo(3);
        assertThat(last.path("skipped").asLong()).isEqualTo(4);
        assertThat(last.path("failed").asLong()).isEqualTo(2);
    }

    @Test
    void replayMarker_parse_readsWhatToJsonWrote_andRejectsOtherContent() {
        ReplayMarker marker = new ReplayMarker(Instant.parse("2026-11-24T10:00:00Z"), "router", 7,
                Instant.parse("2026-11-23T09:00:00.123Z"));

        assertThat(ReplayMarker.parse(marker.toJson())).contains(marker);
        assertThat(ReplayMarker.parse("not json".getBytes())).isEmpty();
        assertThat(ReplayMarker.keyOf("failed/a.gz")).isEqualTo("failed/a.gz.replayed");
    }
}
