package io.github.logway.local;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code ./logway} subcommand. {@link LogwayCli} handles {@code --help} and {@code -h} for every
 * command (printing {@link #usage()}), so {@link #run} never sees them.
 *
 * <p>Output rule: human-readable text goes to {@code err}; {@code out} carries only machine-readable lines
 * (JSON, or {@code export} lines), so the output can be piped.
 */
public interface Command {

    /** The word that selects the command, such as {@code "demo"}. */
    String name();

    /** One line for the command list of {@code ./logway --help}, without a final period. */
    String summary();

    /**
     * The full help text: a {@code Usage: ./logway NAME ...} line, what the command does, its options and
     * exit codes; ends with a line break.
     */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name
     * @param out machine-readable output
     * @param err human-readable output
     * @return an exit code from {@link ExitCodes}
     * @throws UsageException when the arguments are wrong
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
