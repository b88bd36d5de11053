package io.github.logway.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.github.logway.core.failedlog.FailedLogEnvelope;
import io.github.logway.core.failedlog.FailedLogReader;
import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.schema.LogDecoder;
import io.github.logway.schema.RejectReason;
import io.github.logway.schema.SchemaRules;
import io.github.logway.testing.events.KinesisEventBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The processor on Lambda event JSON deserialised the way the Java runtime does it. */
class KinesisBatchProcessorFixtureTest {

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final List<String> delivered = new ArrayList<>();
    private final KinesisBatchProcessor processor = new KinesisBatchProcessor(new LogDecoder(SchemaRules.DEFAULTS),
            type -> true, (records, deadline) -> {
                List<DeliveryOutcome> outcomes = new ArrayList<>();
                records.forEach(r -> {
                    delivered.add(r.logId());
                    outcomes.add(DeliveryOutcome.DELIVERED);
                });
                return outcomes;
            }, new FailedLogWriter(store, "failed-bucket", "failed", "kinesis-to-s3", ZoneOffset.UTC));

    @Test
    void process_awsSampleEvent_divertsItsPlainTextRecordsAsNotJson() throws IOException {
        KinesisEvent event;
        try (InputStream json = getClass().getResourceAsStream("/events/kinesis-event.json")) {
            assertThat(json).as("fixture from testing-internal").isNotNull();
            event = deserialize(json);
        }

        KinesisBatchProcessor.Result result = processor.process(event, Deadline.none(Clock.fixed(Instant.parse("2026-11-24T10:15:31Z"), ZoneOffset.UTC)));

        assertThat(result.response().getBatchItemFailures()).isEmpty();
        assertThat(result.summary().diverted()).containsEntry(RejectReason.NOT_JSON, 2L);
        assertThat(store.keys("failed-bucket")).containsExactly("failed/not_json/2018-12/17/2018-12-17-22:10:50-"
                + "shardId-000000000006-49590338271490256608559692538361571095921575989136588898.gz");
        List<FailedLogEnvelope> envelopes = FailedLogReader.read(store.objects().get(0).body());
        assertThat(envelopes).extracting(FailedLogEnvelope::dataText)
                .containsExactly("Hello, this is a test.", "This is only a test.");
    }

    @Test
    void process_builtEventAfterRuntimeDeserialisation_deliversEveryLine() {
        Instant arrival = Instant.parse("2026-11-24T10:15:30.250Z");
        String json = KinesisEventBuilder.ofLines(List.of(
                        "{\"log_type\":\"app\",\"log_id\":\"a-1\",\"time\":\"" + arrival + "\"}",
                        "{\"log_type\":\"app\",\"log_id\":\"a-2\",\"time\":" + arrival.toEpochMilli() + "}"))
                .arrivals(arrival, java.time.Duration.ofMillis(3))
                .toJson();

        KinesisBatchProcessor.Result result = processor.process(
                deserialize(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))),
                Deadline.none(Clock.fixed(Instant.parse("2026-11-24T10:15:31Z"), ZoneOffset.UTC)));

        assertThat(delivered).containsExactly("a-1", "a-2");
        assertThat(result.response().getBatchItemFailures()).isEmpty();
    }

    private KinesisEvent deserialize(InputStream json) {
        return LambdaEventSerializers.serializerFor(KinesisEvent.class, getClass().getClassLoader()).fromJson(json);
    }
}
