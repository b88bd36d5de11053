package io.github.logway.local.invoke;

import io.github.logway.core.config.ConfigException;
import io.github.logway.local.Command;
import io.github.logway.local.ExitCodes;
import io.github.logway.local.LambdaEvents;
import io.github.logway.local.SummaryLine;
import io.github.logway.local.UsageException;
import io.github.logway.local.LogwayFunction;
import io.github.logway.local.bench.HandlerCpuTime;
import io.github.logway.local.esm.LocalLambdaContext;
import io.github.logway.local.servers.LocalServerStartException;
import io.github.logway.local.stack.LocalStack;
import io.github.logway.local.stack.StackEndpoints;
import io.github.logway.local.stack.StackService;
import io.github.logway.local.stack.StackState;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code ./logway invoke FUNCTION --event FILE [--env K=V ...]}: one real handler, once, on a Lambda event file,
 * against the configured endpoints, by default the local stack (PRODUCT.md §10). Prints the handler's response
 * JSON and one {@link SummaryLine} on stdout; everything else, the handler's own EMF and log lines included, on
 * stderr.
 *
 * <p>Where it sends requests: the endpoints of the environment when it names any ({@code AWS_ENDPOINT_URL*},
 * {@code ES_HOST}, also through {@code --env}); else the running local stack ({@code stack up}); else the
 * services the function needs, started for this one call and stopped after. {@code --aws} uses the SDK's own
 * settings (real AWS) and never the stack. On servers of this machine, missing buckets, streams and queues are
 * created first.
 */
public final class InvokeCommand implements Command {

    static final String NAME = "invoke";
    private static final int MEMORY_MB = 1769;
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Clock clock;
    private final Map<String, String> processEnv;
    private final Supplier<Path> stateFile;

    /** The command line's invoke: the process environment, the default stack state file. */
    public InvokeCommand(Clock clock) {
        this(clock, System.getenv(), StackState::defaultFile);
    }

