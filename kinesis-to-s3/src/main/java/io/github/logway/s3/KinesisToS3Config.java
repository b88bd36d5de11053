package io.github.logway.s3;

import io.github.logway.core.config.CommonConfig;
import io.github.logway.core.config.EnvReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The configuration of kinesis-to-s3 (PRODUCT.md §3 and §4), read once at cold start.
 *
 * @param common the variables every function reads
 * @param bucket {@code LOG_S3_BUCKET}, where logs are archived
 * @param prefix {@code LOG_S3_PREFIX} without leading or trailing slashes; empty means keys start with the log type
 * @param unknownPrefix {@code LOG_TYPE_UNKNOWN_PREFIX} without slashes: invalid records go to
 *     {@code {prefix}/{unknownPrefix}/{reason}/...} in the same bucket unless {@code FAILED_LOG_S3_BUCKET} is set
 * @param timezone {@code TIMEZONE}, the zone of the day (and hour) that groups records and names keys
 * @param keyLayout {@code S3_KEY_LAYOUT}
 * @param compression {@code S3_COMPRESSION}
 * @param compressionLevel {@code S3_COMPRESSION_LEVEL}, valid for the codec (0 for {@code none})
 * @param sseKmsKeyId {@code S3_SSE_KMS_KEY_ID}; empty means the bucket's default encryption
 * @param storageClass {@code S3_STORAGE_CLASS} in upper case; empty means {@code STANDARD}
 * @param maxObjectBytes {@code S3_MAX_OBJECT_BYTES}: most bytes of log text (before compression) per object
 * @param uploadConcurrency {@code S3_UPLOAD_CONCURRENCY}: uploads running at the same time
 * @param forcePathStyle {@code S3_FORCE_PATH_STYLE}: path-style requests (local servers, some S3-compatible stores)
 */
