package io.github.logway.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.config.CommonConfig;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KinesisConsumerTest {

    private static final Instant NOW = KinesisEventBuilder.DEFAULT_FIRST_ARRIVAL.plusSeconds(2);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @Test
    void handle_writesOneEmfLineAndOneSummaryLogLine() throws Exception {
        KinesisConsumer consumer = consumer(Map.of("LOG_TYPE_WHITELIST", "app"));

        StreamsEventResponse response = consumer.handle(KinesisEventBuilder.ofLines(List.of(
                line("app", "1"), line("other", "2"), "garbage")).build(),
                FakeLambdaContext.withRemainingTime(clock, Duration.ofSeconds(60)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<String> emfLines = lines(metrics);
        assertThat(emfLines).hasSize(1);
        JsonNode emf = new ObjectMapper().readTree(emfLines.get(0));
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText()).isEqualTo("Logway");
        assertThat(emf.path("function").asText()).isEqualTo("kinesis-test");
        assertThat(emf.path("RecordsIn").asLong()).isEqualTo(3);
        assertThat(emf.path("Delivered").asLong()).isEqualTo(1);
        assertThat(emf.path("Dropped").asLong()).isEqualTo(1);
        assertThat(emf.path("Diverted_not_json").asLong()).isEqualTo(1);
        assertThat(emf.path("BatchAge").asLong()).isEqualTo(2000);
        JsonNode log = new ObjectMapper().readTree(lines(logs).get(0));
        assertThat(log.path("message").asText()).isEqualTo("batch handled");
        assertThat(log.path("diverted_by_reason").path("not_json").asLong()).isEqualTo(1);
        assertThat(lines(logs).get(0)).doesNotContain("garbage");
    }

    @Test
    void handle_whenDeadlineMarginIsLargerThanTheRemainingTime_leavesEverythingBehindTheCheckpoint() {
        KinesisConsumer consumer = consumer(Map.of("DEADLINE_MARGIN_MS", "10000"));
        KinesisEventBuilder builder = KinesisEventBuilder.ofLines(List.of(line("app", "1")));

        StreamsEventResponse response =
                consumer.handle(builder.build(), FakeLambdaContext.withRemainingTime(clock, Duration.ofSeconds(9)));

        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo(builder.sequenceNumber(0)));
        assertThat(lines(logs).get(0)).contains("\"level\":\"WARN\"").contains("\"behind_checkpoint\":1");
    }

    private KinesisConsumer consumer(Map<String, String> env) {
        EnvReader reader = new EnvReader(env);
        CommonConfig config = CommonConfig.read(reader, false);
        reader.throwIfInvalid();
        LogSink sink = (records, deadline) -> {
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            records.forEach(r -> outcomes.add(DeliveryOutcome.DELIVERED));
            return outcomes;
        };
        FailedLogWriter failedLog =
                new FailedLogWriter(new InMemoryObjectStore(), "b", "failed", "kinesis-test", ZoneOffset.UTC);
        return new KinesisConsumer("kinesis-test", config, sink, failedLog, clock,
                new PrintStream(metrics, true, StandardCharsets.UTF_8),
                new JsonLogger("test", LogLevel.INFO, new PrintStream(logs, true, StandardCharsets.UTF_8)));
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String line(String type, String id) {
        return "{\"log_type\":\"" + type + "\",\"log_id\":\"" + id + "\",\"time\":\"2026-01-15T10:00:00Z\"}";
    }
}
