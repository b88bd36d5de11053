package io.github.logway.local.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run one local server: the process to start for a given port, how to tell it is ready, and how
 * long to wait.
 *
 * @param name short name used in log file names and messages, such as {@code "s3proxy"}
 * @param processFactory builds the process for a free 127.0.0.1 port
 * @param healthCheck tells when the started process is ready
 * @param startTimeout how long the server may take to become healthy
 * @param logDirectory folder for the server's log file ({@code NAME-PORT.log}, stdout and stderr merged)
 */
public record LocalServerSpec(
        String name,
        ProcessFactory processFactory,
        HealthCheck healthCheck,
        Duration startTimeout,
        Path logDirectory) {

    /** Validates every component. */
    public LocalServerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(processFactory, "processFactory");
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(logDirectory, "logDirectory");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException(
                    "name must be lowercase letters, digits and '-', usable in a file name: '" + name + "'");
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
        }
    }

    /** Builds the process of a server for one port; {@link LocalServer} sets its output redirection. */
    @FunctionalInterface
    public interface ProcessFactory {

        /**
         * Prepares the command line, environment and working directory; may write config files first.
         *
         * @param port the free 127.0.0.1 port the server must listen on
         * @return the process builder, not started
         * @throws IOException when preparing config files fails
         */
        ProcessBuilder processFor(int port) throws IOException;
    }
}