public record KinesisToS3Config(
        CommonConfig common,
        String bucket,
        String prefix,
        String unknownPrefix,
        ZoneId timezone,
        KeyLayout keyLayout,
        Compression compression,
        int compressionLevel,
        Optional<String> sseKmsKeyId,
        Optional<String> storageClass,
        long maxObjectBytes,
        int uploadConcurrency,
        boolean forcePathStyle) {

    public static final String LOG_S3_BUCKET = "LOG_S3_BUCKET";
    public static final String LOG_S3_PREFIX = "LOG_S3_PREFIX";
    public static final String LOG_TYPE_UNKNOWN_PREFIX = "LOG_TYPE_UNKNOWN_PREFIX";
    public static final String TIMEZONE = "TIMEZONE";
    public static final String S3_KEY_LAYOUT = "S3_KEY_LAYOUT";
    public static final String S3_COMPRESSION = "S3_COMPRESSION";
    public static final String S3_COMPRESSION_LEVEL = "S3_COMPRESSION_LEVEL";
    public static final String S3_SSE_KMS_KEY_ID = "S3_SSE_KMS_KEY_ID";
    public static final String S3_STORAGE_CLASS = "S3_STORAGE_CLASS";
    public static final String S3_MAX_OBJECT_BYTES = "S3_MAX_OBJECT_BYTES";
    public static final String S3_UPLOAD_CONCURRENCY = "S3_UPLOAD_CONCURRENCY";
    public static final String S3_FORCE_PATH_STYLE = "S3_FORCE_PATH_STYLE";

    /** Default {@code LOG_TYPE_UNKNOWN_PREFIX}, Baikonur's. */
    public static final String DEFAULT_UNKNOWN_PREFIX = "unknown";
    /** Default {@code TIMEZONE}. */
    public static final ZoneId DEFAULT_TIMEZONE = ZoneOffset.UTC;
    /**
     * Default {@code S3_MAX_OBJECT_BYTES}: 64 MiB of log text. A 6 MB event of plain records holds at most 6 MB;
     * gzip or KPL records inflate to more, and the cap bounds the memory one object needs.
     */
    public static final long DEFAULT_MAX_OBJECT_BYTES = 64L * 1024 * 1024;
    /** Smallest {@code S3_MAX_OBJECT_BYTES}: 1 KiB, about two typical lines. */
    public static final long MIN_MAX_OBJECT_BYTES = 1024;
    /**
     * Largest {@code S3_MAX_OBJECT_BYTES}: 1 GiB, well under S3's single PutObject limit of 5 GiB and Java's 2 GiB
     * array limit for the body.
     */
    public static final long LARGEST_MAX_OBJECT_BYTES = 1024L * 1024 * 1024;
    /** Default {@code S3_UPLOAD_CONCURRENCY}: uploads are I/O-bound; 8 keeps a 1-vCPU function busy. */
    public static final int DEFAULT_UPLOAD_CONCURRENCY = 8;
    /** Largest {@code S3_UPLOAD_CONCURRENCY}; each upload holds one compressed object in memory. */
    public static final int MAX_UPLOAD_CONCURRENCY = 64;
    /**
     * Largest {@code LOG_S3_PREFIX} plus {@code LOG_TYPE_UNKNOWN_PREFIX}, UTF-8 bytes: S3 keys are at most 1,024
     * bytes, and a key also holds a log type (up to 400 bytes), the date and a hashed log id (64).
     */
    public static final int MAX_PREFIX_BYTES = 400;

    /** S3 bucket names: 3 to 63 lower-case letters, digits, dots and hyphens (or an access point ARN). */
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]|arn:aws[a-z-]*:s3.+");

    public KinesisToS3Config {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(unknownPrefix, "unknownPrefix");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(keyLayout, "keyLayout");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(sseKmsKeyId, "sseKmsKeyId");
        Objects.requireNonNull(storageClass, "storageClass");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("bucket must not be empty");
        }
        if (unknownPrefix.isEmpty()) {
            throw new IllegalArgumentException("unknownPrefix must not be empty");
        }
        if (compression != Compression.NONE && !compression.accepts(compressionLevel)) {
            throw new IllegalArgumentException("compression level " + compressionLevel + " is not valid for "
                    + compression);
        }
        if (maxObjectBytes < 1) {
            throw new IllegalArgumentException("maxObjectBytes must be positive: " + maxObjectBytes);
        }
        if (uploadConcurrency < 1) {
            throw new IllegalArgumentException("uploadConcurrency must be positive: " + uploadConcurrency);
        }
    }

    /**
     * Reads and validates every variable; fails with one {@link io.github.logway.core.config.ConfigException}
     * naming every bad variable, its value and what is allowed.
     */
    public static KinesisToS3Config read(EnvReader env) {
        CommonConfig common = CommonConfig.read(env, false);

        String bucket = env.required(LOG_S3_BUCKET);
        if (!bucket.isEmpty() && !BUCKET_NAME.matcher(bucket).matches()) {
            env.invalid(LOG_S3_BUCKET, bucket,
                    "must be an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)");
        }
        String prefix = stripSlashes(env.string(LOG_S3_PREFIX, ""));
        String unknownPrefix = stripSlashes(env.string(LOG_TYPE_UNKNOWN_PREFIX, DEFAULT_UNKNOWN_PREFIX));
        if (unknownPrefix.isEmpty()) {
            env.invalid(LOG_TYPE_UNKNOWN_PREFIX, env.string(LOG_TYPE_UNKNOWN_PREFIX, ""),
                    "must name a folder (not only slashes)");
            unknownPrefix = DEFAULT_UNKNOWN_PREFIX;
        }
        int prefixBytes = (prefix + "/" + unknownPrefix).getBytes(StandardCharsets.UTF_8).length;
        if (prefixBytes > MAX_PREFIX_BYTES) {
            env.problem(LOG_S3_PREFIX + " and " + LOG_TYPE_UNKNOWN_PREFIX + " together must be at most "
                    + MAX_PREFIX_BYTES + " bytes (got " + prefixBytes + ")");
        }

        ZoneId timezone = env.zoneId(TIMEZONE, DEFAULT_TIMEZONE);
        KeyLayout keyLayout = env.enumValue(S3_KEY_LAYOUT, KeyLayout.BAIKONUR, KeyLayout.class);
        Compression compression = env.enumValue(S3_COMPRESSION, Compression.GZIP, Compression.class);
        int level = compressionLevel(env, compression);

        Optional<String> sseKmsKeyId = env.optional(S3_SSE_KMS_KEY_ID);
        Optional<String> storageClass = env.optional(S3_STORAGE_CLASS).map(value -> value.toUpperCase(Locale.ROOT));
        Set<String> storageClasses = storageClassNames();
        if (storageClass.isPresent() && !storageClasses.contains(storageClass.get())) {
            env.invalid(S3_STORAGE_CLASS, env.string(S3_STORAGE_CLASS, ""),
                    "must be one of " + String.join(", ", storageClasses));
            storageClass = Optional.empty();
        }

        long maxObjectBytes = env.longInRange(S3_MAX_OBJECT_BYTES, DEFAULT_MAX_OBJECT_BYTES, MIN_MAX_OBJECT_BYTES,
                LARGEST_MAX_OBJECT_BYTES);
        int uploadConcurrency = env.intInRange(S3_UPLOAD_CONCURRENCY, DEFAULT_UPLOAD_CONCURRENCY, 1,
                MAX_UPLOAD_CONCURRENCY);
        boolean forcePathStyle = env.bool(S3_FORCE_PATH_STYLE, false);

        env.throwIfInvalid();
        return new KinesisToS3Config(common, bucket, prefix, unknownPrefix, timezone, keyLayout, compression, level,
                sseKmsKeyId, storageClass, maxObjectBytes, uploadConcurrency, forcePathStyle);
    }

    /** The prefix of invalid records in {@link #bucket()}: {@code {prefix}/{unknownPrefix}}. */
    public String unknownKeyPrefix() {
        return prefix.isEmpty() ? unknownPrefix : prefix + "/" + unknownPrefix;
    }

    private static int compressionLevel(EnvReader env, Compression compression) {
        Optional<String> raw = env.optional(S3_COMPRESSION_LEVEL);
        if (raw.isEmpty()) {
            return compression.defaultLevel();
        }
        String name = compression.name().toLowerCase(Locale.ROOT);
        if (compression == Compression.NONE) {
            env.invalid(S3_COMPRESSION_LEVEL, raw.get(), "must be unset when " + S3_COMPRESSION + "=" + name);
            return compression.defaultLevel();
        }
        try {
            int level = Integer.parseInt(raw.get());
            if (compression.accepts(level)) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        env.invalid(S3_COMPRESSION_LEVEL, raw.get(), "must be an integer from " + compression.minLevel() + " to "
                + compression.maxLevel() + " for " + S3_COMPRESSION + "=" + name);
        return compression.defaultLevel();
    }

    private static Set<String> storageClassNames() {
        Set<String> names = new TreeSet<>();
        for (StorageClass storageClass : StorageClass.knownValues()) {
            names.add(storageClass.toString());
        }
        return names;
    }

    private static String stripSlashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '/') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(start, end);
    }
}
