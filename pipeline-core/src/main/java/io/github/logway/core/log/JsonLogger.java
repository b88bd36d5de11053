package io.github.logway.core.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Structured logs of the function itself: one JSON object per line,
 * {@code {"level":"INFO","logger":"...","message":"...", ...fields}}, written to a {@link PrintStream} (by
 * default {@link System#out}, which Lambda sends to CloudWatch Logs).
 *
 * <p>Lines below the threshold ({@code LOG_LEVEL}) are dropped. Log per batch or per invocation, never per
 * record, and never put a record's payload in a message or field. Thread-safe.
 */
public final class JsonLogger {

    private static final JsonFactory JSON = new JsonFactory();
    /** Keys every line has; extra fields with these names get a trailing underscore instead of overwriting them. */
    private static final Set<String> RESERVED_KEYS = Set.of("level", "logger", "message");

    private final String name;
    private final LogLevel threshold;
    private final PrintStream out;

    /**
     * @param name the logger name written as {@code logger}, e.g. the class or function name
     * @param threshold lines below this level are dropped
     * @param out where lines go
     */
    public JsonLogger(String name, LogLevel threshold, PrintStream out) {
        this.name = Objects.requireNonNull(name, "name");
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** A logger writing to {@link System#out}. */
    public static JsonLogger create(String name, LogLevel threshold) {
        return new JsonLogger(name, threshold, System.out);
    }

    /** Whether lines at {@code level} are written. */
    public boolean isEnabled(LogLevel level) {
        return threshold.allows(level);
    }

    public void debug(String message) {
        log(LogLevel.DEBUG, message, Map.of(), null);
    }

    public void debug(String message, Map<String, ?> fields) {
        log(LogLevel.DEBUG, message, fields, null);
    }

    public void info(String message) {
        log(LogLevel.INFO, message, Map.of(), null);
    }

    public void info(String message, Map<String, ?> fields) {
        log(LogLevel.INFO, message, fields, null);
    }

    public void warn(String message) {
        log(LogLevel.WARN, message, Map.of(), null);
    }

    public void warn(String message, Map<String, ?> fields) {
        log(LogLevel.WARN, message, fields, null);
    }

    public void error(String message) {
        log(LogLevel.ERROR, message, Map.of(), null);
    }

    public void error(String message, Map<String, ?> fields) {
        log(LogLevel.ERROR, message, fields, null);
    }

    /** An error with its type and message as {@code error_type} and {@code error_message} (no stack trace). */
    public void error(String message, Throwable error, Map<String, ?> fields) {
        log(LogLevel.ERROR, message, fields, error);
    }

    /**
     * Writes one line if {@code level} passes the threshold.
     *
     * @param fields extra keys in iteration order; values may be strings, numbers, booleans, null, maps and
     *     collections of those, anything else is written with {@code toString()}
     * @param error an error to describe, or {@code null}
     */
    public void log(LogLevel level, String message, Map<String, ?> fields, Throwable error) {
        if (!isEnabled(level)) {
            return;
        }
        String line = render(level, message, fields, error);
        synchronized (out) {
            out.print(line);
            out.print('\n');
            out.flush();
        }
    }

    private String render(LogLevel level, String message, Map<String, ?> fields, Throwable error) {
        StringWriter buffer = new StringWriter(128);
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeStringField("level", level.name());
            json.writeStringField("logger", name);
            json.writeStringField("message", message);
            if (error != null) {
                json.writeStringField("error_type", error.getClass().getName());
                json.writeStringField("error_message", String.valueOf(error.getMessage()));
                if (error.getCause() != null) {
                    json.writeStringField("error_cause", error.getCause().getClass().getName());
                }
            }
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                String key = RESERVED_KEYS.contains(field.getKey()) ? field.getKey() + "_" : field.getKey();
                json.writeFieldName(key);
                writeValue(json, field.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a log line", e);
        }
        return buffer.toString();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double number && Double.isFinite(number)) {
            json.writeNumber(number);
        } else if (value instanceof Float number && Float.isFinite(number)) {
            json.writeNumber(number);
        } else if (value instanceof java.math.BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof java.math.BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else {
            json.writeString(value.toString());
        }
    }
}
