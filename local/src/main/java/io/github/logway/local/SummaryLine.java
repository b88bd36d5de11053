package io.github.logway.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.logway.core.BatchSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The one-line JSON summary that {@code invoke} and {@code bench} print on stdout, with exactly the keys of
 * PRODUCT.md §10 in this order: {@code function, file, records, log_events, log_bytes, repeat, median_ms, min_ms,
 * cpu_ms, records_per_s, mb_per_s, us_per_event, delivered, diverted, dropped, skipped, checkpoint}. Other tools
 * parse these names: never rename one.
 *
 * @param function the function's command-line name ({@code to-s3}, {@code to-es}, {@code forward}, {@code elb})
 * @param file the event file as given
 * @param summary the accounting of one run (counts in log events, from the sinks)
 * @param repeat measured runs (1 for invoke)
 * @param medianMillis median wall time of one run
 * @param minMillis fastest run
 * @param cpuMillis CPU time of one run (median)
 */
public record SummaryLine(
        String function, String file, BatchSummary summary, int repeat, double medianMillis, double minMillis,
        double cpuMillis) {

    /** The keys, in the order they are written. */
    public static final List<String> KEYS = List.of("function", "file", "records", "log_events", "log_bytes",
            "repeat", "median_ms", "min_ms", "cpu_ms", "records_per_s", "mb_per_s", "us_per_event", "delivered",
            "diverted", "dropped", "skipped", "checkpoint");

    private static final JsonFactory JSON = new JsonFactory();

    public SummaryLine {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(summary, "summary");
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1: " + repeat);
        }
    }

    /** Records per second at the median wall time (0 when the run took no measurable time). */
    public double recordsPerSecond() {
        return medianMillis > 0 ? summary.records() / (medianMillis / 1000.0) : 0;
    }

    /** Decoded log text per second at the median wall time, in 10^6 bytes. */
    public double megabytesPerSecond() {
        return medianMillis > 0 ? summary.logBytes() / (medianMillis / 1000.0) / 1_000_000.0 : 0;
    }

    /** Microseconds of wall time per log event at the median. */
    public double microsecondsPerEvent() {
        return summary.logEvents() > 0 ? medianMillis * 1000.0 / summary.logEvents() : 0;
    }

    public String toJson() {
        StringWriter out = new StringWriter(320);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("function", function);
            json.writeStringField("file", file);
            json.writeNumberField("records", summary.records());
            json.writeNumberField("log_events", summary.logEvents());
            json.writeNumberField("log_bytes", summary.logBytes());
            json.writeNumberField("repeat", repeat);
            json.writeNumberField("median_ms", round(medianMillis, 3));
            json.writeNumberField("min_ms", round(minMillis, 3));
            json.writeNumberField("cpu_ms", round(cpuMillis, 3));
            json.writeNumberField("records_per_s", round(recordsPerSecond(), 1));
            json.writeNumberField("mb_per_s", round(megabytesPerSecond(), 3));
            json.writeNumberField("us_per_event", round(microsecondsPerEvent(), 3));
            json.writeNumberField("delivered", summary.delivered());
            json.writeNumberField("diverted", summary.divertedTotal());
            json.writeNumberField("dropped", summary.dropped());
            json.writeNumberField("skipped", summary.skipped());
            if (summary.checkpoint() == null) {
                json.writeNullField("checkpoint");
            } else {
                json.writeStringField("checkpoint", summary.checkpoint());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
