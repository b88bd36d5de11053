package io.github.logway.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ./logway version} (also {@code --version}): one JSON line on stdout. */
final class VersionCommand implements Command {

    static final String NAME = "version";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String version;

    VersionCommand(String version) {
        this.version = version;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Print the Logway and Java versions as one JSON line on stdout";
    }

    @Override
    public String usage() {
        return """
                Usage: ./logway version
                       ./logway --version

                Prints one JSON line on stdout: {"version": LOGWAY_VERSION, "java": JAVA_VERSION}.

                Exit codes: 0 printed, 2 unexpected arguments.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            throw new UsageException("takes no arguments, got " + args);
        }
        Map<String, String> line = new LinkedHashMap<>();
        line.put("version", version);
        line.put("java", Runtime.version().toString());
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a map of strings always serialises", e);
        }
        return ExitCodes.SUCCESS;
    }
}
