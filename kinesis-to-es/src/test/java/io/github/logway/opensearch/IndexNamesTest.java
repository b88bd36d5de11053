package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IndexNamesTest {

    @Test
    void indexOf_usesTheRecordsOwnDayInUtc() {
        IndexNames names = new IndexNames("logs", ZoneOffset.UTC);

        assertThat(names.indexOf(TestRecords.record("app", "1", "2026-11-24T23:59:59.999Z"))).isEqualTo("logs-app-20261124");
        assertThat(names.indexOf(TestRecords.record("app", "2", "2026-11-25T00:00:00Z"))).isEqualTo("logs-app-20261125");
    }

    @Test
    void indexOf_usesTheConfiguredTimezoneAcrossDaylightSaving() {
        IndexNames names = new IndexNames("logs", ZoneId.of("America/New_York"));

        // 03:30Z is 23:30 the previous day in New York (EDT, -04:00) in summer, 22:30 in winter (EST, -05:00)
        assertThat(names.indexOf(TestRecords.record("app", "1", "2026-07-01T03:30:00Z"))).isEqualTo("logs-app-20260630");
        assertThat(names.indexOf(TestRecords.record("app", "2", "2026-12-01T04:30:00Z"))).isEqualTo("logs-app-20261130");
        assertThat(names.indexOf(TestRecords.record("app", "3", "2026-12-01T05:30:00Z"))).isEqualTo("logs-app-20261201");
    }

    @Test
    void indexOf_lowercasesTheLogType() {
        IndexNames names = new IndexNames("logs", ZoneOffset.UTC);

        assertThat(names.indexOf(TestRecords.record("Nginx_Access", "1", "2026-11-24T10:00:00Z")))
                .isEqualTo("logs-nginx_access-20261124");
    }

    @Test
    void indexOf_whenLogTypeHasForbiddenCharacter_returnsNullWithProblem() {
        IndexNames names = new IndexNames("logs", ZoneOffset.UTC);

        for (String logType : new String[] {"a*b", "a?b", "a\"b", "a<b", "a>b", "a|b", "a,b", "a#b", "a:b"}) {
            assertThat(names.indexOf(TestRecords.record("{}", logType, "1", Instant.parse("2026-11-24T10:00:00Z"))))
                    .as(logType).isNull();
        }
        assertThat(names.problemWithLogType("a#b")).contains("must not contain");
    }

    @Test
    void problemWithLogType_whenTheLogTypeStartsWithUnderscoreDashOrPlus_rejectsIt() {
        IndexNames names = new IndexNames("logs", ZoneOffset.UTC);

        for (String logType : new String[] {"_internal", "-x", "+y"}) {
            assertThat(names.problemWithLogType(logType)).as(logType).endsWith("must not start with _, - or +");
            assertThat(names.indexOf(TestRecords.record(logType, "1", "2026-11-24T10:00:00Z"))).as(logType).isNull();
        }
        assertThat(names.problemWithLogType("in_ternal")).isNull();
    }

    @Test
    void indexOf_whenNameExceeds255Bytes_returnsNull() {
        IndexNames names = new IndexNames("p".repeat(150), ZoneOffset.UTC);
        String logType = "t".repeat(100);

        assertThat(names.indexOf(TestRecords.record(logType, "1", "2026-11-24T10:00:00Z"))).isNull();
        assertThat(names.problemWithLogType(logType)).endsWith("must be at most 255 bytes");
    }

    @Test
    void problemWithName_whenLeadingUnderscoreDashOrPlus_rejects() {
        assertThat(IndexNames.problemWithName("_logs")).isEqualTo("must not start with _, - or +");
        assertThat(IndexNames.problemWithName("-logs")).isEqualTo("must not start with _, - or +");
        assertThat(IndexNames.problemWithName("+logs")).isEqualTo("must not start with _, - or +");
        assertThat(IndexNames.problemWithName("logs")).isNull();
    }
}
