package io.github.logway.local.size;

import java.util.Optional;

/**
 * A Kinesis consumer {@code ./logway size} can size, with the throughput one vCPU (1,769 MB of Lambda memory) of
 * it measured in docs/performance.md ("Issue 10: targets, figures and cost", the lower end of each reference
 * range, MB/s = 10^6 bytes of log text per second).
 *
 * <p>C2 is normal tiering; C1 is {@code -XX:TieredStopAtLevel=1}, what Lambda's Java runtimes start the JVM with
 * unless {@code JAVA_TOOL_OPTIONS} says otherwise. The benchmarks use no-op sinks: the figures are compute only.
 */
enum SizedFunction {

    /** kinesis-to-s3, gzip 6 ({@code KinesisToS3Benchmark}, 36–38 MB/s under C2, 19–20 under C1). */
    TO_S3("to-s3", 36, 19),
    /** kinesis-to-es, loopback {@code _bulk} ({@code KinesisToOpenSearchBenchmark}, ≈ 90 and ≈ 37 MB/s). */
    TO_ES("to-es", 90, 37),
    /** kinesis-forward, JSON lines ({@code KinesisForwardBenchmark shape=json}, 108 and 57 MB/s). */
    FORWARD("forward", 108, 57);

    /** Lambda memory that buys one full vCPU (Lambda's documented CPU allocation). */
    static final int ONE_VCPU_MEMORY_MB = 1769;

    private final String cliName;
    private final double c2MegabytesPerSecondPerVcpu;
    private final double c1MegabytesPerSecondPerVcpu;

    SizedFunction(String cliName, double c2MegabytesPerSecondPerVcpu, double c1MegabytesPerSecondPerVcpu) {
        this.cliName = cliName;
        this.c2MegabytesPerSecondPerVcpu = c2MegabytesPerSecondPerVcpu;
        this.c1MegabytesPerSecondPerVcpu = c1MegabytesPerSecondPerVcpu;
    }

    /** The name on the command line, such as {@code to-s3}. */
    String cliName() {
        return cliName;
    }

    /** MB/s of log text one vCPU processes under this JIT setting. */
    double megabytesPerSecondPerVcpu(Jit jit) {
        return switch (jit) {
            case C1 -> c1MegabytesPerSecondPerVcpu;
            case C2 -> c2MegabytesPerSecondPerVcpu;
        };
    }

    /** The function named {@code name} on the command line. */
    static Optional<SizedFunction> byCliName(String name) {
        for (SizedFunction function : values()) {
            if (function.cliName.equals(name)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** The JIT setting the Lambda JVM runs with. */
    enum Jit {
        /** {@code -XX:TieredStopAtLevel=1}: Lambda's default for Java. */
        C1,
        /** Normal tiering ({@code JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=4}). */
        C2
    }
}
