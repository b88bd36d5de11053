package io.github.logway.local;

import java.io.PrintStream;
import java.util.List;

/** {@code ./logway help [COMMAND]}: the command list, or one command's usage, on stderr. */
final class HelpCommand implements Command {

    static final String NAME = "help";

    private final LogwayCli cli;

    HelpCommand(LogwayCli cli) {
        this.cli = cli;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Show the command list, or the usage of one command";
    }

    @Override
    public String usage() {
        return """
                Usage: ./logway help [COMMAND]

                Without COMMAND, lists the commands (same as ./logway --help).
                With COMMAND, shows its usage (same as ./logway COMMAND --help).
                Writes to stderr only.

                Exit codes: 0 shown, 2 unknown COMMAND or more than one argument.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(cli.usage());
            return ExitCodes.SUCCESS;
        }
        if (args.size() > 1) {
            throw new UsageException("expected at most one COMMAND, got " + args.size() + " arguments: " + args);
        }
        Command command = cli.command(args.get(0))
                .orElseThrow(() -> new UsageException("unknown command '" + args.get(0) + "'; commands: "
                        + String.join(", ", cli.commands().stream().map(Command::name).toList())));
        err.print(command.usage());
        return ExitCodes.SUCCESS;
    }
}
