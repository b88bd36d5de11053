package io.github.logway.schema;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything decoding and validation need, built once at cold start from configuration.
 *
 * @param fieldNames names of the three required fields
 * @param maxTimeSkewFuture how far after its arrival a record's time may lie ({@code MAX_TIME_SKEW_FUTURE})
 * @param maxTimeSkewPast how far before its arrival a record's time may lie ({@code MAX_TIME_SKEW_PAST})
 * @param cwlMetadataField field that receives {@code {log_group, log_stream, event_id}}, or empty for none
 * @param cwlTextMode what to do with CloudWatch Logs messages that are not JSON objects
 * @param cwlLogTypeMap log group glob to log type, first match wins (used with {@link CwlTextMode#WRAP})
 * @param maxDecompressedBytes cap on the inflated size of one gzip record
 * @param maxEventBytes cap on the size of one log event
 * @param maxNestingDepth cap on JSON nesting depth
 */
public record SchemaRules(
        FieldNames fieldNames,
        Duration maxTimeSkewFuture,
        Duration maxTimeSkewPast,
        String cwlMetadataField,
        CwlTextMode cwlTextMode,
        List<LogTypeMapping> cwlLogTypeMap,
        int maxDecompressedBytes,
        int maxEventBytes,
        int maxNestingDepth) {

    /** Default {@code MAX_TIME_SKEW_FUTURE}. */
    public static final Duration DEFAULT_MAX_TIME_SKEW_FUTURE = Duration.ofDays(7);
    /** Default {@code MAX_TIME_SKEW_PAST}. */
    public static final Duration DEFAULT_MAX_TIME_SKEW_PAST = Duration.ofDays(3650);
    /**
     * Inflated size cap of one gzip record: 64 MiB. A 1 MiB Kinesis record of CloudWatch Logs text rarely
     * inflates past 20x; more is treated as a bomb ({@code gzip_too_large}) instead of exhausting the heap.
     */
    public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;
    /** One log event may be as large as the largest Kinesis record a stream can take: 10 MiB. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 10 * 1024 * 1024;
    /** JSON nesting cap. OpenSearch's own default mapping depth limit is 20; 64 leaves room for S3-only types. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    public static final SchemaRules DEFAULTS = new SchemaRules(FieldNames.DEFAULTS, DEFAULT_MAX_TIME_SKEW_FUTURE,
            DEFAULT_MAX_TIME_SKEW_PAST, "", CwlTextMode.REJECT, List.of(), DEFAULT_MAX_DECOMPRESSED_BYTES,
            DEFAULT_MAX_EVENT_BYTES, DEFAULT_MAX_NESTING_DEPTH);

    public SchemaRules {
        Objects.requireNonNull(fieldNames, "fieldNames");
        Objects.requireNonNull(maxTimeSkewFuture, "maxTimeSkewFuture");
        Objects.requireNonNull(maxTimeSkewPast, "maxTimeSkewPast");
        cwlMetadataField = cwlMetadataField == null ? "" : cwlMetadataField;
        Objects.requireNonNull(cwlTextMode, "cwlTextMode");
        cwlLogTypeMap = List.copyOf(cwlLogTypeMap);
        if (maxDecompressedBytes <= 0 || maxEventBytes <= 0 || maxNestingDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public SchemaRules withFieldNames(FieldNames names) {
        return new SchemaRules(names, maxTimeSkewFuture, maxTimeSkewPast, cwlMetadataField, cwlTextMode,
                cwlLogTypeMap, maxDecompressedBytes, maxEventBytes, maxNestingDepth);
    }

    public SchemaRules withCwl(String metadataField, CwlTextMode textMode, List<LogTypeMapping> logTypeMap) {
        return new SchemaRules(fieldNames, maxTimeSkewFuture, maxTimeSkewPast, metadataField, textMode, logTypeMap,
                maxDecompressedBytes, maxEventBytes, maxNestingDepth);
    }

    public SchemaRules withTimeSkew(Duration future, Duration past) {
        return new SchemaRules(fieldNames, future, past, cwlMetadataField, cwlTextMode, cwlLogTypeMap,
                maxDecompressedBytes, maxEventBytes, maxNestingDepth);
    }

    public SchemaRules withLimits(int decompressedBytes, int eventBytes, int nestingDepth) {
        return new SchemaRules(fieldNames, maxTimeSkewFuture, maxTimeSkewPast, cwlMetadataField, cwlTextMode,
                cwlLogTypeMap, decompressedBytes, eventBytes, nestingDepth);
    }

    /** The log type for a CloudWatch Logs log group from {@link #cwlLogTypeMap()}, or {@code null} if none matches. */
    public String logTypeForLogGroup(String logGroup) {
        for (LogTypeMapping mapping : cwlLogTypeMap) {
            if (mapping.matches(logGroup)) {
                return mapping.logType();
            }
        }
        return null;
    }
}
