package io.github.logway.benchmarks;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.github.logway.core.BatchSummary;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.store.ObjectStore;
import io.github.logway.core.store.PutOptions;
import io.github.logway.s3.KinesisToS3Config;
import io.github.logway.s3.KinesisToS3Handler;
import io.github.logway.testing.events.FakeLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The first event in a fresh JVM (issue 10's cold-start target): kinesis-to-s3 with gzip level 6 and a discarding
 * object store, as {@code ./logway bench to-s3} builds it. Not a JMH benchmark: JMH's harness would load its own
 * classes first. Run it once per JVM and repeat the JVM:
 *
 * <pre>
 * ./logway bench gen --events 1000 --kind json --out /tmp/bench/json-1000.json
 * java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar io.github.logway.benchmarks.ColdStart /tmp/bench/json-1000.json
 * </pre>
 *
 * <p>Prints one JSON line on standard error (standard output carries the handler's EMF line, as in Lambda), all
 * times in milliseconds since the JVM's start ({@code RuntimeMXBean.getStartTime()}, which the JVM records
 * early in its own creation, so {@code exec} itself is not in it):
 * <ul>
 * <li>{@code main_ms}: the JVM has booted and loaded this class;</li>
 * <li>{@code handler_ms}: configuration read and the handler built; {@code init_ms}: also the runtime's event
 * serializer built (Lambda's init phase, without the real S3 client: see docs/performance.md);</li>
 * <li>{@code first_ms}: the first event deserialised from its raw JSON and handled; {@code first_invoke_ms} is
 * that invocation alone ({@code first_ms - init_ms} minus reading the file);</li>
 * <li>{@code second_invoke_ms}: the same event again, to show what the first paid for class loading and
 * interpretation.</li>
 * </ul>
 * and CPU time of the whole process (all threads, from {@code /proc/self/stat}, 10 ms ticks): {@code
 * handler_cpu_ms} and {@code init_cpu_ms} at those points since the start, {@code first_cpu_ms} during the first
 * invocation, {@code process_cpu_ms} at the end.
 */
public final class ColdStart {

    /** Linux's USER_HZ is 100. */
    private static final long CLOCK_TICK_MILLIS = 10;

    private ColdStart() {
    }

    /** Counts nothing, keeps nothing. */
    private static final class DiscardingStore implements ObjectStore {
        @Override
        public void put(String bucket, String key, byte[] body, PutOptions options) {
        }
    }

    /**
     * @param args the event file (a Kinesis event JSON, e.g. from {@code ./logway bench gen})
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        long mainMillis = System.currentTimeMillis();
        if (args.length != 1) {
            System.err.println("usage: ColdStart EVENT_FILE");
            System.exit(2);
        }
        // Lambda's init phase: the handler's constructor, and the runtime building its serializer for the type.
        Clock clock = Clock.systemUTC();
        KinesisToS3Config config = KinesisToS3Config.read(new EnvReader(Map.of(
                KinesisToS3Config.LOG_S3_BUCKET, "bench-bucket",
                KinesisToS3Config.S3_COMPRESSION, "gzip",
                KinesisToS3Config.S3_COMPRESSION_LEVEL, "6")));
        KinesisToS3Handler handler = new KinesisToS3Handler(config, new DiscardingStore(), clock, System.out);
        long handlerMillis = System.currentTimeMillis();
        long handlerCpu = processCpuMillis();
        PojoSerializer<KinesisEvent> serializer =
                LambdaEventSerializers.serializerFor(KinesisEvent.class, KinesisEvent.class.getClassLoader());
        long initMillis = System.currentTimeMillis();
        long initCpu = processCpuMillis();

        byte[] eventJson = Files.readAllBytes(Path.of(args[0]));

        long firstStart = System.nanoTime();
        BatchSummary first = invoke(handler, serializer, eventJson, clock);
        long firstNanos = System.nanoTime() - firstStart;
        long firstMillis = System.currentTimeMillis();
        long firstCpu = processCpuMillis();

        long secondStart = System.nanoTime();
        BatchSummary second = invoke(handler, serializer, eventJson, clock);
        long secondNanos = System.nanoTime() - secondStart;

        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        boolean complete = first.checkpoint() == null && first.delivered() == first.logEvents()
                && second.checkpoint() == null && second.delivered() == second.logEvents();
        System.err.printf("{\"main_ms\":%d,\"handler_ms\":%d,\"init_ms\":%d,\"init_cpu_ms\":%d,"
                        + "\"handler_cpu_ms\":%d,\"first_cpu_ms\":%d,\"first_ms\":%d,\"first_invoke_ms\":%.1f,"
                        + "\"second_invoke_ms\":%.1f,\"process_cpu_ms\":%d,\"classes_loaded\":%d,\"records\":%d,"
                        + "\"log_events\":%d,\"delivered\":%d,\"complete\":%b}%n",
                mainMillis - jvmStart, handlerMillis - jvmStart, initMillis - jvmStart, initCpu, handlerCpu,
                firstCpu - initCpu, firstMillis - jvmStart, firstNanos / 1e6,
                secondNanos / 1e6, cpuNanos / 1_000_000, classes, first.records(), first.logEvents(),
                first.delivered(), complete);
        System.exit(complete ? 0 : 1);
    }

    /**
     * CPU time of the whole process so far (every thread: JIT compilers and GC included), from
     * {@code /proc/self/stat} in clock ticks of 10 ms; -1 elsewhere. Cheaper to load than the management beans.
     */
    private static long processCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of proc(5), utime and stime: indexes 11 and 12 after the command name.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * CLOCK_TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static BatchSummary invoke(KinesisToS3Handler handler, PojoSerializer<KinesisEvent> serializer,
            byte[] eventJson, Clock clock) {
        KinesisEvent event = serializer.fromJson(new ByteArrayInputStream(eventJson));
        return handler.process(event, FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(15))).summary();
    }
}
