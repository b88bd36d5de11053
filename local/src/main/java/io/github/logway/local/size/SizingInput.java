package io.github.logway.local.size;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code ./logway size} sizes for, validated.
 *
 * @param megabytesPerSecond average log text written, 10^6 bytes per second, above 0
 * @param recordBytes average bytes per log record (one Kinesis record each), 1 to 1,048,576
 * @param functions the consumers that run, at least one, in command-line order
 * @param memoryMb Lambda memory of every function, 128 to 10,240
 * @param batchSize the event source mapping's batch size, 1 to 10,000
 * @param jit the JIT setting of the Lambda JVM
 * @param retentionDays how long S3 keeps the logs, at least 1
 */
record SizingInput(double megabytesPerSecond, int recordBytes, List<SizedFunction> functions, int memoryMb,
        int batchSize, SizedFunction.Jit jit, int retentionDays) {

    /** ~500-byte JSON lines, as every Logway benchmark uses (docs/performance.md). */
    static final int DEFAULT_RECORD_BYTES = 500;
    /** Java on Lambda: 1,024 MB or more is what the Terraform modules recommend. */
    static final int DEFAULT_MEMORY_MB = 1024;
    /** The Terraform modules' default {@code batch_size} (Baikonur's). */
    static final int DEFAULT_BATCH_SIZE = 100;
    /** How long S3 keeps the logs, for the storage estimate. */
    static final int DEFAULT_RETENTION_DAYS = 30;
    static final List<SizedFunction> DEFAULT_FUNCTIONS =
            List.of(SizedFunction.TO_S3, SizedFunction.TO_ES, SizedFunction.FORWARD);

    /** Lambda's smallest memory setting, MB. */
    static final int MIN_MEMORY_MB = 128;
    /** Lambda's largest memory setting, MB. */
    static final int MAX_MEMORY_MB = 10_240;
    /** Kinesis's default largest record (data plus partition key), 1 MiB. */
    static final int MAX_RECORD_BYTES = 1_048_576;
    /** The largest batch size of a Kinesis event source mapping. */
    static final int MAX_BATCH_SIZE = 10_000;

    SizingInput {
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(jit, "jit");
        if (!(megabytesPerSecond > 0) || Double.isInfinite(megabytesPerSecond)) {
            throw new IllegalArgumentException("megabytesPerSecond must be above 0, got " + megabytesPerSecond);
        }
        if (recordBytes < 1 || recordBytes > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("recordBytes must be 1 to " + MAX_RECORD_BYTES + ", got " + recordBytes);
        }
        if (functions.isEmpty() || Set.copyOf(functions).size() != functions.size()) {
            throw new IllegalArgumentException("functions must be non-empty and distinct, got " + functions);
        }
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
            throw new IllegalArgumentException("memoryMb must be " + MIN_MEMORY_MB + " to " + MAX_MEMORY_MB);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1 to " + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be at least 1, got " + retentionDays);
        }
        functions = List.copyOf(functions);
    }

    /** The input with every default and this rate. */
    static SizingInput withDefaults(double megabytesPerSecond) {
        return new SizingInput(megabytesPerSecond, DEFAULT_RECORD_BYTES, DEFAULT_FUNCTIONS, DEFAULT_MEMORY_MB,
                DEFAULT_BATCH_SIZE, SizedFunction.Jit.C1, DEFAULT_RETENTION_DAYS);
    }

    /** Log records per second. */
    double recordsPerSecond() {
        return megabytesPerSecond * 1_000_000 / recordBytes;
    }
}
