package io.github.logway.elb;

import io.github.logway.core.config.CommonConfig;
import io.github.logway.core.config.EnvReader;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configuration of elb-to-kinesis (PRODUCT.md §3 and §7), read once at cold start.
 *
 * @param common the variables every function reads; {@code FAILED_LOG_S3_BUCKET} is required
 * @param targetStream {@code TARGET_STREAM_NAME}: a stream name or a stream ARN
 * @param albLogType {@code ALB_LOG_TYPE}: the {@code log_type} of Application Load Balancer lines
 * @param elbLogType {@code ELB_LOG_TYPE}: the {@code log_type} of Classic Load Balancer lines
 * @param partitionKey {@code PARTITION_KEY}
 * @param continuationQueueUrl {@code CONTINUATION_QUEUE_URL}; empty means the queue each message came from
 */
public record ElbToKinesisConfig(
        CommonConfig common,
        String targetStream,
        String albLogType,
        String elbLogType,
        PartitionKeyMode partitionKey,
        Optional<String> continuationQueueUrl) {

    public static final String TARGET_STREAM_NAME = "TARGET_STREAM_NAME";
    public static final String ALB_LOG_TYPE = "ALB_LOG_TYPE";
    public static final String ELB_LOG_TYPE = "ELB_LOG_TYPE";
    public static final String PARTITION_KEY = "PARTITION_KEY";
    public static final String CONTINUATION_QUEUE_URL = "CONTINUATION_QUEUE_URL";

    /** Default {@code ALB_LOG_TYPE}. */
    public static final String DEFAULT_ALB_LOG_TYPE = "alb";
    /** Default {@code ELB_LOG_TYPE}. */
    public static final String DEFAULT_ELB_LOG_TYPE = "elb";
    /** A log type holds at most 100 characters (PRODUCT.md §2). */
    static final int MAX_LOG_TYPE_CHARS = 100;

    /** A stream name: 1 to 128 of {@code [a-zA-Z0-9_.-]} (Kinesis CreateStream StreamName limit). */
    private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");
    /** A stream ARN: {@code arn:PARTITION:kinesis:REGION:ACCOUNT:stream/NAME} (Kinesis StreamARN pattern). */
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:kinesis:[a-z0-9-]+:[0-9]{12}:stream/[a-zA-Z0-9_.-]{1,128}");
    /** A queue URL: an http(s) URL whose path ends in {@code /ACCOUNT/QUEUE}. */
    private static final Pattern QUEUE_URL = Pattern.compile("https?://[^\\s/]+(/[^\\s/]+)*/[^\\s/]+");

    public ElbToKinesisConfig {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(targetStream, "targetStream");
        Objects.requireNonNull(albLogType, "albLogType");
        Objects.requireNonNull(elbLogType, "elbLogType");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(continuationQueueUrl, "continuationQueueUrl");
    }

    /**
     * Reads and validates every variable.
     *
     * @throws io.github.logway.core.config.ConfigException naming every bad variable, its value and what is allowed
     */
    public static ElbToKinesisConfig read(EnvReader env) {
        CommonConfig common = CommonConfig.read(env, true);
        String targetStream = env.required(TARGET_STREAM_NAME);
        if (!targetStream.isEmpty() && !STREAM_NAME.matcher(targetStream).matches()
                && !STREAM_ARN.matcher(targetStream).matches()) {
            env.invalid(TARGET_STREAM_NAME, targetStream, "must be a stream name (1 to 128 of a-z A-Z 0-9 _ . -)"
                    + " or a stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME)");
        }
        String albLogType = logType(env, ALB_LOG_TYPE, DEFAULT_ALB_LOG_TYPE);
        String elbLogType = logType(env, ELB_LOG_TYPE, DEFAULT_ELB_LOG_TYPE);
        PartitionKeyMode partitionKey = env.enumValue(PARTITION_KEY, PartitionKeyMode.CLIENT_IP,
                PartitionKeyMode.class);
        Optional<String> queueUrl = env.optional(CONTINUATION_QUEUE_URL);
        if (queueUrl.isPresent() && !QUEUE_URL.matcher(queueUrl.get()).matches()) {
            env.invalid(CONTINUATION_QUEUE_URL, queueUrl.get(),
                    "must be an SQS queue URL such as https://sqs.REGION.amazonaws.com/ACCOUNT/QUEUE");
        }
        env.throwIfInvalid();
        return new ElbToKinesisConfig(common, targetStream, albLogType, elbLogType, partitionKey, queueUrl);
    }

    /** A log type as PRODUCT.md §2 allows it: 1 to 100 characters, no {@code ..}, slashes, whitespace or controls. */
    private static String logType(EnvReader env, String name, String defaultValue) {
        String value = env.string(name, defaultValue);
        if (!isValidLogType(value)) {
            env.invalid(name, value, "must be 1 to " + MAX_LOG_TYPE_CHARS
                    + " characters without '..', '/', '\\', whitespace or control characters");
            return defaultValue;
        }
        return value;
    }

    static boolean isValidLogType(String value) {
        int chars = value.codePointCount(0, value.length());
        if (chars < 1 || chars > MAX_LOG_TYPE_CHARS || value.contains("..")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
