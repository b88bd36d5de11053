package io.github.logway.local.bench;

import io.github.logway.core.config.ConfigException;
import io.github.logway.local.Command;
import io.github.logway.local.ExitCodes;
import io.github.logway.local.LogwayFunction;
import io.github.logway.local.SummaryLine;
import io.github.logway.local.UsageException;
import io.github.logway.local.esm.LocalLambdaContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./logway bench FUNCTION --event FILE ...}: the real handler in-process on Lambda event files with no-op
 * sinks, one {@link SummaryLine} per file on stdout; and {@code ./logway bench gen}, which writes such files
 * ({@link GenCommand}). PRODUCT.md §10.
 */
public final class BenchCommand implements Command {

    static final String NAME = "bench";
    /** The word that selects {@code bench gen}. */
    static final String GEN = "gen";
    static final int DEFAULT_REPEAT = 10;
    static final int DEFAULT_WARMUP = 3;
    /** Lambda's longest timeout: the bench's deadline never cuts a run short. */
    private static final Duration LAMBDA_MAX_TIMEOUT = Duration.ofMinutes(15);
    /** Memory reported by the bench's Lambda context (1 vCPU). */
    private static final int MEMORY_MB = 1769;

    private final Clock clock;
    private final GenCommand gen;

    /** @param clock the clock of the handlers (and of {@code bench gen}'s times) */
    public BenchCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gen = new GenCommand(clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Time a function's real handler on Lambda event files, or write such files (bench gen)";
    }

