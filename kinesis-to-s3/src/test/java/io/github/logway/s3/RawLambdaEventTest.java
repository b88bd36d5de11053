package io.github.logway.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.failedlog.FailedLogReader;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import io.github.logway.testing.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The handler on raw Lambda event JSON, deserialised as the Java runtime does. */
class RawLambdaEventTest {

    private static final PojoSerializer<KinesisEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(KinesisEvent.class, KinesisEvent.class.getClassLoader());

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-15T10:20:31Z"));
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final KinesisToS3Handler handler = new KinesisToS3Handler(
            KinesisToS3Config.read(new EnvReader(Map.of("LOG_S3_BUCKET", "archive", "LOG_S3_PREFIX", "logs"))),
            store, clock, new PrintStream(OutputStream.nullOutputStream()));

    private StreamsEventResponse invoke(InputStream json) {
        return handler.handleRequest(SERIALIZER.fromJson(json),
                FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(1)));
    }

    @Test
    void handler_onTheDocumentedSampleEvent_divertsItsPlainTextToTheUnknownPrefix() throws IOException {
        StreamsEventResponse response;
        try (InputStream json = KinesisEventBuilder.class.getResourceAsStream("/events/kinesis-event.json")) {
            response = invoke(json);
        }

        assertThat(response.getBatchItemFailures()).isEmpty();
        String key = "logs/unknown/not_json/2018-12/17/2018-12-17-22:10:50-shardId-000000000006-"
                + "49590338271490256608559692538361571095921575989136588898.gz";
        assertThat(store.keys("archive")).containsExactly(key);
        assertThat(FailedLogReader.read(store.get("archive", key).orElseThrow().body()))
                .extracting(envelope -> new String(envelope.data(), StandardCharsets.UTF_8))
                .containsExactly("Hello, this is a test.", "This is only a test.");
    }

    @Test
    void handler_onRawEventJson_archivesTheDecodedLinesUnchanged() throws IOException {
        String line = "{\"log_type\":\"app\",\"log_id\":\"r1\",\"time\":\"2026-01-15T10:00:00Z\",\"msg\":\"ü\"}";
        String json = KinesisEventBuilder.ofLines(List.of(line)).toJson();

        StreamsEventResponse response = invoke(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        byte[] body = store.get("archive", "logs/app/2026-01/15/2026-01-15-10:00:00-r1.gz").orElseThrow().body();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(line + "\n");
        }
    }
}
