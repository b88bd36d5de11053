package io.github.logway.local.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.logway.local.Command;
import io.github.logway.local.ExitCodes;
import io.github.logway.local.UsageException;
import io.github.logway.local.LogwayFunction;
import io.github.logway.local.pipeline.FunctionLogs;
import io.github.logway.local.pipeline.FunctionTally;
import io.github.logway.local.pipeline.PipelineConfig;
import io.github.logway.local.pipeline.PipelineConfigException;
import io.github.logway.local.pipeline.PipelineRunner;
import io.github.logway.local.pipeline.PipelineSpec;
import io.github.logway.local.servers.LocalServerStartException;
import io.github.logway.local.stack.LocalStack;
import io.github.logway.local.stack.StackClients;
import io.github.logway.local.stack.StackEndpoints;
import io.github.logway.local.stack.StackService;
import io.github.logway.local.stack.StackState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code ./logway run --config FILE}: the event-source-mapping runner on a user's own pipeline (a YAML file of
 * streams, buckets, queues and functions), on the running local stack ({@code stack up}) or on one it starts.
 */
public final class RunCommand implements Command {

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    /** With --until-idle: how long to wait for the pipeline to settle. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "Run your own pipeline (a YAML file of streams, queues, buckets and functions) on the local stack";
    }

    @Override
    public String usage() {
        return """
                Usage: ./logway run --config FILE [--until-idle]

                Creates the streams, buckets and queues FILE declares on the local stack and runs its functions
                under the local event-source-mapping runner (Kinesis: batch size, window, starting position,
                partial batch response, bisect, retries, maximum record age, on-failure destination; SQS: batch
                size, window, partial batch response, the queue's redrive policy). It uses the stack that
                ./logway stack up left running, or starts the servers it needs and stops them on exit.
                Put records with any SDK or the AWS CLI (eval "$(./logway stack up)" first) and watch them flow.

                FILE format (docs/local-pipeline.md; example: docs/local-pipeline.example.yaml):
                  streams:   [{name, shards}]
                  buckets:   [name, ...]
                  queues:    [{name, dead_letter_queue, max_receive_count, visibility_timeout_seconds}]
                  functions: [{name, function: to-s3|to-es|forward|elb, source: STREAM or QUEUE, env: {K: V},
                               event_source_mapping: {batch_size, maximum_batching_window_in_seconds,
                                 starting_position, bisect_batch_on_function_error, maximum_retry_attempts,
                                 maximum_record_age_in_seconds, report_batch_item_failures, timeout_seconds},
                               on_failure: s3://BUCKET | sqs://QUEUE}]
                A bad file is refused with every problem named.

                Progress goes to stderr every 10 s; the functions' output to .logway/run/functions.log. On exit
                (Ctrl-C, or with --until-idle once everything that arrived is handled and nothing moved for
                1.5 s) stdout gets one JSON line per function: function, kind, delivered, diverted, dropped,
                skipped (log events, from the functions' metrics lines).

                Options:
                  --config FILE   the pipeline file (required)
                  --until-idle    exit once the pipeline is idle instead of running until Ctrl-C

                Exit codes: 0 stopped cleanly; 1 --until-idle timed out with records still moving; 2 bad usage,
                a bad FILE, or the stack could not start.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path config = null;
        boolean untilIdle = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--config")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--config needs a FILE");
                }
                config = Path.of(args.get(++i));
            } else if (arg.equals("--until-idle")) {
                untilIdle = true;
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (config == null) {
            throw new UsageException("--config FILE is required");
        }
        PipelineSpec spec;
        try {
            spec = PipelineConfig.parse(Files.readString(config, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("logway run: cannot read " + config + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (PipelineConfigException e) {
            err.println("logway run: " + config + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Set<StackService> needed = servicesFor(spec);
        Optional<StackEndpoints> running = runningStack(needed);
        LocalStack ownStack = null;
        StackEndpoints endpoints;
        if (running.isPresent()) {
            endpoints = running.get();
            err.println("logway run: using the running local stack (" + StackState.defaultFile() + ")");
        } else {
            err.println("logway run: starting " + needed.stream().map(StackService::key)
                    .collect(Collectors.joining(", ")) + " (stopped on exit; ./logway stack up keeps a stack running)");
            try {
                ownStack = LocalStack.start(needed, line -> err.println("  " + line));
            } catch (LocalServerStartException e) {
                err.println("logway run: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            endpoints = ownStack.endpoints();
            ownStack.endpoints().exportLines().forEach(line -> err.println("  " + line));
        }
        try (StackClients clients = new StackClients(endpoints);
             PrintStream functionLog = FunctionLogs.open("run")) {
            return runPipeline(spec, clients, functionLog, untilIdle, out, err);
        } finally {
            if (ownStack != null) {
                ownStack.close();
            }
        }
    }

    private static int runPipeline(PipelineSpec spec, StackClients clients, PrintStream functionLog,
            boolean untilIdle, PrintStream out, PrintStream err) {
        PipelineRunner runner = PipelineRunner.start(spec, clients, functionLog);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread printer = new Thread(() -> {
            printTallies(spec, runner.tallies(), out);
            runner.close();
            stopped.countDown();
        }, "logway-run-stop");
        Runtime.getRuntime().addShutdownHook(printer);
        err.println("logway run: " + spec.functions().size() + " functions running"
                + (untilIdle ? " until idle" : "; Ctrl-C stops them"));
        try {
            long deadline = System.nanoTime() + IDLE_TIMEOUT.toNanos();
            while (true) {
                boolean quiet = runner.awaitQuiet(PROGRESS_INTERVAL);
                err.println("  " + runner.tallies().entrySet().stream()
                        .map(entry -> entry.getKey() + " " + entry.getValue().handled())
                        .collect(Collectors.joining("  ")));
                if (untilIdle && (quiet || System.nanoTime() - deadline > 0)) {
                    Runtime.getRuntime().removeShutdownHook(printer);
                    printer.run();
                    return quiet ? ExitCodes.SUCCESS : ExitCodes.UNHANDLED_RECORDS;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.SUCCESS;
        }
    }

    private static void printTallies(PipelineSpec spec, Map<String, FunctionTally> tallies, PrintStream out) {
        for (PipelineSpec.FunctionSpec function : spec.functions()) {
            FunctionTally tally = tallies.getOrDefault(function.name(), FunctionTally.ZERO);
            ObjectNode line = JSON.createObjectNode();
            line.put("function", function.name());
            line.put("kind", function.kind().cliName());
            line.put("delivered", tally.delivered());
            line.put("diverted", tally.diverted());
            line.put("dropped", tally.dropped());
            line.put("skipped", tally.skipped());
            out.println(line);
        }
        out.flush();
    }

    /** The services a pipeline needs: Kinesis and S3 (failed log) always, SQS for queues, OpenSearch for to-es. */
    static Set<StackService> servicesFor(PipelineSpec spec) {
        Set<StackService> services = EnumSet.of(StackService.KINESIS, StackService.S3);
        if (!spec.queues().isEmpty() || spec.functions().stream().anyMatch(f -> f.kind() == LogwayFunction.ELB)) {
            services.add(StackService.SQS);
        }
        if (spec.openSearch()) {
            services.add(StackService.OPENSEARCH);
        }
        return services;
    }

    private static Optional<StackEndpoints> runningStack(Set<StackService> needed) {
        try {
            return StackState.read(StackState.defaultFile())
                    .filter(StackState::allAlive)
                    .map(StackState::endpoints)
                    .filter(endpoints -> needed.stream().allMatch(service -> endpoints.of(service).isPresent()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
