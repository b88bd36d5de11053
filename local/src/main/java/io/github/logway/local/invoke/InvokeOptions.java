package io.github.logway.local.invoke;

import io.github.logway.local.UsageException;
import io.github.logway.local.LogwayFunction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parsed arguments of {@code invoke FUNCTION --event FILE [--env K=V ...] [--timeout SECONDS] [--aws]}.
 *
 * @param function which handler
 * @param eventFile the Lambda event JSON file, as given
 * @param env the {@code --env} variables in order, later ones winning
 * @param timeout the function's timeout: the Lambda context's deadline is now plus this
 * @param aws true to use the SDK's own settings and never the local stack
 */
record InvokeOptions(LogwayFunction function, String eventFile, Map<String, String> env, Duration timeout,
        boolean aws) {

    /** Lambda's longest timeout. */
    static final int MAX_TIMEOUT_SECONDS = 900;
    static final int DEFAULT_TIMEOUT_SECONDS = 300;

    InvokeOptions {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(eventFile, "eventFile");
        env = Map.copyOf(env);
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Parses the arguments after {@code invoke}.
     *
     * @throws UsageException naming what is wrong
     */
    static InvokeOptions parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("expected FUNCTION (" + String.join(", ", LogwayFunction.cliNames()) + ")");
        }
        LogwayFunction function = LogwayFunction.of(args.get(0)).orElseThrow(() -> new UsageException(
                "unknown FUNCTION '" + args.get(0) + "'; one of " + String.join(", ", LogwayFunction.cliNames())));
        String file = null;
        Map<String, String> env = new LinkedHashMap<>();
        int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        boolean aws = false;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--event" -> {
                    if (file != null) {
                        throw new UsageException("--event given twice; invoke runs one event file");
                    }
                    file = value(args, i++);
                }
                case "--env" -> {
                    String pair = value(args, i++);
                    int equals = pair.indexOf('=');
                    if (equals <= 0) {
                        throw new UsageException("--env takes K=V with a non-empty K, got '" + pair + "'");
                    }
                    env.remove(pair.substring(0, equals));
                    env.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
                case "--timeout" -> timeoutSeconds = seconds(value(args, i++));
                case "--aws" -> aws = true;
                default -> throw new UsageException("unknown option '" + option
                        + "'; options: --event, --env, --timeout, --aws");
            }
        }
        if (file == null) {
            throw new UsageException("missing --event FILE");
        }
        return new InvokeOptions(function, file, env, Duration.ofSeconds(timeoutSeconds), aws);
    }

    private static String value(List<String> args, int index) {
        if (index + 1 >= args.size()) {
            throw new UsageException(args.get(index) + " needs a value");
        }
        return args.get(index + 1);
    }

    private static int seconds(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_TIMEOUT_SECONDS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--timeout must be whole seconds from 1 to " + MAX_TIMEOUT_SECONDS + ", got '"
                + text + "'");
    }
}
