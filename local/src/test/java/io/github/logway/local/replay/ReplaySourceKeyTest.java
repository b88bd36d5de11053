package io.github.logway.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.schema.RejectReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplaySourceKeyTest {

    @Test
    void of_whenFailedLogKey_readsReasonAndTime() {
        assertThat(SourceKey.of("failed/not_json/2026-11/24/2026-11-24-10:15:30-shardId-000000000000-4959.gz"))
                .isEqualTo(new SourceKey.FailedLogKey(RejectReason.NOT_JSON, Instant.parse("2026-11-24T10:15:30Z")));
    }

    @Test
    void of_whenFailedLogKeyWithoutPrefixOrOfElb_readsIt() {
        assertThat(SourceKey.of("invalid_access_log_line/2026-01/02/2026-01-02-03:04:05-0123456789abcdef-7.gz"))
                .isEqualTo(new SourceKey.FailedLogKey(RejectReason.INVALID_ACCESS_LOG_LINE,
                        Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void of_whenOnFailureKey_readsTheDiscardTime() {
        assertThat(SourceKey.of("aws/lambda/6d9bfb0e-1b2c-4d3e-8f40-5a6b7c8d9e0f/shardId-000000000000/2026/11/24/"
                + "2026-11-24T10.15.30-0b7c8a2e-4d3e-4f40-8a6b-7c8d9e0f1a2b"))
                .isEqualTo(new SourceKey.OnFailureKey(Instant.parse("2026-11-24T10:15:30Z")));
    }

    @Test
    void of_whenMarkerOrFolder_isNotASource() {
        assertThat(SourceKey.of("failed/not_json/2026-11/24/2026-11-24-10:15:30-s-1.gz.replayed"))
                .isInstanceOf(SourceKey.NotASource.class);
        assertThat(SourceKey.of("failed/")).isInstanceOf(SourceKey.NotASource.class);
    }

    @Test
    void of_whenUnknownReasonOrLayout_leavesItToTheContent() {
        assertThat(SourceKey.of("failed/no_such_reason/2026-11/24/2026-11-24-10:15:30-s-1.gz"))
                .isInstanceOf(SourceKey.OtherKey.class);
        assertThat(SourceKey.of("exports/batch.json")).isInstanceOf(SourceKey.OtherKey.class);
    }
}
