package io.github.logway.local.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * What replay did with one source (or, as the total, with all of them), printed as one JSON line with the keys of
 * PRODUCT.md §10: {@code source, events, sent, skipped, failed}; the total line has {@code "total": true} instead
 * of {@code source}. Outside a dry run, {@code events = sent + skipped + failed}.
 *
 * @param source the object's {@code s3://} URL or {@code QUEUE_URL#MESSAGE_ID}; null for the total
 * @param events records the source holds
 * @param sent records put into the target stream
 * @param skipped records not sent because the source was replayed before
 * @param failed records that could not be read or sent
 */
record ReplayCounts(String source, long events, long sent, long skipped, long failed) {

    /** The keys of a source line, in order. */
    static final List<String> KEYS = List.of("source", "events", "sent", "skipped", "failed");

    private static final JsonFactory JSON = new JsonFactory();

    ReplayCounts {
        if (events < 0 || sent < 0 || skipped < 0 || failed < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    static ReplayCounts total() {
        return new ReplayCounts(null, 0, 0, 0, 0);
    }

    /** A source that was replayed before. */
    static ReplayCounts skipped(String source, long events) {
        return new ReplayCounts(Objects.requireNonNull(source, "source"), events, 0, events, 0);
    }

    boolean isTotal() {
        return source == null;
    }

    /** This total plus one source's counts. */
    ReplayCounts plus(ReplayCounts other) {
        return new ReplayCounts(source, events + other.events, sent + other.sent, skipped + other.skipped,
                failed + other.failed);
    }

    String toJson() {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            if (isTotal()) {
                json.writeBooleanField("total", true);
            } else {
                json.writeStringField("source", source);
            }
            json.writeNumberField("events", events);
            json.writeNumberField("sent", sent);
            json.writeNumberField("skipped", skipped);
            json.writeNumberField("failed", failed);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }
}
