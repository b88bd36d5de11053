package io.github.logway.forward;

import io.github.logway.core.config.CommonConfig;
import io.github.logway.core.config.EnvReader;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configuration of kinesis-forward (PRODUCT.md §3 and §6), read once at cold start.
 *
 * @param common the variables every function reads; {@code FAILED_LOG_S3_BUCKET} is required
 * @param targetStream {@code TARGET_STREAM_NAME}: a stream name or a stream ARN
 * @param targetRoleArn {@code TARGET_ROLE_ARN}: a role to assume for the target (another account), if any
 * @param maxRetries {@code KINESIS_MAX_RETRIES}: PutRecords retries of failed entries after the first attempt
 * @param partitionKey {@code PARTITION_KEY}
 * @param outputFormat {@code OUTPUT_FORMAT}
 */
public record KinesisForwardConfig(
        CommonConfig common,
        String targetStream,
        Optional<String> targetRoleArn,
        int maxRetries,
        PartitionKeySource partitionKey,
        OutputFormat outputFormat) {

    public static final String TARGET_STREAM_NAME = "TARGET_STREAM_NAME";
    public static final String TARGET_ROLE_ARN = "TARGET_ROLE_ARN";
    public static final String KINESIS_MAX_RETRIES = "KINESIS_MAX_RETRIES";
    public static final String PARTITION_KEY = "PARTITION_KEY";
    public static final String OUTPUT_FORMAT = "OUTPUT_FORMAT";

    /** Default {@code KINESIS_MAX_RETRIES}: 3 retries after the first attempt, at most 0.7 s of backoff in all. */
    public static final int DEFAULT_MAX_RETRIES = 3;
    /** Largest {@code KINESIS_MAX_RETRIES}: 20; the Lambda deadline bounds the retries in any case. */
    public static final int LARGEST_MAX_RETRIES = 20;

    /** A stream name: 1 to 128 of {@code [a-zA-Z0-9_.-]} (Kinesis CreateStream StreamName limit). */
    private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");
    /** A stream ARN: {@code arn:PARTITION:kinesis:REGION:ACCOUNT:stream/NAME} (Kinesis StreamARN pattern). */
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:kinesis:[a-z0-9-]+:[0-9]{12}:stream/[a-zA-Z0-9_.-]{1,128}");
    /** An IAM role ARN: {@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME}. */
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");

    public KinesisForwardConfig {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(targetStream, "targetStream");
        Objects.requireNonNull(targetRoleArn, "targetRoleArn");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(outputFormat, "outputFormat");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
    }

    /**
     * Reads and validates every variable.
     *
     * @throws io.github.logway.core.config.ConfigException naming every bad variable, its value and what is allowed
     */
    public static KinesisForwardConfig read(EnvReader env) {
        CommonConfig common = CommonConfig.read(env, true);
        String targetStream = env.required(TARGET_STREAM_NAME);
        if (!targetStream.isEmpty() && !isStreamName(targetStream) && !isStreamArn(targetStream)) {
            env.invalid(TARGET_STREAM_NAME, targetStream, "must be a stream name (1 to 128 of a-z A-Z 0-9 _ . -)"
                    + " or a stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME)");
        }
        Optional<String> roleArn = env.optional(TARGET_ROLE_ARN);
        if (roleArn.isPresent() && !ROLE_ARN.matcher(roleArn.get()).matches()) {
            env.invalid(TARGET_ROLE_ARN, roleArn.get(), "must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
        }
        int maxRetries = env.intInRange(KINESIS_MAX_RETRIES, DEFAULT_MAX_RETRIES, 0, LARGEST_MAX_RETRIES);
        PartitionKeySource partitionKey =
                env.enumValue(PARTITION_KEY, PartitionKeySource.SOURCE, PartitionKeySource.class);
        OutputFormat outputFormat = env.enumValue(OUTPUT_FORMAT, OutputFormat.RECORD, OutputFormat.class);
        env.throwIfInvalid();
        return new KinesisForwardConfig(common, targetStream, roleArn, maxRetries, partitionKey, outputFormat);
    }

    /** Whether the target is given as an ARN (addressed by {@code StreamARN}, possibly in another account). */
    public boolean targetIsArn() {
        return isStreamArn(targetStream);
    }

    /** The region of a target given as an ARN. */
    public Optional<String> targetRegion() {
        if (!targetIsArn()) {
            return Optional.empty();
        }
        return Optional.of(targetStream.split(":", 6)[3]);
    }

    static boolean isStreamName(String value) {
        return STREAM_NAME.matcher(value).matches();
    }

    static boolean isStreamArn(String value) {
        return STREAM_ARN.matcher(value).matches();
    }
}
