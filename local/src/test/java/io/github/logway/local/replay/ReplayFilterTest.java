package io.github.logway.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.schema.RejectReason;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayFilterTest {

    private static final Instant SINCE = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-24T12:00:00Z");
    private final ReplayFilter range = new ReplayFilter(Optional.empty(), Optional.of(SINCE), Optional.of(UNTIL));

    @Test
    void accepts_whenTimeIsSince_includesIt_andWhenUntil_excludesIt() {
        assertThat(range.accepts(Optional.of(RejectReason.NOT_JSON), SINCE)).isTrue();
        assertThat(range.accepts(Optional.of(RejectReason.NOT_JSON), UNTIL.minusMillis(1))).isTrue();
        assertThat(range.accepts(Optional.of(RejectReason.NOT_JSON), UNTIL)).isFalse();
        assertThat(range.accepts(Optional.of(RejectReason.NOT_JSON), SINCE.minusMillis(1))).isFalse();
    }

    @Test
    void accepts_whenReasonDiffersOrObjectHasNone_excludesIt() {
        ReplayFilter notJson = new ReplayFilter(Optional.of(RejectReason.NOT_JSON), Optional.empty(),
                Optional.empty());

        assertThat(notJson.accepts(Optional.of(RejectReason.NOT_JSON), SINCE)).isTrue();
        assertThat(notJson.accepts(Optional.of(RejectReason.MISSING_LOG_ID), SINCE)).isFalse();
        assertThat(notJson.accepts(Optional.empty(), SINCE)).as("an on-failure object").isFalse();
        assertThat(ReplayFilter.ALL.accepts(Optional.empty(), Instant.EPOCH)).isTrue();
    }

    @Test
    void mayAccept_whenKeyTimeIsWithinAZoneOffsetOfTheRange_keepsTheObjectForAPreciseCheck() {
        assertThat(range.mayAccept(RejectReason.NOT_JSON, SINCE.minusSeconds(13 * 3600))).isTrue();
        assertThat(range.mayAccept(RejectReason.NOT_JSON, UNTIL.plusSeconds(13 * 3600))).isTrue();
        assertThat(range.mayAccept(RejectReason.NOT_JSON, SINCE.minusSeconds(15 * 3600))).isFalse();
        assertThat(range.mayAccept(RejectReason.NOT_JSON, UNTIL.plusSeconds(15 * 3600))).isFalse();
    }
}
