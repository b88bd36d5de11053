package io.github.logway.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.logway.local.Command;
import io.github.logway.local.ExitCodes;
import io.github.logway.local.UsageException;
import io.github.logway.local.pipeline.FunctionTally;
import io.github.logway.local.pipeline.PipelineRunner;
import io.github.logway.local.pipeline.FunctionLogs;
import io.github.logway.local.servers.LocalServerStartException;
import io.github.logway.local.stack.LocalStack;
import io.github.logway.local.stack.StackClients;
import io.github.logway.local.stack.StackService;
import io.github.logway.local.stack.StackState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./logway demo}: the whole pipeline on the local stack with sample traffic, ending with a table of where
 * every record went (PRODUCT.md §9). The table goes to stderr; stdout gets one JSON line with the same figures.
 */
public final class DemoCommand implements Command {

    /** How long the pipeline may take to settle after the traffic is sent. */
    static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    /** @param clock the clock of the sample traffic's times */
    public DemoCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "Run the whole pipeline on local servers with sample traffic and show where every record went";
    }

    @Override
    public String usage() {
        return """
                Usage: ./logway demo [--keep]

                Starts the local stack on 127.0.0.1 (kinesis-local, s3proxy, ElasticMQ, OpenSearch), creates the
                demo's streams, buckets, queues and index template, and runs five functions under the local
                event-source-mapping runner:

                  ALB log -> s3://logway-demo-alb-logs -> SQS logway-demo-alb-notifications -> elb-ingest
                  producers, elb-ingest -> logway-demo-router
                    -> forward-archive (every log type) -> logway-demo-archive -> archive-to-s3, archive-to-es
                    -> forward-orders (LOG_TYPE_WHITELIST=orders,payments) -> logway-demo-orders

                It sends sample traffic (2,000 JSON log lines from several services, CloudWatch Logs envelopes
                with a control message, KPL aggregates, 7 bad records, a 1,002-line ALB log with 2 broken
                lines), shows progress, and ends with a table of where every record went: S3 lines per log type,
                OpenSearch documents per index, records per stream, failed log by reason, each checked against
                what was sent (sent = delivered + diverted + dropped + skipped, per function and destination).
                The functions' own output goes to .logway/demo/functions.log.

                stdout gets one JSON line with the same figures ("adds_up": true when every check holds).

                Options:
                  --keep   leave the stack running afterwards and print how to browse it (stop it with
                           ./logway stack down)

                Ctrl-C stops everything the demo started.
                Exit codes: 0 every record accounted for; 1 a check failed (a record missing or unhandled);
                2 bad usage, or the stack could not start.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean keep = false;
        for (String arg : args) {
            if (arg.equals("--keep")) {
                keep = true;
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        Path stateFile = StackState.defaultFile();
        if (keep && runningStack(stateFile)) {
            err.println("logway demo: a local stack is already running (" + stateFile + "); stop it with"
                    + " ./logway stack down, or run the demo without --keep");
            return ExitCodes.USAGE;
        }
        long started = System.nanoTime();
        err.println("logway demo: starting the local stack (kinesis-local, s3proxy, ElasticMQ, OpenSearch)...");
        LocalStack stack;
        try {
            stack = LocalStack.start(EnumSet.allOf(StackService.class), line -> err.println("  " + line));
        } catch (LocalServerStartException e) {
            err.println("logway demo: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        boolean adds;
        try (StackClients clients = new StackClients(stack.endpoints());
             PrintStream functionLog = FunctionLogs.open("demo")) {
            adds = runPipeline(clients, functionLog, out, err, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("logway demo: interrupted");
            stack.close();
            return ExitCodes.UNHANDLED_RECORDS;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        if (keep) {
            try {
                stack.detach().write(stateFile);
            } catch (IOException e) {
                err.println("logway demo: cannot write " + stateFile + " (" + e.getMessage() + "); stopping the stack");
                stack.close();
                return ExitCodes.UNHANDLED_RECORDS;
            }
            printBrowsing(stack, err);
        } else {
            err.println("logway demo: stopping the local stack (--keep leaves it running)");
            stack.close();
        }
        return adds ? ExitCodes.SUCCESS : ExitCodes.UNHANDLED_RECORDS;
    }

    private boolean runPipeline(StackClients clients, PrintStream functionLog, PrintStream out, PrintStream err,
            long started) throws InterruptedException {
        err.println("logway demo: creating streams, buckets and queues; starting "
                + DemoPipeline.spec().functions().size() + " functions under the event-source-mapping runner");
        try (PipelineRunner runner = PipelineRunner.start(DemoPipeline.spec(), clients, functionLog)) {
            DemoTraffic traffic = DemoTraffic.generate(clock.instant());
            DemoSender sender = new DemoSender(clients);
            err.printf("logway demo: sending %,d log events to %s (%s) and a %,d-line ALB log to s3://%s%n",
                    traffic.producerEvents(), DemoPipeline.ROUTER, describe(traffic.eventsByKind()),
                    traffic.albLines(), DemoPipeline.ALB_BUCKET);
            sender.send(traffic);
            long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
            boolean quiet = false;
            while (!quiet && System.nanoTime() - deadline < 0) {
                quiet = runner.awaitQuiet(PROGRESS_INTERVAL);
                err.printf("  [%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, progress(runner.tallies()));
            }
            if (!quiet) {
                err.println("logway demo: the pipeline did not settle within " + SETTLE_TIMEOUT.toSeconds()
                        + " s; the table shows where things stand");
            }
            DemoReport report = DemoReport.build(traffic, runner.tallies(), new DestinationCounts(clients),
                    clients.endpoints().of(StackService.OPENSEARCH).orElseThrow());
            report.print(err);
            err.printf("logway demo: finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
            ObjectNode line = report.toJson(JSON);
            line.put("seconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
            out.println(line);
            return quiet && report.addsUp();
        }
    }

    private static String progress(Map<String, FunctionTally> tallies) {
        return tallies.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue().handled())
                .collect(Collectors.joining("  "));
    }

    private static String describe(Map<String, Long> byKind) {
        return byKind.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static boolean runningStack(Path stateFile) {
        try {
            return StackState.read(stateFile)
                    .map(state -> state.servers().stream().anyMatch(StackState.Server::isAlive))
                    .orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    private static void printBrowsing(LocalStack stack, PrintStream err) {
        var endpoints = stack.endpoints();
        err.println();
        err.println("The stack keeps running (./logway stack down stops it). To use it from a shell:");
        endpoints.exportLines().forEach(line -> err.println("  " + line));
        err.println("Then, for example:");
        err.println("  aws --endpoint-url " + endpoints.of(StackService.S3).orElseThrow() + " s3 ls s3://"
                + DemoPipeline.LOG_BUCKET + " --recursive");
        err.println("  aws --endpoint-url " + endpoints.of(StackService.KINESIS).orElseThrow()
                + " kinesis describe-stream-summary --stream-name " + DemoPipeline.ROUTER);
        err.println("  curl '" + endpoints.of(StackService.OPENSEARCH).orElseThrow() + "/" + DemoPipeline.INDEX_PREFIX
                + "-*/_search?size=3&pretty'");
        err.println("kinesis-local listens on all interfaces; connect to 127.0.0.1 only.");
    }
}