    /**
     * @param clock the handlers' clock
     * @param processEnv the environment invoke starts from (tests pass the local servers' endpoints here)
     * @param stateFile the state file of a running {@code stack up}
     */
    public InvokeCommand(Clock clock, Map<String, String> processEnv, Supplier<Path> stateFile) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.processEnv = Map.copyOf(processEnv);
        this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Run a function's real handler once on a Lambda event file, against the local stack by default";
    }

    @Override
    public String usage() {
        return """
                Usage: ./logway invoke FUNCTION --event FILE [--env K=V ...] [--timeout SECONDS] [--aws]

                Runs FUNCTION's real handler once in this JVM on the Lambda event in FILE (a Kinesis event; for
                elb an SQS event of S3 notifications), deserialised as the Lambda Java runtime does, against
                real endpoints. Prints on stdout the handler's response JSON (as Lambda would return it), then
                one JSON summary line with the keys of PRODUCT.md section 10 (repeat 1; delivered, diverted,
                dropped and skipped in log events, from the handler's own accounting). Everything else goes
                to stderr, the handler's EMF metrics and JSON logs included.

                FUNCTION is one of to-s3, to-es, forward, elb.

                Endpoints, first that applies:
                  1. --aws: the AWS SDK's own settings (real AWS, your credentials and region).
                  2. the environment (or --env) sets AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_KINESIS,
                     AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_SQS or ES_HOST: those (as after
                     eval "$(./logway stack up)").
                  3. a local stack runs (./logway stack up): its endpoints and credentials.
                  4. otherwise the servers FUNCTION needs are started for this call and stopped after
                     (to-s3: s3; to-es: opensearch, s3; forward: kinesis, s3; elb: kinesis, s3, sqs).
                On servers of this machine, missing buckets, the target stream and elb's queues are created
                first, and for elb an object its notification names is uploaded from the file of the same
                name next to FILE when the local S3 lacks it (bench gen --kind alb writes such a pair).

                Function variables: local defaults, then the environment, then the stack's endpoints and
                credentials (case 3 and 4), then --env. Defaults: to-s3 LOG_S3_BUCKET=logway-logs and
                S3_FORCE_PATH_STYLE=true when S3 has its own endpoint; to-es INDEX_NAME_PREFIX=logway,
                ES_HOST=the stack's OpenSearch, ES_AUTH=none when ES_HOST is on this machine; forward
                TARGET_STREAM_NAME=logway-forwarded; elb TARGET_STREAM_NAME=logway-router; to-es, forward and
                elb FAILED_LOG_S3_BUCKET=logway-failed.

                Options:
                  --event FILE       the Lambda event JSON file (required)
                  --env K=V          set (or override) a function variable; repeatable
                  --timeout SECONDS  the function's timeout, 1 to 900 (default 300): the context's deadline
                  --aws              use the SDK's settings (real AWS); never start or use the local stack

                Exit codes: 0 every record handled (records diverted to the failed log are handled);
                1 a record left unhandled (a checkpoint, or an SQS message reported as failed), the handler
                failed (the message is on stderr), or the local servers could not start; 2 bad usage, a
                missing or malformed event FILE, or an invalid configuration (every bad variable is named).
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        InvokeOptions options = InvokeOptions.parse(args);
        Path eventFile = Path.of(options.eventFile());
        byte[] eventJson = read(eventFile);
        LambdaEvents.Checked event;
        try {
            event = LambdaEvents.check(options.function(), eventJson);
        } catch (IllegalArgumentException e) {
            String kind = options.function() == LogwayFunction.ELB ? "an SQS event" : "a Kinesis event";
            throw new UsageException("event file " + options.eventFile() + " is not " + kind + " for "
                    + options.function().cliName() + ": " + e.getMessage());
        }
        if (event.records() == 0) {
            err.println("logway invoke: " + options.eventFile() + " has no records (Lambda never sends an empty"
                    + " batch); running the handler anyway");
        }
        Map<String, String> configured = new LinkedHashMap<>(processEnv);
        configured.putAll(options.env());
        LocalStack temporary = null;
        try {
            Map<String, String> stackVariables = Map.of();
            if (!options.aws() && !InvokeEnvironment.configuresEndpoints(configured)) {
                StackEndpoints running = runningStack(err);
                Set<StackService> missing = EnumSet.copyOf(InvokeEnvironment.servicesOf(options.function()));
                missing.removeAll(running.endpoints().keySet());
                if (!missing.isEmpty()) {
                    err.println("logway invoke: " + (running.endpoints().isEmpty() ? "no local stack runs"
                            : "the local stack has no " + keys(missing)) + "; starting " + keys(missing)
                            + " for this call (./logway stack up keeps servers running between calls)");
                    temporary = LocalStack.start(missing, line -> err.println("logway invoke: " + line));
                }
                Map<StackService, URI> endpoints = new EnumMap<>(StackService.class);
                endpoints.putAll(running.endpoints());
                if (temporary != null) {
                    endpoints.putAll(temporary.endpoints().endpoints());
                }
                stackVariables = new StackEndpoints(endpoints).variables();
            }
            Map<String, String> env = InvokeEnvironment.merge(options.function(), processEnv, stackVariables,
                    options.env());
            return invoke(options, eventFile, eventJson, event, env, out, err);
        } catch (LocalServerStartException e) {
            err.println("logway invoke: " + e.getMessage());
            return ExitCodes.UNHANDLED_RECORDS;
        } finally {
            if (temporary != null) {
                err.println("logway invoke: stopping the servers started for this call");
                temporary.close();
            }
        }
    }

    private int invoke(InvokeOptions options, Path eventFile, byte[] eventJson, LambdaEvents.Checked event,
            Map<String, String> env, PrintStream out, PrintStream err) {
        LogwayFunction function = options.function();
        try (SdkSystemProperties sdk = SdkSystemProperties.apply(env)) {
            describeEndpoints(function, env, err);
            try {
                LocalResources.prepare(function, env, event, eventFile, err);
            } catch (RuntimeException e) {
                err.println("logway invoke: cannot prepare the local servers: " + e);
                return ExitCodes.UNHANDLED_RECORDS;
            }
            InvokeTarget<?, ?> target;
            try {
                target = InvokeTargets.create(function, env, clock, err);
            } catch (ConfigException e) {
                err.println("logway invoke: invalid configuration for " + function.cliName() + ": "
                        + e.getMessage());
                return ExitCodes.USAGE;
            } catch (RuntimeException e) {
                err.println("logway invoke: the handler failed at cold start: " + describe(e));
                return ExitCodes.UNHANDLED_RECORDS;
            }
            try (target) {
                return run(options, target, eventJson, out, err);
            }
        }
    }

    private int run(InvokeOptions options, InvokeTarget<?, ?> target, byte[] eventJson, PrintStream out,
            PrintStream err) {
        String functionName = "logway-" + options.function().cliName();
        LocalLambdaContext context = new LocalLambdaContext(UUID.randomUUID().toString(), functionName,
                "arn:aws:lambda:us-east-1:000000000000:function:" + functionName, MEMORY_MB, options.timeout(),
                clock, err);
        HandlerCpuTime cpuTime = new HandlerCpuTime();
        Map<Long, Long> cpuBefore = cpuTime.snapshot();
        long started = System.nanoTime();
        InvokeTarget.Outcome outcome;
        try {
            outcome = target.invoke(eventJson, context);
        } catch (RuntimeException e) {
            err.println("logway invoke: the handler failed (in Lambda: a function error; the event source"
                    + " mapping retries the batch): " + describe(e));
            return ExitCodes.UNHANDLED_RECORDS;
        }
        double wallMillis = (System.nanoTime() - started) / NANOS_PER_MILLI;
        double cpuMillis = HandlerCpuTime.elapsedNanos(cpuBefore, cpuTime.snapshot()) / NANOS_PER_MILLI;
        out.println(outcome.responseJson());
        out.println(new SummaryLine(options.function().cliName(), options.eventFile(), outcome.summary(), 1,
                wallMillis, wallMillis, cpuMillis).toJson());
        out.flush();
        if (outcome.unhandled()) {
            err.println("logway invoke: records were left unhandled (checkpoint " + outcome.summary().checkpoint()
                    + "; the response asks Lambda to deliver them again)");
            return ExitCodes.UNHANDLED_RECORDS;
        }
        return ExitCodes.SUCCESS;
    }

    /** The recorded stack when every server of it runs; none otherwise. */
    private StackEndpoints runningStack(PrintStream err) {
        Path file = stateFile.get();
        try {
            Optional<StackState> state = StackState.read(file);
            if (state.isPresent() && state.get().allAlive()) {
                err.println("logway invoke: using the local stack of " + file);
                return state.get().endpoints();
            }
            if (state.isPresent()) {
                err.println("logway invoke: the stack recorded in " + file + " no longer runs (./logway stack down"
                        + " clears it)");
            }
        } catch (IOException | RuntimeException e) {
            err.println("logway invoke: ignoring the unreadable stack state " + file + ": " + e.getMessage());
        }
        return new StackEndpoints(Map.of());
    }

    private static void describeEndpoints(LogwayFunction function, Map<String, String> env, PrintStream err) {
        String where = InvokeEnvironment.servicesOf(function).stream()
                .map(service -> service.key() + " " + InvokeEnvironment.endpoint(env, service)
                        .map(URI::toString).orElse("(AWS default)"))
                .collect(Collectors.joining(", "));
        err.println("logway invoke: " + function.cliName() + " against " + where);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read event file " + file + ": " + e);
        }
    }

    private static String keys(Set<StackService> services) {
        return services.stream().map(StackService::key).collect(Collectors.joining(", "));
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getName()).append(": ").append(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("\n  caused by ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
