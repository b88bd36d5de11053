package io.github.logway.local.stack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.logway.local.Command;
import io.github.logway.local.ExitCodes;
import io.github.logway.local.UsageException;
import io.github.logway.local.servers.LocalServer;
import io.github.logway.local.servers.LocalServerStartException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code ./logway stack up|down|status}: the local servers alone, in the background (PRODUCT.md §10). {@code up}
 * starts them detached, records them in the state file and prints {@code export} lines on stdout (so {@code eval
 * "$(./logway stack up)"} works); {@code status} prints one JSON line per server; {@code down} stops them.
 */
public final class StackCommand implements Command {

    static final String NAME = "stack";

    private static final JsonFactory JSON = new JsonFactory();

    private final Supplier<Path> stateFile;

    /** The command on the default state file, {@code .logway/stack.json} under the repository root. */
    public StackCommand() {
        this(StackState::defaultFile);
    }

    /** @param stateFile where the state of a running stack is kept (resolved when a subcommand runs) */
    public StackCommand(Supplier<Path> stateFile) {
        this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Start, check or stop the local servers in the background (stack up|status|down)";
    }

    @Override
    public String usage() {
        return """
                Usage: ./logway stack up [--services LIST]
                       ./logway stack status
                       ./logway stack down

                up      Starts the local servers in the background on free 127.0.0.1 ports (in parallel; about
                        20 s, OpenSearch being the slowest), records them in .logway/stack.json and prints on
                        stdout only export lines: AWS_ENDPOINT_URL_KINESIS, AWS_ENDPOINT_URL_S3,
                        AWS_ENDPOINT_URL_SQS, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and ES_HOST
                        (for the services started). So

                          eval "$(./logway stack up)"

                        makes the AWS CLI, any AWS SDK and ./logway invoke talk to the stack. When a stack is
                        already running, prints its export lines again and starts nothing.
                        Services: kinesis (kinesis-local), s3 (s3proxy), sqs (ElasticMQ), opensearch.
                        Progress and hints go to stderr. kinesis-local listens on all interfaces (it has no
                        address setting); the other servers on 127.0.0.1 only; clients always use 127.0.0.1.
                status  One JSON line per recorded server on stdout: service, endpoint, pid, healthy.
                down    Stops every recorded server and what it started, and deletes the state file. Does
                        nothing, successfully, when no stack runs.

                Options:
                  --services LIST   up only: a comma list of kinesis, s3, sqs, opensearch (default: all four)

                Exit codes: 0 done (status: every server healthy); 1 a server could not start (up), or no
                stack runs or a server is not healthy (status); 2 bad usage.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new UsageException("expected up, status or down");
        }
        String action = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (action) {
            case "up":
                return up(parseServices(rest), out, err);
            case "status":
                noArguments(action, rest);
                return status(out, err);
            case "down":
                noArguments(action, rest);
                return down(err);
            default:
                throw new UsageException("unknown action '" + action + "'; one of up, status, down");
        }
    }

    /**
     * The services of {@code stack up}'s arguments.
     *
     * @param args the arguments after {@code up}
     * @return the services, all four by default
     * @throws UsageException for an unknown option or service
     */
    static Set<StackService> parseServices(List<String> args) {
        Set<StackService> services = EnumSet.allOf(StackService.class);
        for (int i = 0; i < args.size(); i++) {
            if (!args.get(i).equals("--services")) {
                throw new UsageException("unknown option '" + args.get(i) + "' for up; options: --services");
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("--services needs a value");
            }
            String list = args.get(++i);
            services = EnumSet.noneOf(StackService.class);
            for (String key : list.split(",", -1)) {
                try {
                    services.add(StackService.ofKey(key.trim()));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("unknown service '" + key.trim() + "' in --services; one or more of "
                            + Arrays.stream(StackService.values()).map(StackService::key)
                                    .collect(Collectors.joining(", ")));
                }
            }
        }
        return services;
    }

    private static void noArguments(String action, List<String> rest) {
        if (!rest.isEmpty()) {
            throw new UsageException(action + " takes no arguments, got " + rest);
        }
    }

    private int up(Set<StackService> services, PrintStream out, PrintStream err) {
        Path file = stateFile.get();
        Optional<StackState> existing = read(file);
        if (existing.isPresent() && existing.get().allAlive()) {
            err.println("logway stack: a stack is already running (" + keys(existing.get()) + "; state in " + file
                    + "); printing its exports again. './logway stack down' stops it.");
            existing.get().endpoints().exportLines().forEach(out::println);
            out.flush();
            return ExitCodes.SUCCESS;
        }
        if (existing.isPresent()) {
            err.println("logway stack: the stack recorded in " + file + " is gone or incomplete: stopping what is"
                    + " left of it");
            stopAll(existing.get(), err);
            delete(file);
        }
        err.println("logway stack: starting " + services.stream().map(StackService::key)
                .collect(Collectors.joining(", ")) + " on 127.0.0.1 (OpenSearch takes 10-20 s)...");
        LocalStack stack;
        try {
            stack = LocalStack.start(services, line -> err.println("logway stack: " + line));
        } catch (LocalServerStartException e) {
            err.println("logway stack: " + e.getMessage());
            return ExitCodes.UNHANDLED_RECORDS;
        }
        StackState state = stack.detach();
        try {
            state.write(file);
        } catch (IOException e) {
            err.println("logway stack: cannot write the state file " + file + ": " + e.getMessage()
                    + "; stopping the servers");
            stopAll(state, err);
            return ExitCodes.UNHANDLED_RECORDS;
        }
        StackEndpoints endpoints = state.endpoints();
        endpoints.exportLines().forEach(out::println);
        out.flush();
        printHints(endpoints, state, file, err);
        return ExitCodes.SUCCESS;
    }

    private static void printHints(StackEndpoints endpoints, StackState state, Path file, PrintStream err) {
        err.println("logway stack: up; state in " + file + ", server logs:");
        state.servers().forEach(server -> err.println("  " + server.service().key() + ": " + server.logFile()));
        err.println("Use it from this shell with:  eval \"$(./logway stack up)\"   (prints the same exports again)");
        endpoints.of(StackService.S3).ifPresent(uri -> err.println(
                "  aws s3 ls --endpoint-url " + uri + "                 (or just 'aws s3 ls' after eval)"));
        endpoints.of(StackService.KINESIS).ifPresent(uri -> err.println(
                "  aws kinesis list-streams --endpoint-url " + uri));
        endpoints.of(StackService.SQS).ifPresent(uri -> err.println(
                "  aws sqs list-queues --endpoint-url " + uri));
        endpoints.of(StackService.OPENSEARCH).ifPresent(uri -> err.println(
                "  curl -s '" + uri + "/_cat/indices?v'"));
        err.println("  ./logway invoke to-s3 --event FILE   (uses this stack by default)");
        if (endpoints.of(StackService.KINESIS).isPresent()) {
            err.println("Note: kinesis-local listens on all interfaces (it has no address setting); the other servers"
                    + " listen on 127.0.0.1 only. Clients always connect to 127.0.0.1.");
        }
        err.println("Stop it with:  ./logway stack down");
    }

    private int status(PrintStream out, PrintStream err) {
        Path file = stateFile.get();
        Optional<StackState> state = read(file);
        if (state.isEmpty()) {
            err.println("logway stack: no local stack is running (no " + file + "); './logway stack up' starts one");
            return ExitCodes.UNHANDLED_RECORDS;
        }
        boolean allHealthy = true;
        for (StackState.Server server : state.get().servers()) {
            boolean healthy = server.isAlive() && answers(server);
            allHealthy &= healthy;
            out.println(statusLine(server, healthy));
            if (!healthy) {
                err.println("logway stack: " + server.service().key() + " (pid " + server.pid() + ", "
                        + server.endpoint() + ") is " + (server.isAlive() ? "not answering" : "not running")
                        + "; its log: " + server.logFile());
            }
        }
        out.flush();
        if (!allHealthy) {
            err.println("logway stack: the stack is not healthy; './logway stack down' then './logway stack up'"
                    + " starts it again");
            return ExitCodes.UNHANDLED_RECORDS;
        }
        err.println("logway stack: every server is healthy");
        return ExitCodes.SUCCESS;
    }

    /** {@code {"service":...,"endpoint":...,"pid":...,"healthy":...}}. */
    static String statusLine(StackState.Server server, boolean healthy) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("service", server.service().key());
            json.writeStringField("endpoint", server.endpoint().toString());
            json.writeNumberField("pid", server.pid());
            json.writeBooleanField("healthy", healthy);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return text.toString();
    }

    private static boolean answers(StackState.Server server) {
        try {
            return server.service().healthCheck().isHealthy(server.endpoint().getPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int down(PrintStream err) {
        Path file = stateFile.get();
        Optional<StackState> state = read(file);
        if (state.isEmpty()) {
            err.println("logway stack: no local stack is running (no " + file + "); nothing to stop");
            return ExitCodes.SUCCESS;
        }
        stopAll(state.get(), err);
        delete(file);
        err.println("logway stack: down");
        return ExitCodes.SUCCESS;
    }

    private static void stopAll(StackState state, PrintStream err) {
        for (StackState.Server server : state.servers()) {
            boolean stopped = LocalServer.stopProcessTree(server.pid(), server.startInstant());
            err.println("logway stack: " + server.service().key() + " (pid " + server.pid() + ") "
                    + (stopped ? "stopped" : "was not running"));
        }
    }

    private static Optional<StackState> read(Path file) {
        try {
            return StackState.read(file);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read the stack state file " + file + " (" + e.getMessage()
                    + "); stop its servers by hand and delete it");
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static String keys(StackState state) {
        return state.servers().stream().map(server -> server.service().key() + " " + server.endpoint())
                .collect(Collectors.joining(", "));
    }
}
