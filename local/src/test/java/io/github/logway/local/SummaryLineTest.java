package io.github.logway.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.BatchSummary;
import io.github.logway.schema.RejectReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryLineTest {

    private static final BatchSummary SUMMARY = new BatchSummary(94, 4700, 2_350_000, 4600,
            Map.of(RejectReason.NOT_JSON, 30L, RejectReason.INVALID_TIME, 20L), 40, 5, 5, 0, "4959", 0);

    @Test
    void toJson_writesExactlyTheProductKeysInOrder() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new SummaryLine("forward", "cwl.json", SUMMARY, 10, 50.0, 45.5,
                48.25).toJson());

        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(SummaryLine.KEYS);
    }

    @Test
    void toJson_derivesRatesFromTheMedianWallTime() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new SummaryLine("forward", "cwl.json", SUMMARY, 10, 50.0, 45.5,
                48.25).toJson());

        assertThat(json.get("records_per_s").asDouble()).isEqualTo(1880.0);
        assertThat(json.get("mb_per_s").asDouble()).isEqualTo(47.0);
        assertThat(json.get("us_per_event").asDouble()).isEqualTo(10.638);
        assertThat(json.get("diverted").asLong()).isEqualTo(50);
        assertThat(json.get("checkpoint").asText()).isEqualTo("4959");
        assertThat(json.get("log_bytes").asLong()).isEqualTo(2_350_000);
    }

    @Test
    void toJson_whenNothingIsBehindTheCheckpoint_writesNull() throws Exception {
        BatchSummary clean = new BatchSummary(1, 1, 10, 1, Map.of(), 0, 0, 0, 0, null, 0);

        JsonNode json = new ObjectMapper().readTree(new SummaryLine("to-s3", "e.json", clean, 1, 2, 2, 1).toJson());

        assertThat(json.get("checkpoint").isNull()).isTrue();
        assertThat(json.get("repeat").asInt()).isEqualTo(1);
    }
}
