package io.github.logway.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLoggerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        assertThat(text).endsWith("\n");
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    private JsonNode onlyLine() throws Exception {
        assertThat(lines()).hasSize(1);
        return MAPPER.readTree(lines().get(0));
    }

    @Test
    void info_writesOneJsonObjectWithLevelLoggerAndMessage() throws Exception {
        new JsonLogger("forward", LogLevel.INFO, out).info("batch done");

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"level\":\"INFO\",\"logger\":\"forward\",\"message\":\"batch done\"}\n");
    }

    @Test
    void info_writesExtraFieldsInOrderWithTheirJsonTypes() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("records", 12);
        fields.put("bytes", 123_456_789_012L);
        fields.put("ratio", 0.5);
        fields.put("ok", true);
        fields.put("shard", "shardId-000000000001");
        fields.put("missing", null);
        fields.put("reasons", Map.of("not_json", 2));
        fields.put("codes", List.of("A", "B"));

        new JsonLogger("x", LogLevel.INFO, out).info("m", fields);

        JsonNode line = onlyLine();
        assertThat(line.get("records").isInt()).isTrue();
        assertThat(line.get("records").asInt()).isEqualTo(12);
        assertThat(line.get("bytes").asLong()).isEqualTo(123_456_789_012L);
        assertThat(line.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(line.get("ok").asBoolean()).isTrue();
        assertThat(line.get("shard").asText()).isEqualTo("shardId-000000000001");
        assertThat(line.get("missing").isNull()).isTrue();
        assertThat(line.get("reasons").get("not_json").asInt()).isEqualTo(2);
        assertThat(line.get("codes").get(1).asText()).isEqualTo("B");
        assertThat(line.fieldNames()).toIterable().containsExactly("level", "logger", "message", "records", "bytes",
                "ratio", "ok", "shard", "missing", "reasons", "codes");
    }

    @Test
    void log_escapesQuotesNewlinesAndControlCharacters() throws Exception {
        new JsonLogger("x", LogLevel.INFO, out).warn("a \"quoted\"\nline\u0001", Map.of("k", "tab\there"));

        assertThat(lines()).hasSize(1);
        JsonNode line = onlyLine();
        assertThat(line.get("message").asText()).isEqualTo("a \"quoted\"\nline\u0001");
        assertThat(line.get("k").asText()).isEqualTo("tab\there");
    }

    @Test
    void log_belowThreshold_writesNothing() {
        JsonLogger logger = new JsonLogger("x", LogLevel.WARN, out);

        logger.debug("d");
        logger.info("i", Map.of("a", 1));

        assertThat(bytes.size()).isZero();
    }

    @Test
    void log_atOrAboveThreshold_writesEachLine() throws Exception {
        JsonLogger logger = new JsonLogger("x", LogLevel.WARN, out);

        logger.warn("w");
        logger.error("e");

        assertThat(lines()).hasSize(2);
        assertThat(MAPPER.readTree(lines().get(0)).get("level").asText()).isEqualTo("WARN");
        assertThat(MAPPER.readTree(lines().get(1)).get("level").asText()).isEqualTo("ERROR");
    }

    @Test
    void debug_whenThresholdDebug_isWritten() throws Exception {
        new JsonLogger("x", LogLevel.DEBUG, out).debug("d", Map.of("n", 1));

        assertThat(onlyLine().get("level").asText()).isEqualTo("DEBUG");
    }

    @Test
    void error_withThrowable_writesTypeMessageAndCauseWithoutStackTrace() throws Exception {
        Exception error = new IllegalStateException("broken", new java.io.IOException("io"));

        new JsonLogger("x", LogLevel.INFO, out).error("failed", error, Map.of("shard", "s"));

        JsonNode line = onlyLine();
        assertThat(line.get("error_type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.get("error_message").asText()).isEqualTo("broken");
        assertThat(line.get("error_cause").asText()).isEqualTo("java.io.IOException");
        assertThat(line.get("shard").asText()).isEqualTo("s");
        assertThat(lines().get(0)).doesNotContain("at io.github");
    }

    @Test
    void log_fieldNamedLikeAReservedKey_doesNotOverwriteIt() throws Exception {
        new JsonLogger("x", LogLevel.INFO, out).info("real", Map.of("message", "fake"));

        JsonNode line = onlyLine();
        assertThat(line.get("message").asText()).isEqualTo("real");
        assertThat(line.get("message_").asText()).isEqualTo("fake");
    }

    @Test
    void log_otherObjects_areWrittenWithToString() throws Exception {
        new JsonLogger("x", LogLevel.INFO, out).info("m", Map.of("d", java.time.Duration.ofSeconds(2),
                "nan", Double.NaN));

        JsonNode line = onlyLine();
        assertThat(line.get("d").asText()).isEqualTo("PT2S");
        assertThat(line.get("nan").asText()).isEqualTo("NaN");
    }

    @Test
    void isEnabled_followsLevelOrder() {
        JsonLogger logger = new JsonLogger("x", LogLevel.INFO, out);

        assertThat(logger.isEnabled(LogLevel.DEBUG)).isFalse();
        assertThat(logger.isEnabled(LogLevel.INFO)).isTrue();
        assertThat(logger.isEnabled(LogLevel.ERROR)).isTrue();
    }
}
