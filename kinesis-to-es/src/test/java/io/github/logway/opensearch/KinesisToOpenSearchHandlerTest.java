package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import io.github.logway.testing.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The thin handler wired to a canned transport: checkpoint and failed log on OpenSearch's answers. */
class KinesisToOpenSearchHandlerTest {

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-15T10:21:00Z"));
    private final CannedTransport transport = new CannedTransport();
    private final InMemoryObjectStore failedLog = new InMemoryObjectStore();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private KinesisToOpenSearchHandler handler() {
        KinesisToOpenSearchConfig config = KinesisToOpenSearchConfig.read(new EnvReader(Map.of(
                "ES_HOST", "http://127.0.0.1:9200", "ES_AUTH", "none", "INDEX_NAME_PREFIX", "logs",
                "FAILED_LOG_S3_BUCKET", "failed-bucket", "ES_INSTALL_TEMPLATE", "false", "BULK_MAX_ACTIONS", "2")));
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new KinesisToOpenSearchHandler(config, transport, failedLog, clock, print,
                new JsonLogger("test", LogLevel.INFO, print), clock::advance);
    }

    private static KinesisEventBuilder events() {
        return KinesisEventBuilder.ofLines(List.of(
                "{\"log_type\":\"app\",\"log_id\":\"1\",\"time\":\"2026-01-15T10:00:00Z\"}",
                "{\"log_type\":\"app\",\"log_id\":\"2\",\"time\":\"2026-01-15T10:00:00Z\"}",
                "{\"log_type\":\"app\",\"log_id\":\"3\",\"time\":\"2026-01-15T10:00:00Z\"}",
                "not json"));
    }

    @Test
    void handleRequest_whenEverythingIsIndexed_reportsNoFailureAndDivertsTheBadRecord() {
        transport.otherwise(CannedTransport::allCreated);

        StreamsEventResponse response = handler().handleRequest(events().build(),
                FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(1)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(transport.bulkRequests()).extracting(CannedTransport.Sent::actions).containsExactly(2, 1);
        assertThat(failedLog.keys("failed-bucket")).singleElement().asString().startsWith("failed/not_json/");
    }

    @Test
    void handleRequest_whenTheSecondChunkStaysThrottled_checkpointsAtItsFirstRecord() {
        KinesisEventBuilder events = events();
        transport.then(200, "{\"errors\":false}").otherwise(request -> new HttpResult(429,
                "{\"error\":{\"type\":\"rejected_execution_exception\"},\"status\":429}".getBytes(StandardCharsets.UTF_8)));

        StreamsEventResponse response = handler().handleRequest(events.build(),
                FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(1)));

        assertThat(response.getBatchItemFailures()).singleElement()
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .isEqualTo(events.sequenceNumber(2));
        assertThat(transport.bulkRequests()).hasSize(1 + KinesisToOpenSearchHandler.RETRY_POLICY.maxAttempts());
    }
}
