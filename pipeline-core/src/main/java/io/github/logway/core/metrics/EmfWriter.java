package io.github.logway.core.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.logway.schema.RejectReason;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an invocation's {@link InvocationMetrics} as one CloudWatch Embedded Metric Format line: the metrics
 * under the {@code Logway} namespace with the dimension {@code function}.
 *
 * <p>Metrics: {@code RecordsIn}, {@code LogEvents}, {@code Delivered}, {@code Diverted} (total) and
 * {@code Diverted_<reason>} for each reason with a non-zero count (zero reasons are left out so unused reasons
 * create no custom metrics), {@code Dropped}, {@code Skipped}, {@code Retried}, {@code Failed} (Count),
 * {@code Bytes} (Bytes), {@code BatchAge} and {@code Duration} (Milliseconds).
 */
public final class EmfWriter {

    /** The CloudWatch namespace of every Logway metric. */
    public static final String NAMESPACE = "Logway";
    /** The dimension naming the function. */
    public static final String FUNCTION_DIMENSION = "function";
    /** Prefix of the per-reason diverted metrics, followed by the reason's code. */
    public static final String DIVERTED_PREFIX = "Diverted_";

    private static final JsonFactory JSON = new JsonFactory();

    private final String namespace;
    private final String functionName;
    private final Clock clock;

    /**
     * @param functionName the value of the {@code function} dimension, e.g. {@code kinesis-to-s3}
     * @param clock gives the line's {@code Timestamp}
     */
    public EmfWriter(String functionName, Clock clock) {
        this(NAMESPACE, functionName, clock);
    }

    /** A writer for another namespace (for tests and separate deployments). */
    public EmfWriter(String namespace, String functionName, Clock clock) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Prints the line (with a newline) to {@code out}. */
    public void write(InvocationMetrics metrics, PrintStream out) {
        String line = toLine(metrics);
        synchronized (out) {
            out.print(line);
            out.print('\n');
            out.flush();
        }
    }

    /** The EMF JSON line, without a newline. */
    public String toLine(InvocationMetrics metrics) {
        List<Metric> values = metricsOf(metrics);
        StringWriter buffer = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", clock.millis());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", namespace);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            json.writeString(FUNCTION_DIMENSION);
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Metric metric : values) {
                json.writeStartObject();
                json.writeStringField("Name", metric.name());
                json.writeStringField("Unit", metric.unit());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField(FUNCTION_DIMENSION, functionName);
            for (Metric metric : values) {
                json.writeNumberField(metric.name(), metric.value());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the metrics line", e);
        }
        return buffer.toString();
    }

    private static List<Metric> metricsOf(InvocationMetrics metrics) {
        List<Metric> values = new ArrayList<>();
        values.add(new Metric("RecordsIn", Unit.COUNT, metrics.recordsIn()));
        values.add(new Metric("LogEvents", Unit.COUNT, metrics.logEvents()));
        values.add(new Metric("Delivered", Unit.COUNT, metrics.delivered()));
        values.add(new Metric("Diverted", Unit.COUNT, metrics.diverted()));
        for (Map.Entry<RejectReason, Long> entry : metrics.divertedByReason().entrySet()) {
            values.add(new Metric(DIVERTED_PREFIX + entry.getKey().code(), Unit.COUNT, entry.getValue()));
        }
        values.add(new Metric("Dropped", Unit.COUNT, metrics.dropped()));
        values.add(new Metric("Skipped", Unit.COUNT, metrics.skipped()));
        values.add(new Metric("Retried", Unit.COUNT, metrics.retried()));
        values.add(new Metric("Failed", Unit.COUNT, metrics.failed()));
        values.add(new Metric("Bytes", Unit.BYTES, metrics.bytes()));
        values.add(new Metric("BatchAge", Unit.MILLISECONDS, metrics.batchAgeMillis()));
        values.add(new Metric("Duration", Unit.MILLISECONDS, metrics.durationMillis()));
        return values;
    }

    private static final class Unit {
        static final String COUNT = "Count";
        static final String BYTES = "Bytes";
        static final String MILLISECONDS = "Milliseconds";

        private Unit() {
        }
    }

    private record Metric(String name, String unit, long value) {
    }
}
