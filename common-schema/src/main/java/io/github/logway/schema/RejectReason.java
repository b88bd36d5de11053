package io.github.logway.schema;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The closed set of reasons a log event is diverted to the failed log (PRODUCT.md §2).
 *
 * <p>Each constant's {@link #code()} is its name in lower case, a stable snake_case string used in metrics,
 * failed-log keys and the command line. Never rename a constant: other tools match these strings.
 */
public enum RejectReason {
    /** The bytes are not valid UTF-8. */
    NOT_UTF8,
    /** The text is not JSON (or has trailing data after the JSON value). */
    NOT_JSON,
    /** The JSON value is not an object (an array, a string, a number...). */
    NOT_OBJECT,
    /** The JSON nests deeper than the parser allows. */
    TOO_DEEP,
    /** One log event is larger than the parser allows. */
    TOO_LARGE,
    /** The record starts with the gzip magic but does not inflate. */
    CORRUPT_GZIP,
    /** The record inflates past the decompressed-size cap (a gzip bomb, or a misconfigured producer). */
    GZIP_TOO_LARGE,
    /** A KPL aggregate with a valid digest whose protobuf body does not decode. */
    CORRUPT_KPL,
    MISSING_LOG_TYPE,
    INVALID_LOG_TYPE,
    MISSING_LOG_ID,
    INVALID_LOG_ID,
    MISSING_TIME,
    INVALID_TIME,
    /** The time is further in the future or the past than the configured skew allows. */
    TIME_OUT_OF_RANGE,
    /** A CloudWatch Logs message that is not a JSON object, with {@code CWL_TEXT_MODE=reject} or no type mapping. */
    CWL_TEXT_MESSAGE,
    /** An ALB/ELB access-log line that does not parse (elb-to-kinesis). */
    INVALID_ACCESS_LOG_LINE,
    /** A sink refused one item permanently (an OpenSearch mapping conflict...); the detail holds the sink's error. */
    REJECTED_BY_SINK,
    /** The record is larger than the target accepts (a Kinesis record over {@code MAX_RECORD_BYTES}...). */
    RECORD_TOO_LARGE_FOR_TARGET;

    private static final Map<String, RejectReason> BY_CODE = new HashMap<>();

    static {
        for (RejectReason reason : values()) {
            BY_CODE.put(reason.code(), reason);
        }
    }

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The stable snake_case name, e.g. {@code invalid_log_type}. */
    public String code() {
        return code;
    }

    /** The reason with this snake_case code, or {@code null} if the code is unknown. */
    public static RejectReason fromCode(String code) {
        return BY_CODE.get(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