    @Override
    public String usage() {
        return """
                Usage: ./logway bench FUNCTION --event FILE [--event FILE ...] [--repeat N] [--warmup N] [--env K=V ...]
                       ./logway bench gen --events N --kind json|cwl|kpl|alb --out FILE

                Runs FUNCTION's real handler in this JVM on each event FILE (standard Lambda event JSON:
                a Kinesis event, or an SQS event of S3 notifications for elb) and prints one JSON summary
                line per FILE on stdout, with the keys of PRODUCT.md section 10; nothing else goes to stdout.

                FUNCTION is one of to-s3, to-es, forward, elb. The handler has its default configuration,
                with placeholders for required variables (LOG_S3_BUCKET=bench-bucket, TARGET_STREAM_NAME=
                bench-target, FAILED_LOG_S3_BUCKET=bench-failed, INDEX_NAME_PREFIX=bench, ES_HOST=the
                loopback server, ES_AUTH=none, ES_INSTALL_TEMPLATE=false) and, for to-s3, S3_COMPRESSION=gzip
                S3_COMPRESSION_LEVEL=6 unless --env sets either. Sinks do no I/O: S3 and the failed log discard
                what they get, PutRecords accepts every entry, to-es talks to an HTTP server on 127.0.0.1
                answering _bulk with one success per action, and elb reads each object named by a notification
                from the file of the same name next to the event file (bench gen --kind alb writes it there).
                The handlers' metrics and log lines are discarded.

                Each file is read once; every run starts from its raw JSON, deserialised as the Lambda Java
                runtime does (that is part of an invocation's work). Counts (delivered, diverted, dropped,
                skipped, checkpoint) are those of the last timed run; median_ms and min_ms are wall time per
                run; cpu_ms is the median CPU time per run of the invoking thread and the handler's pools.

                Options:
                  --event FILE   a Lambda event JSON file; repeat for several (one line each, in order)
                  --repeat N     timed runs per file, at least 1 (default 10)
                  --warmup N     untimed runs per file first, at least 0 (default 3)
                  --env K=V      set (or override) a function variable; repeatable

                bench gen writes an event FILE of N log events of about 500 bytes (log_type from a few
                services, UUID log_id, ISO time with offset just before now, HTTP-like fields), the same for
                a given N: json = one line per Kinesis record; cwl = 50 events per record, a gzipped
                CloudWatch Logs DATA_MESSAGE; kpl = 100 per record, a KPL aggregate; alb = an SQS event whose
                S3 notification names NAME.log.gz (NAME = FILE's name without .json), written next to FILE
                with N ALB access-log lines. It prints what it wrote on stderr and nothing on stdout.

                Exit codes: 0 done; 1 a run left a record unhandled (a checkpoint or a failed SQS message);
                2 bad usage or configuration (unknown FUNCTION or option, missing --event, an unreadable or
                malformed FILE, an invalid variable).
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new UsageException("expected FUNCTION (" + String.join(", ", LogwayFunction.cliNames()) + ") or "
                    + GEN);
        }
        if (args.get(0).equals(GEN)) {
            return gen.run(args.subList(1, args.size()), err);
        }
        Options options = Options.parse(args);
        List<byte[]> events = new ArrayList<>();
        Set<Path> folders = new LinkedHashSet<>();
        for (String file : options.files()) {
            events.add(read(file));
            Path parent = Path.of(file).toAbsolutePath().getParent();
            if (parent != null) {
                folders.add(parent);
            }
        }
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        int exitCode = ExitCodes.SUCCESS;
        try (BenchTarget target = build(options, List.copyOf(folders), discard)) {
            for (int i = 0; i < events.size(); i++) {
                check(target, options.function(), options.files().get(i), events.get(i));
            }
            BenchRunner runner = new BenchRunner();
            AtomicLong invocations = new AtomicLong();
            for (int i = 0; i < events.size(); i++) {
                BenchRunner.Measurement measured = runner.measure(target, events.get(i), options.warmup(),
                        options.repeat(), () -> context(options.function(), invocations.incrementAndGet(), discard));
                out.println(new SummaryLine(options.function().cliName(), options.files().get(i), measured.summary(),
                        options.repeat(), measured.medianMillis(), measured.minMillis(), measured.cpuMillis())
                        .toJson());
                out.flush();
                if (measured.unhandled()) {
                    err.println("logway bench: " + options.files().get(i) + ": a run left records unhandled"
                            + " (checkpoint " + measured.summary().checkpoint() + ")");
                    exitCode = ExitCodes.UNHANDLED_RECORDS;
                }
            }
        }
        return exitCode;
    }

    private BenchTarget build(Options options, List<Path> folders, PrintStream handlerOut) {
        try {
            return BenchTargets.create(options.function(), options.env(), folders, clock, handlerOut);
        } catch (ConfigException e) {
            throw new UsageException("invalid configuration for " + options.function().cliName() + ": "
                    + String.join("; ", e.problems()));
        }
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read event file " + file + ": " + e);
        }
    }

    private static void check(BenchTarget target, LogwayFunction function, String file, byte[] eventJson) {
        try {
            target.check(eventJson);
        } catch (RuntimeException e) {
            String kind = function == LogwayFunction.ELB ? "an SQS event" : "a Kinesis event";
            throw new UsageException("event file " + file + " is not " + kind + " JSON for " + function.cliName()
                    + ": " + firstLine(e));
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private LocalLambdaContext context(LogwayFunction function, long invocation, PrintStream log) {
        String name = "logway-bench-" + function.cliName();
        return new LocalLambdaContext("bench-" + invocation, name,
                "arn:aws:lambda:ap-northeast-1:111122223333:function:" + name, MEMORY_MB, LAMBDA_MAX_TIMEOUT, clock,
                log);
    }

    /**
     * The parsed arguments of {@code bench FUNCTION}.
     *
     * @param function the function
     * @param files the event files, in order
     * @param repeat timed runs
     * @param warmup untimed runs
     * @param env the {@code --env} variables, later ones winning
     */
    record Options(LogwayFunction function, List<String> files, int repeat, int warmup, Map<String, String> env) {

        static Options parse(List<String> args) {
            LogwayFunction function = LogwayFunction.of(args.get(0)).orElseThrow(() -> new UsageException(
                    "unknown FUNCTION '" + args.get(0) + "'; one of " + String.join(", ", LogwayFunction.cliNames())
                            + " (or " + GEN + ")"));
            List<String> files = new ArrayList<>();
            int repeat = DEFAULT_REPEAT;
            int warmup = DEFAULT_WARMUP;
            Map<String, String> env = new LinkedHashMap<>();
            for (int i = 1; i < args.size(); i++) {
                String option = args.get(i);
                switch (option) {
                    case "--event" -> files.add(value(args, i++));
                    case "--repeat" -> repeat = integer(option, value(args, i++), 1);
                    case "--warmup" -> warmup = integer(option, value(args, i++), 0);
                    case "--env" -> {
                        String pair = value(args, i++);
                        int equals = pair.indexOf('=');
                        if (equals <= 0) {
                            throw new UsageException("--env takes K=V with a non-empty K, got '" + pair + "'");
                        }
                        env.put(pair.substring(0, equals), pair.substring(equals + 1));
                    }
                    default -> throw new UsageException("unknown option '" + option
                            + "'; options: --event, --repeat, --warmup, --env");
                }
            }
            if (files.isEmpty()) {
                throw new UsageException("missing --event FILE");
            }
            return new Options(function, List.copyOf(files), repeat, warmup, Map.copyOf(env));
        }
    }

    /** The value after option {@code args[index]}. */
    static String value(List<String> args, int index) {
        if (index + 1 >= args.size()) {
            throw new UsageException(args.get(index) + " needs a value");
        }
        return args.get(index + 1);
    }

    /** {@code text} as an integer of at least {@code min}. */
    static int integer(String option, String text, int min) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be an integer of at least " + min + ", got '" + text + "'");
    }
}
