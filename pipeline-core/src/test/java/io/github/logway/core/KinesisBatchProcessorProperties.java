package io.github.logway.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.schema.LogDecoder;
import io.github.logway.schema.LogRecord;
import io.github.logway.schema.RejectReason;
import io.github.logway.schema.SchemaRules;
import io.github.logway.testing.events.KinesisEventBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The checkpoint rule and the accounting of PRODUCT.md §3, for any mix of outcomes. */
class KinesisBatchProcessorProperties {

    /** What the test arranges for one log event. */
    enum Fate { DELIVER, RETRY, SINK_DIVERT, BAD_DATA, DROP }

    private static final Instant NOW = KinesisEventBuilder.DEFAULT_FIRST_ARRIVAL.plusSeconds(5);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Property(tries = 300)
    void checkpointIsTheLowestUnhandledRecord_andEveryEventIsCountedOnce(
            @ForAll("batches") List<List<Fate>> batch,
            @ForAll boolean badDataLogFails,
            @ForAll boolean sinkDivertLogFails) {
        InMemoryObjectStore store = new InMemoryObjectStore();
        if (badDataLogFails) {
            store.failWhen(key -> key.contains("/not_json/"), () -> new RetryableException("503 SlowDown"));
        }
        if (sinkDivertLogFails) {
            store.failWhen(key -> key.contains("/rejected_by_sink/"), () -> new RetryableException("timeout"));
        }
        List<byte[]> payloads = new ArrayList<>();
        for (int r = 0; r < batch.size(); r++) {
            List<String> lines = new ArrayList<>();
            for (int e = 0; e < batch.get(r).size(); e++) {
                lines.add(lineFor(batch.get(r).get(e), r + "-" + e));
            }
            payloads.add(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
        KinesisEventBuilder builder = KinesisEventBuilder.ofPayloads(payloads);
        LogSink sink = (records, deadline) -> {
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            for (LogRecord record : records) {
                outcomes.add(switchOn(record.logType()));
            }
            return outcomes;
        };
        KinesisBatchProcessor processor = new KinesisBatchProcessor(new LogDecoder(SchemaRules.DEFAULTS),
                type -> !type.equals("drop"), sink,
                new FailedLogWriter(store, "b", "failed", "fn", ZoneOffset.UTC));

        BatchSummary summary = processor.process(builder.build(), Deadline.at(NOW.plusSeconds(60), CLOCK)).summary();

        String expectedCheckpoint = null;
        long delivered = 0;
        long dropped = 0;
        long diverted = 0;
        long behind = 0;
        long events = 0;
        for (int r = 0; r < batch.size(); r++) {
            for (Fate fate : batch.get(r)) {
                events++;
                boolean handled = switch (fate) {
                    case DELIVER -> true;
                    case DROP -> true;
                    case RETRY -> false;
                    case BAD_DATA -> !badDataLogFails;
                    case SINK_DIVERT -> !sinkDivertLogFails;
                };
                if (!handled) {
                    behind++;
                    if (expectedCheckpoint == null) {
                        expectedCheckpoint = builder.sequenceNumber(r);
                    }
                } else if (fate == Fate.DELIVER) {
                    delivered++;
                } else if (fate == Fate.DROP) {
                    dropped++;
                } else {
                    diverted++;
                }
            }
        }
        assertThat(summary.checkpoint()).isEqualTo(expectedCheckpoint);
        assertThat(summary.logEvents()).isEqualTo(events);
        assertThat(summary.delivered()).isEqualTo(delivered);
        assertThat(summary.dropped()).isEqualTo(dropped);
        assertThat(summary.divertedTotal()).isEqualTo(diverted);
        assertThat(summary.behindCheckpoint()).isEqualTo(behind);
        assertThat(summary.balanced()).isTrue();
    }

    private static DeliveryOutcome switchOn(String logType) {
        return switch (logType) {
            case "retry" -> new DeliveryOutcome.Retryable("throttled");
            case "divert" -> new DeliveryOutcome.Diverted(RejectReason.REJECTED_BY_SINK, "mapping conflict");
            default -> DeliveryOutcome.DELIVERED;
        };
    }

    private static String lineFor(Fate fate, String id) {
        String type = switch (fate) {
            case DELIVER -> "ok";
            case RETRY -> "retry";
            case SINK_DIVERT -> "divert";
            case DROP -> "drop";
            case BAD_DATA -> null;
        };
        if (type == null) {
            return "not json " + id;
        }
        return "{\"log_type\":\"" + type + "\",\"log_id\":\"" + id + "\",\"time\":\"2026-01-15T10:00:00Z\"}";
    }

    @Provide
    Arbitrary<List<List<Fate>>> batches() {
        return Arbitraries.of(Fate.class).list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(0).ofMaxSize(30);
    }
}
