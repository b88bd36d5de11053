package io.github.logway.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.local.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./logway demo} as a user runs it: its own local stack, five real functions under the runner, the sample
 * traffic, and a final table whose every row adds up (the main job of the project, checked in every build).
 */
class DemoCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void demo_accountsForEveryRecordItSent_andPrintsOneJsonLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new DemoCommand(Clock.systemUTC()).run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String table = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code; stderr:%n%s", table).isEqualTo(ExitCodes.SUCCESS);
        assertThat(table).contains("Every record is accounted for").doesNotContain("MISMATCH");
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        JsonNode summary = JSON.readTree(lines[0]);
        assertThat(summary.path("adds_up").asBoolean()).isTrue();
        long producerEvents = DemoTraffic.JSON_LINES + DemoTraffic.CWL_EVENTS + 1 + DemoTraffic.KPL_EVENTS + 7;
        assertThat(summary.path("sent_log_events").asLong()).isEqualTo(producerEvents);
        JsonNode archive = summary.path("functions").path(DemoPipeline.FORWARD_ARCHIVE);
        assertThat(archive.path("delivered").asLong()).isEqualTo(producerEvents - 8 + DemoTraffic.ALB_LINES);
        assertThat(archive.path("diverted").asLong()).isEqualTo(7);
        assertThat(archive.path("skipped").asLong()).isEqualTo(1);
        assertThat(summary.path("functions").path(DemoPipeline.ELB).path("diverted").asLong()).isEqualTo(2);
        assertThat(summary.path("functions").path(DemoPipeline.FORWARD_ORDERS).path("dropped").asLong()).isPositive();
        assertThat(summary.path("destinations").path("OpenSearch " + DemoPipeline.INDEX_PREFIX + "-*").path("found")
                .asLong()).isEqualTo(producerEvents - 8 + DemoTraffic.ALB_LINES);
    }
}
