package io.github.logway.local.pipeline;

import io.github.logway.local.stack.LocalServerFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the functions' own output goes under {@code demo} and {@code run}: {@code .logway/NAME/functions.log}. */
public final class FunctionLogs {

    private FunctionLogs() {}

    /**
     * Opens (truncating) the function log of a command.
     *
     * @param command {@code demo} or {@code run}
     * @return an auto-flushing stream; the caller closes it
     */
    public static PrintStream open(String command) {
        Path file = file(command);
        try {
            Files.createDirectories(file.getParent());
            return new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The function log of a command. */
    public static Path file(String command) {
        return LocalServerFiles.home().resolve(".logway").resolve(command).resolve("functions.log");
    }
}
