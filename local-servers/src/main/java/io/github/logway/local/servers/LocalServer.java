package io.github.logway.local.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running server process on a free 127.0.0.1 port, with its output in a log file.
 *
 * <p>{@link #start} returns only once the server is healthy. {@link #stop} (or {@link #close}) ends the
 * process and every process it started; a shutdown hook does the same when the JVM exits first, so no
 * server outlives the test JVM unless that JVM is killed with SIGKILL.
 */
public final class LocalServer implements AutoCloseable {

    /** Every local server listens on, and every client connects to, this address only. */
    public static final String HOST = "127.0.0.1";

    /** A free port can be taken by another process before the server binds it: start again on a new one. */
    private static final int START_ATTEMPTS = 3;

    private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(100);

    /** How long a process may take to exit after SIGTERM before it gets SIGKILL, and again after that. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private LocalServer(String name, int port, Process process, Path logFile) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stop, "stop-local-server-" + name + "-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the server on a free 127.0.0.1 port and waits until it is healthy.
     *
     * @param spec what to run
     * @return the healthy server; the caller must {@link #stop} it
     * @throws LocalServerStartException when the process cannot be run, exits, or is not healthy within
     *     {@link LocalServerSpec#startTimeout()}; the process tree is stopped and the message ends with the
     *     tail of its log
     */
    public static LocalServer start(LocalServerSpec spec) {
        try {
            Files.createDirectories(spec.logDirectory());
        } catch (IOException e) {
            throw new LocalServerStartException(
                    "cannot create the log folder " + spec.logDirectory() + " for " + spec.name(), e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(spec, FreePorts.loopbackPort());
            } catch (PortTakenException e) {
                if (attempt == START_ATTEMPTS) {
                    throw new LocalServerStartException(
                            spec.name() + " found its port taken " + START_ATTEMPTS + " times: " + e.getMessage());
                }
            }
        }
    }

    private static LocalServer startOnce(LocalServerSpec spec, int port) throws PortTakenException {
        Path logFile = spec.logDirectory().resolve(spec.name() + "-" + port + ".log");
        ProcessBuilder builder;
        try {
            builder = spec.processFactory().processFor(port);
        } catch (IOException e) {
            throw new LocalServerStartException("cannot prepare " + spec.name() + ": " + e.getMessage(), e);
        }
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LocalServerStartException(
                    "cannot run " + spec.name() + " (" + String.join(" ", builder.command()) + "): " + e.getMessage(), e);
        }
        LocalServer server = new LocalServer(spec.name(), port, process, logFile);
        try {
            process.getOutputStream().close(); // servers read no input: give them end-of-file at once
        } catch (IOException ignored) {
            // a pipe nobody reads from needs no clean close
        }
        server.awaitHealthy(spec, builder.command());
        return server;
    }

    private void awaitHealthy(LocalServerSpec spec, List<String> command) throws PortTakenException {
        String where = " on " + HOST + ":" + port + " (command: " + String.join(" ", command) + ")";
        long deadline = System.nanoTime() + spec.startTimeout().toNanos();
        try {
            while (true) {
                if (!process.isAlive()) {
                    stop();
                    String tail = LogTail.describe(logFile, LOG_TAIL_LINES);
                    String message = name + " exited with code " + process.exitValue() + " before becoming healthy"
                            + where + tail;
                    // Java: "BindException: Address already in use"; Node: "listen EADDRINUSE: address already in use".
                    if (tail.contains("Address already in use") || tail.contains("EADDRINUSE")) {
                        throw new PortTakenException(message);
                    }
                    throw new LocalServerStartException(message);
                }
                if (spec.healthCheck().isHealthy(port)) {
                    return;
                }
                if (System.nanoTime() - deadline >= 0) {
                    stop();
                    throw new LocalServerStartException(name + " did not become healthy (" + spec.healthCheck()
                            + ") within " + spec.startTimeout().toMillis() + " ms" + where + "; its process "
                            + process.pid() + " was stopped" + LogTail.describe(logFile, LOG_TAIL_LINES));
                }
                Thread.sleep(HEALTH_POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new LocalServerStartException("interrupted while waiting for " + name + " to start", e);
        }
    }

    /** The short name from the spec, such as {@code "s3proxy"}. */
    public String name() {
        return name;
    }

    /** The 127.0.0.1 port the server listens on. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI httpUri() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** The operating-system id of the server process (not of its children). */
    public long pid() {
        return process.pid();
    }

    /** The file receiving the server's stdout and stderr. */
    public Path logFile() {
        return logFile;
    }

    /** Whether the server process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Ends the server and every process it started: SIGTERM, then SIGKILL for whatever still runs after a
     * grace period. Safe to call more than once and from any thread; later calls do nothing.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        destroyProcessTree();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook runs or ran already; nothing left to unregister
            }
        }
    }

    /**
     * Leaves the server running when this JVM exits (for {@code ./logway stack up}): no shutdown hook stops it,
     * and {@link #stop()} does nothing afterwards. {@link #stopProcessTree(long, Instant)} stops it later from
     * another JVM.
     */
    public void detach() {
        if (stopped.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // the JVM is exiting already; the hook stops the server
            }
        }
    }

    /** When the server process started, as the operating system reports it (empty if it cannot tell). */
    public Optional<Instant> startInstant() {
        return process.info().startInstant();
    }

    /**
     * Stops a server that an earlier JVM detached: the process and every process it started, SIGTERM then
     * SIGKILL. A process that no longer runs, or whose start time differs from {@code startInstant} (its id was
     * reused by another program), is left alone.
     *
     * @param pid the server's process id
     * @param startInstant the start time recorded with it, or null to skip the check
     * @return whether a running server was found and stopped
     */
    public static boolean stopProcessTree(long pid, Instant startInstant) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        if (startInstant != null) {
            Optional<Instant> actual = handle.get().info().startInstant();
            if (actual.isPresent() && !actual.get().equals(startInstant)) {
                return false;
            }
        }
        destroyProcessTree(handle.get());
        return true;
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void destroyProcessTree() {
        destroyProcessTree(process.toHandle());
    }

    private static void destroyProcessTree(ProcessHandle root) {
        // Collect the children first: once the parent is gone they are re-parented and no longer found.
        List<ProcessHandle> tree = new ArrayList<>();
        root.descendants().forEach(tree::add);
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        awaitExit(tree);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree);
    }

    private static void awaitExit(List<ProcessHandle> processes) {
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle handle : processes) {
            long remaining = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return name + " on " + HOST + ":" + port + " (pid " + process.pid() + ", log " + logFile + ")";
    }

    /** The process exited because its port was taken in the meantime. */
    private static final class PortTakenException extends Exception {

        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
