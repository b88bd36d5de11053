package io.github.logway.core.config;

import io.github.logway.core.log.LogLevel;
import io.github.logway.schema.CwlTextMode;
import io.github.logway.schema.FieldNames;
import io.github.logway.schema.LogTypeMapping;
import io.github.logway.schema.SchemaRules;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The variables every function reads (PRODUCT.md §3), read once at cold start.
 *
 * @param fieldNames {@code LOG_TYPE_FIELD}, {@code LOG_ID_FIELD}, {@code LOG_TIMESTAMP_FIELD}
 * @param logTypeWhitelist {@code LOG_TYPE_WHITELIST}; empty means every log type is processed
 * @param failedLogBucket {@code FAILED_LOG_S3_BUCKET}
 * @param failedLogPrefix {@code FAILED_LOG_S3_PREFIX} without leading or trailing slashes (may be empty)
 * @param maxTimeSkewFuture {@code MAX_TIME_SKEW_FUTURE}
 * @param maxTimeSkewPast {@code MAX_TIME_SKEW_PAST}
 * @param cwlMetadataField {@code CWL_METADATA_FIELD}; empty means off
 * @param cwlTextMode {@code CWL_TEXT_MODE}
 * @param cwlLogTypeMap {@code CWL_LOG_TYPE_MAP}
 * @param deadlineMargin {@code DEADLINE_MARGIN_MS}
 * @param maxRecordBytes {@code MAX_RECORD_BYTES}
 * @param logLevel {@code LOG_LEVEL}
 */
