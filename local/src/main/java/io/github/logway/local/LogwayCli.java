package io.github.logway.local;

import io.github.logway.local.audit.AuditCommand;
import io.github.logway.local.bench.BenchCommand;
import io.github.logway.local.demo.DemoCommand;
import io.github.logway.local.invoke.InvokeCommand;
import io.github.logway.local.replay.ReplayCommand;
import io.github.logway.local.run.RunCommand;
import io.github.logway.local.size.SizeCommand;
import io.github.logway.local.stack.StackCommand;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ./logway} command line: picks the subcommand from the first argument and runs it.
 *
 * <p>{@code --help}, {@code -h} and {@code help} list the commands; {@code COMMAND --help} shows one
 * command's usage; {@code --version} prints the version. Human-readable text goes to stderr, machine-readable
 * lines to stdout. Exit codes are those of {@link ExitCodes}.
 */
public final class LogwayCli {

    /** How users invoke the command line, as shown in usage text. */
    static final String INVOCATION = "./logway";

    private static final String DOUBLE_DASH = "--";
    private static final List<String> HELP_FLAGS = List.of("--help", "-h");
    private static final String VERSION_FLAG = "--version";

    private final String version;
    private final Map<String, Command> commands;

    /**
     * Creates the command line with the built-in {@code help} and {@code version} commands followed by
     * {@code extraCommands}, listed in that order.
     *
     * @param version the version to report
     * @param extraCommands further subcommands
     * @throws IllegalArgumentException when two commands share a name
     */
    LogwayCli(String version, List<Command> extraCommands) {
        this.version = version;
        List<Command> all = new ArrayList<>();
        all.add(new HelpCommand(this));
        all.add(new VersionCommand(version));
        all.addAll(extraCommands);
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command command : all) {
            if (byName.putIfAbsent(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands are named '" + command.name() + "'");
            }
        }
        this.commands = Collections.unmodifiableMap(byName);
    }

    /**
     * Runs {@code ./logway} and exits the JVM with the command's exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        LogwayCli cli = new LogwayCli(LogwayVersion.current(), List.of(
                new DemoCommand(Clock.systemUTC()),
                new StackCommand(),
                new InvokeCommand(Clock.systemUTC()),
                new RunCommand(),
                new BenchCommand(Clock.systemUTC()),
                new ReplayCommand(Clock.systemUTC()),
                new AuditCommand(),
                new SizeCommand()));
        int exitCode = cli.run(List.of(args), System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(exitCode);
    }

    /**
     * Runs one command line.
     *
     * @param args the arguments, the subcommand first
     * @param out receives machine-readable lines only
     * @param err receives human-readable text
     * @return the exit code, from {@link ExitCodes}
     */
    int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(usage());
            return ExitCodes.USAGE;
        }
        String first = args.get(0);
        if (HELP_FLAGS.contains(first)) {
            err.print(usage());
            return ExitCodes.SUCCESS;
        }
        if (first.equals(VERSION_FLAG)) {
            return runCommand(commands.get(VersionCommand.NAME), List.of(), out, err);
        }
        if (first.startsWith("-")) {
            err.println("logway: unknown option '" + first + "'");
            err.println("Run '" + INVOCATION + " --help' to list the commands and options.");
            return ExitCodes.USAGE;
        }
        Optional<Command> command = command(first);
        if (command.isEmpty()) {
            err.println("logway: unknown command '" + first + "'");
            err.println("Run '" + INVOCATION + " --help' to list the commands.");
            return ExitCodes.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (asksForHelp(rest)) {
            err.print(command.get().usage());
            return ExitCodes.SUCCESS;
        }
        return runCommand(command.get(), rest, out, err);
    }

    private static int runCommand(Command command, List<String> args, PrintStream out, PrintStream err) {
        try {
            return command.run(args, out, err);
        } catch (UsageException e) {
            err.println("logway " + command.name() + ": " + e.getMessage());
            err.println("Run '" + INVOCATION + " " + command.name() + " --help' for usage.");
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            err.println("logway " + command.name() + ": internal error: " + e);
            e.printStackTrace(err);
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    /** {@code --help} or {@code -h} anywhere before a {@code --} that ends the options. */
    private static boolean asksForHelp(List<String> args) {
        for (String arg : args) {
            if (arg.equals(DOUBLE_DASH)) {
                return false;
            }
            if (HELP_FLAGS.contains(arg)) {
                return true;
            }
        }
        return false;
    }

    /** The command with this name, if there is one. */
    Optional<Command> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Every command, in the order the help lists them. */
    Collection<Command> commands() {
        return commands.values();
    }

    /** The top-level help text. */
    String usage() {
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder text = new StringBuilder()
                .append("Logway ")
                .append(version)
                .append(": the lossless log pipeline on AWS Kinesis and Lambda, on this machine.\n\n")
                .append("Usage: ")
                .append(INVOCATION)
                .append(" COMMAND [ARGUMENTS]\n")
                .append("       ")
                .append(INVOCATION)
                .append(" COMMAND --help\n")
                .append("       ")
                .append(INVOCATION)
                .append(" --help | --version\n\n")
                .append("Commands:\n");
        for (Command command : commands.values()) {
            text.append("  ")
                    .append(command.name())
                    .append(" ".repeat(width - command.name().length() + 3))
                    .append(command.summary())
                    .append('\n');
        }
        return text.append('\n')
                .append("Human-readable output goes to stderr; stdout carries only machine-readable lines (JSON, or export lines).\n")
                .append("Exit codes: 0 success, 1 a record ended unhandled, 2 bad usage or configuration,\n")
                .append("70 internal error.\n")
                .toString();
    }
}
