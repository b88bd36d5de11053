package io.github.logway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogwayCliTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final RecordingCommand echo = new RecordingCommand("echo", ExitCodes.SUCCESS);
    private final LogwayCli cli = new LogwayCli("1.2.3-TEST", List.of(echo));

    private int run(String... args) {
        return cli.run(List.of(args), out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void run_withTopLevelHelp_listsEveryCommandOnStderrAndExitsZero(String flag) {
        int exitCode = run(flag);

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        assertThat(err())
                .startsWith("Logway 1.2.3-TEST")
                .contains("Usage: ./logway COMMAND [ARGUMENTS]")
                .containsPattern("(?m)^  help +Show the command list")
                .containsPattern("(?m)^  version +Print the Logway")
                .containsPattern("(?m)^  echo +Records its arguments$");
        assertThat(out()).isEmpty();
    }

    @Test
    void run_withTopLevelHelp_listsCommandsInRegistrationOrderWithAlignedSummaries() {
        run("--help");

        assertThat(err()).contains("""
                Commands:
                  help      Show the command list, or the usage of one command
                  version   Print the Logway and Java versions as one JSON line on stdout
                  echo      Records its arguments
                """);
    }

    @Test
    void run_withoutArguments_printsUsageAndExitsTwo() {
        int exitCode = run();

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("Usage: ./logway COMMAND [ARGUMENTS]");
        assertThat(out()).isEmpty();
    }

    @Test
    void run_withUnknownCommand_namesItHintsAtHelpAndExitsTwo() {
        int exitCode = run("nope", "--flag");

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).isEqualTo("logway: unknown command 'nope'\nRun './logway --help' to list the commands.\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void run_withUnknownTopLevelOption_exitsTwo() {
        int exitCode = run("--verbose");

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).startsWith("logway: unknown option '--verbose'\n");
    }

    @Test
    void run_withCommand_passesTheRemainingArgumentsAndReturnsItsExitCode() {
        RecordingCommand failing = new RecordingCommand("audit", ExitCodes.UNHANDLED_RECORDS);
        LogwayCli withAudit = new LogwayCli("1.2.3-TEST", List.of(failing));

        int exitCode = withAudit.run(List.of("audit", "--sent", "sent.ndjson"), out, err);

        assertThat(exitCode).isEqualTo(ExitCodes.UNHANDLED_RECORDS);
        assertThat(failing.calls).containsExactly(List.of("--sent", "sent.ndjson"));
        assertThat(out()).isEqualTo("audit ran\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void run_withHelpAfterCommand_printsItsUsageWithoutRunningIt(String flag) {
        int exitCode = run("echo", "a", flag);

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        assertThat(err()).isEqualTo(echo.usage());
        assertThat(echo.calls).isEmpty();
        assertThat(out()).isEmpty();
    }

    @Test
    void run_withHelpAfterDoubleDash_passesItToTheCommand() {
        int exitCode = run("echo", "--", "--help");

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        assertThat(echo.calls).containsExactly(List.of("--", "--help"));
    }

    @Test
    void run_whenCommandRejectsItsArguments_printsWhyWithHintAndExitsTwo() {
        echo.failWith(new UsageException("--rate must be a positive integer, got 'x'"));

        int exitCode = run("echo", "--rate", "x");

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).isEqualTo("logway echo: --rate must be a positive integer, got 'x'\n"
                + "Run './logway echo --help' for usage.\n");
    }

    @Test
    void run_whenCommandFailsUnexpectedly_reportsInternalErrorAndExitsSeventy() {
        echo.failWith(new IllegalStateException("boom"));

        int exitCode = run("echo");

        assertThat(exitCode).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err())
                .startsWith("logway echo: internal error: java.lang.IllegalStateException: boom\n")
                .contains("\tat io.github.logway.local.LogwayCliTest.run_whenCommandFailsUnexpectedly");
        assertThat(out()).isEmpty();
    }

    @Test
    void run_withVersionFlag_printsOneJsonLineOnStdout() {
        int exitCode = run("--version");

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        assertThat(out()).isEqualTo("{\"version\":\"1.2.3-TEST\",\"java\":\"" + Runtime.version() + "\"}\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void run_versionCommand_printsTheSameLineAsTheFlag() {
        run("version");

        assertThat(out()).startsWith("{\"version\":\"1.2.3-TEST\",");
    }

    @Test
    void run_versionWithArguments_exitsTwo() {
        int exitCode = run("version", "extra");

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).startsWith("logway version: takes no arguments, got [extra]\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void run_helpWithCommandName_printsThatCommandsUsage() {
        int exitCode = run("help", "echo");

        assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
        assertThat(err()).isEqualTo(echo.usage());
    }

    @Test
    void run_helpWithUnknownCommandName_listsTheCommandsAndExitsTwo() {
        int exitCode = run("help", "nope");

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).startsWith("logway help: unknown command 'nope'; commands: help, version, echo\n");
    }

    @Test
    void run_helpOfEveryBuiltInCommand_startsWithItsUsageLine() {
        for (String name : List.of("help", "version")) {
            errBytes.reset();

            assertThat(run(name, "--help")).isEqualTo(ExitCodes.SUCCESS);
            assertThat(err()).startsWith("Usage: ./logway " + name);
        }
    }

    @Test
    void new_withTwoCommandsOfTheSameName_throws() {
        assertThatThrownBy(() -> new LogwayCli("1", List.of(new RecordingCommand("version", 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two commands are named 'version'");
    }

    /** A command that records its calls and prints one line on stdout. */
    private static final class RecordingCommand implements Command {

        private final String name;
        private final int exitCode;
        private final List<List<String>> calls = new ArrayList<>();
        private RuntimeException failure;

        RecordingCommand(String name, int exitCode) {
            this.name = name;
            this.exitCode = exitCode;
        }

        void failWith(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String summary() {
            return "Records its arguments";
        }

        @Override
        public String usage() {
            return "Usage: ./logway " + name + " [ARGS...]\n\nRecords its arguments.\n";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            calls.add(List.copyOf(args));
            if (failure != null) {
                throw failure;
            }
            out.println(name + " ran");
            return exitCode;
        }
    }
}