public record CommonConfig(
        FieldNames fieldNames,
        Set<String> logTypeWhitelist,
        Optional<String> failedLogBucket,
        String failedLogPrefix,
        Duration maxTimeSkewFuture,
        Duration maxTimeSkewPast,
        String cwlMetadataField,
        CwlTextMode cwlTextMode,
        List<LogTypeMapping> cwlLogTypeMap,
        Duration deadlineMargin,
        int maxRecordBytes,
        LogLevel logLevel) {

    public static final String LOG_TYPE_FIELD = "LOG_TYPE_FIELD";
    public static final String LOG_ID_FIELD = "LOG_ID_FIELD";
    public static final String LOG_TIMESTAMP_FIELD = "LOG_TIMESTAMP_FIELD";
    public static final String LOG_TYPE_WHITELIST = "LOG_TYPE_WHITELIST";
    public static final String FAILED_LOG_S3_BUCKET = "FAILED_LOG_S3_BUCKET";
    public static final String FAILED_LOG_S3_PREFIX = "FAILED_LOG_S3_PREFIX";
    public static final String MAX_TIME_SKEW_FUTURE = "MAX_TIME_SKEW_FUTURE";
    public static final String MAX_TIME_SKEW_PAST = "MAX_TIME_SKEW_PAST";
    public static final String CWL_METADATA_FIELD = "CWL_METADATA_FIELD";
    public static final String CWL_TEXT_MODE = "CWL_TEXT_MODE";
    public static final String CWL_LOG_TYPE_MAP = "CWL_LOG_TYPE_MAP";
    public static final String DEADLINE_MARGIN_MS = "DEADLINE_MARGIN_MS";
    public static final String MAX_RECORD_BYTES = "MAX_RECORD_BYTES";
    public static final String LOG_LEVEL = "LOG_LEVEL";

    /** Default {@code FAILED_LOG_S3_PREFIX}. */
    public static final String DEFAULT_FAILED_LOG_PREFIX = "failed";
    /** Default {@code DEADLINE_MARGIN_MS}: 5,000 ms, enough to respond and flush logs and metrics. */
    public static final int DEFAULT_DEADLINE_MARGIN_MILLIS = 5_000;
    /** Largest {@code DEADLINE_MARGIN_MS}: 600,000 ms, 10 of Lambda's 15 minutes of maximum timeout. */
    public static final int MAX_DEADLINE_MARGIN_MILLIS = 600_000;
    /** Default {@code MAX_RECORD_BYTES}: the Kinesis record limit, 1 MiB of data + partition key by default. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
    /** Largest {@code MAX_RECORD_BYTES}: 10 MiB, the Kinesis record limit of a stream configured for large records. */
    public static final int LARGEST_MAX_RECORD_BYTES = 10 * 1024 * 1024;

    public CommonConfig {
        Objects.requireNonNull(fieldNames, "fieldNames");
        logTypeWhitelist = Set.copyOf(logTypeWhitelist);
        Objects.requireNonNull(failedLogBucket, "failedLogBucket");
        Objects.requireNonNull(failedLogPrefix, "failedLogPrefix");
        Objects.requireNonNull(maxTimeSkewFuture, "maxTimeSkewFuture");
        Objects.requireNonNull(maxTimeSkewPast, "maxTimeSkewPast");
        Objects.requireNonNull(cwlMetadataField, "cwlMetadataField");
        Objects.requireNonNull(cwlTextMode, "cwlTextMode");
        cwlLogTypeMap = List.copyOf(cwlLogTypeMap);
        Objects.requireNonNull(deadlineMargin, "deadlineMargin");
        Objects.requireNonNull(logLevel, "logLevel");
    }

    /**
     * Reads the common variables, recording problems in {@code env} without throwing: the caller reads its own
     * variables too, then calls {@link EnvReader#throwIfInvalid()}.
     *
     * @param failedLogBucketRequired whether a missing {@code FAILED_LOG_S3_BUCKET} is a problem (every function
     *     but kinesis-to-s3)
     */
    public static CommonConfig read(EnvReader env, boolean failedLogBucketRequired) {
        FieldNames fieldNames = new FieldNames(
                env.string(LOG_TYPE_FIELD, FieldNames.DEFAULT_LOG_TYPE),
                env.string(LOG_ID_FIELD, FieldNames.DEFAULT_LOG_ID),
                env.string(LOG_TIMESTAMP_FIELD, FieldNames.DEFAULT_TIME));
        if (new LinkedHashSet<>(List.of(fieldNames.logType(), fieldNames.logId(), fieldNames.time())).size() < 3) {
            env.problem(LOG_TYPE_FIELD + ", " + LOG_ID_FIELD + " and " + LOG_TIMESTAMP_FIELD
                    + " must name three different fields (got '" + fieldNames.logType() + "', '"
                    + fieldNames.logId() + "', '" + fieldNames.time() + "')");
        }

        Set<String> whitelist = new LinkedHashSet<>(env.commaList(LOG_TYPE_WHITELIST));

        Optional<String> failedLogBucket = env.optional(FAILED_LOG_S3_BUCKET);
        if (failedLogBucketRequired && failedLogBucket.isEmpty()) {
            env.problem(FAILED_LOG_S3_BUCKET + " is required");
        }
        String failedLogPrefix = stripSlashes(env.string(FAILED_LOG_S3_PREFIX, DEFAULT_FAILED_LOG_PREFIX));

        Duration future = positiveDuration(env, MAX_TIME_SKEW_FUTURE, SchemaRules.DEFAULT_MAX_TIME_SKEW_FUTURE);
        Duration past = positiveDuration(env, MAX_TIME_SKEW_PAST, SchemaRules.DEFAULT_MAX_TIME_SKEW_PAST);

        String cwlMetadataField = env.string(CWL_METADATA_FIELD, "");
        CwlTextMode cwlTextMode = env.enumValue(CWL_TEXT_MODE, CwlTextMode.REJECT, CwlTextMode.class);
        List<LogTypeMapping> cwlLogTypeMap = List.of();
        String mapText = env.string(CWL_LOG_TYPE_MAP, "");
        boolean mapParsed = true;
        try {
            cwlLogTypeMap = LogTypeMapping.parseList(mapText);
        } catch (IllegalArgumentException e) {
            mapParsed = false;
            env.invalid(CWL_LOG_TYPE_MAP, mapText,
                    e.getMessage() + "; must be a comma list of glob=log_type such as /aws/lambda/*=lambda,/ecs/*=ecs");
        }
        if (cwlTextMode == CwlTextMode.WRAP && cwlLogTypeMap.isEmpty() && mapParsed) {
            env.problem(CWL_LOG_TYPE_MAP + " is required when " + CWL_TEXT_MODE + "=wrap");
        }

        int deadlineMarginMillis = env.intInRange(DEADLINE_MARGIN_MS, DEFAULT_DEADLINE_MARGIN_MILLIS, 0,
                MAX_DEADLINE_MARGIN_MILLIS);
        int maxRecordBytes = env.intInRange(MAX_RECORD_BYTES, DEFAULT_MAX_RECORD_BYTES, 1, LARGEST_MAX_RECORD_BYTES);
        LogLevel logLevel = env.enumValue(LOG_LEVEL, LogLevel.INFO, LogLevel.class);

        return new CommonConfig(fieldNames, whitelist, failedLogBucket, failedLogPrefix, future, past,
                cwlMetadataField, cwlTextMode, cwlLogTypeMap, Duration.ofMillis(deadlineMarginMillis), maxRecordBytes,
                logLevel);
    }

    /** Whether records of {@code logType} are processed: always when the whitelist is empty. */
    public boolean allows(String logType) {
        return logTypeWhitelist.isEmpty() || logTypeWhitelist.contains(logType);
    }

    /** The decoding and validation rules this configuration asks for, other limits at their defaults. */
    public SchemaRules schemaRules() {
        return SchemaRules.DEFAULTS
                .withFieldNames(fieldNames)
                .withTimeSkew(maxTimeSkewFuture, maxTimeSkewPast)
                .withCwl(cwlMetadataField, cwlTextMode, cwlLogTypeMap);
    }

    private static Duration positiveDuration(EnvReader env, String name, Duration defaultValue) {
        Duration value = env.isoDuration(name, defaultValue);
        if (value.isNegative() || value.isZero()) {
            env.invalid(name, env.string(name, ""), "must be a positive ISO-8601 duration such as P7D");
            return defaultValue;
        }
        return value;
    }

    private static String stripSlashes(String prefix) {
        int start = 0;
        int end = prefix.length();
        while (start < end && prefix.charAt(start) == '/') {
            start++;
        }
        while (end > start && prefix.charAt(end - 1) == '/') {
            end--;
        }
        return prefix.substring(start, end);
    }
}
