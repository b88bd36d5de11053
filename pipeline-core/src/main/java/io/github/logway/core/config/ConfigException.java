package io.github.logway.core.config;

import io.github.logway.core.FatalException;
import java.util.List;

/**
 * Invalid configuration: one exception naming every bad variable with its value and what is allowed.
 *
 * <p>A {@link FatalException}: thrown at cold start, it fails the function's initialisation, which Lambda
 * reports as an error until the configuration is fixed. Nothing retries it into working.
 */
public final class ConfigException extends FatalException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param problems one line per problem, e.g. {@code S3_COMPRESSION='lz4': must be one of gzip, zstd, none};
     *     not empty
     */
    public ConfigException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one line each, in the order found. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        StringBuilder message = new StringBuilder("Invalid configuration (").append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        for (String problem : problems) {
            message.append("\n  ").append(problem);
        }
        return message.toString();
    }
}
