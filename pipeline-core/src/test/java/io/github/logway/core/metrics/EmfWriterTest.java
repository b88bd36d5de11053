package io.github.logway.core.metrics;

import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.testing.time.ManualClock;
import io.github.logway.schema.RejectReason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmfWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-24T10:15:30.123Z"));
    private final InvocationMetrics metrics = new InvocationMetrics();

    @BeforeEach
    void fill() {
        metrics.addRecordsIn(12);
        metrics.addLogEvents(20);
        metrics.addDelivered(15);
        metrics.addDiverted(RejectReason.INVALID_TIME, 2);
        metrics.addDiverted(RejectReason.NOT_JSON, 1);
        metrics.addDropped(1);
        metrics.addSkipped(1);
        metrics.addRetried(3);
        metrics.addBytes(9000);
        metrics.observeBatchAgeMillis(2500);
        metrics.setDurationMillis(87);
    }

    private JsonNode line() throws Exception {
        return MAPPER.readTree(new EmfWriter("kinesis-to-s3", clock).toLine(metrics));
    }

    private static Map<String, String> declaredUnits(JsonNode root) {
        Map<String, String> units = new HashMap<>();
        for (JsonNode metric : root.at("/_aws/CloudWatchMetrics/0/Metrics")) {
            units.put(metric.get("Name").asText(), metric.get("Unit").asText());
        }
        return units;
    }

    @Test
    void toLine_hasTheAwsEnvelopeWithTimestampNamespaceAndDimension() throws Exception {
        JsonNode root = line();

        assertThat(root.at("/_aws/Timestamp").asLong()).isEqualTo(clock.millis());
        assertThat(root.at("/_aws/CloudWatchMetrics")).hasSize(1);
        assertThat(root.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Logway");
        assertThat(root.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isEqualTo("[[\"function\"]]");
        assertThat(root.get("function").asText()).isEqualTo("kinesis-to-s3");
    }

    @Test
    void toLine_declaresEveryMetricWithItsUnit() throws Exception {
        Map<String, String> units = declaredUnits(line());

        assertThat(units).containsEntry("RecordsIn", "Count")
                .containsEntry("LogEvents", "Count")
                .containsEntry("Delivered", "Count")
                .containsEntry("Diverted", "Count")
                .containsEntry("Diverted_invalid_time", "Count")
                .containsEntry("Diverted_not_json", "Count")
                .containsEntry("Dropped", "Count")
                .containsEntry("Skipped", "Count")
                .containsEntry("Retried", "Count")
                .containsEntry("Failed", "Count")
                .containsEntry("Bytes", "Bytes")
                .containsEntry("BatchAge", "Milliseconds")
                .containsEntry("Duration", "Milliseconds")
                .hasSize(13);
    }

    @Test
    void toLine_givesEveryDeclaredMetricItsValueAtTheTopLevel() throws Exception {
        JsonNode root = line();

        assertThat(root.get("RecordsIn").asLong()).isEqualTo(12);
        assertThat(root.get("LogEvents").asLong()).isEqualTo(20);
        assertThat(root.get("Delivered").asLong()).isEqualTo(15);
        assertThat(root.get("Diverted").asLong()).isEqualTo(3);
        assertThat(root.get("Diverted_invalid_time").asLong()).isEqualTo(2);
        assertThat(root.get("Diverted_not_json").asLong()).isEqualTo(1);
        assertThat(root.get("Dropped").asLong()).isEqualTo(1);
        assertThat(root.get("Skipped").asLong()).isEqualTo(1);
        assertThat(root.get("Retried").asLong()).isEqualTo(3);
        assertThat(root.get("Failed").asLong()).isZero();
        assertThat(root.get("Bytes").asLong()).isEqualTo(9000);
        assertThat(root.get("BatchAge").asLong()).isEqualTo(2500);
        assertThat(root.get("Duration").asLong()).isEqualTo(87);
        for (String name : declaredUnits(root).keySet()) {
            assertThat(root.get(name)).as(name).isNotNull();
            assertThat(root.get(name).isIntegralNumber()).as(name).isTrue();
        }
    }

    @Test
    void toLine_leavesOutReasonsWithNoDivertedRecords() throws Exception {
        JsonNode root = line();

        assertThat(root.has("Diverted_not_utf8")).isFalse();
        assertThat(declaredUnits(root)).doesNotContainKey("Diverted_not_utf8");
    }

    @Test
    void toLine_withNothingDiverted_stillHasTotalDivertedZero() throws Exception {
        JsonNode root = MAPPER.readTree(new EmfWriter("kinesis-forward", clock).toLine(new InvocationMetrics()));

        assertThat(root.get("Diverted").asLong()).isZero();
        assertThat(declaredUnits(root)).hasSize(11);
    }

    @Test
    void toLine_withAnotherNamespace_usesIt() throws Exception {
        JsonNode root = MAPPER.readTree(new EmfWriter("Test", "f", clock).toLine(metrics));

        assertThat(root.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Test");
    }

    @Test
    void write_printsExactlyOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new EmfWriter("f", clock).write(metrics, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("{\"_aws\":{\"Timestamp\":");
    }
}
