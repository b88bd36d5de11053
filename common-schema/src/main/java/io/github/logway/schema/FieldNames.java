package io.github.logway.schema;

import java.util.Objects;

/**
 * Names of the three required fields ({@code LOG_TYPE_FIELD}, {@code LOG_ID_FIELD}, {@code LOG_TIMESTAMP_FIELD}).
 *
 * @param logType field holding the log type, default {@code log_type}
 * @param logId field holding the idempotency key, default {@code log_id}
 * @param time field holding the event time, default {@code time}
 */
public record FieldNames(String logType, String logId, String time) {

    public static final String DEFAULT_LOG_TYPE = "log_type";
    public static final String DEFAULT_LOG_ID = "log_id";
    public static final String DEFAULT_TIME = "time";

    public static final FieldNames DEFAULTS = new FieldNames(DEFAULT_LOG_TYPE, DEFAULT_LOG_ID, DEFAULT_TIME);

    public FieldNames {
        Objects.requireNonNull(logType, "logType");
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(time, "time");
        // Jackson hands out interned field names; interning ours keeps the comparison on the hot path an identity check.
        logType = logType.intern();
        logId = logId.intern();
        time = time.intern();
    }
}
