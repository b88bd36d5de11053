package io.github.logway.local.stack;

import io.github.logway.local.servers.LocalServer;
import io.github.logway.local.servers.LocalServerStartException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The local servers of a stack, started together (in parallel: OpenSearch's 10-20 s then bound the start) and
 * stopped together. Closing stops every server and every process it started; a server that fails to start
 * stops the ones already running.
 */
public final class LocalStack implements AutoCloseable {

    private final Map<StackService, LocalServer> servers;

    private LocalStack(Map<StackService, LocalServer> servers) {
        this.servers = Collections.unmodifiableMap(servers);
    }

    /**
     * Starts the given services on free 127.0.0.1 ports and waits until all are healthy.
     *
     * @param services what to run
     * @param progress receives one human-readable line per service when it is up
     * @return the running stack; the caller closes it
     * @throws LocalServerStartException when a service cannot start (the others are stopped); the message names
     *     every service that failed, with its log tail
     */
    public static LocalStack start(Set<StackService> services, Consumer<String> progress) {
        LocalServerFiles.applyDefaults();
        ExecutorService starters = Executors.newFixedThreadPool(Math.max(1, services.size()), task -> {
            Thread thread = new Thread(task, "local-stack-start");
            thread.setDaemon(true);
            return thread;
        });
        Map<StackService, Future<LocalServer>> starting = new EnumMap<>(StackService.class);
        long started = System.nanoTime();
        for (StackService service : services) {
            starting.put(service, starters.submit(() -> {
                LocalServer server = service.start();
                progress.accept(String.format("%-10s up at %s (%.1f s)", service.key(), server.httpUri(),
                        (System.nanoTime() - started) / 1e9));
                return server;
            }));
        }
        starters.shutdown();
        Map<StackService, LocalServer> running = new EnumMap<>(StackService.class);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<StackService, Future<LocalServer>> entry : starting.entrySet()) {
            try {
                running.put(entry.getKey(), entry.getValue().get());
            } catch (ExecutionException e) {
                failures.add(entry.getKey().key() + ": " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                starting.values().forEach(future -> future.cancel(true));
                failures.add("interrupted while starting " + entry.getKey().key());
                break;
            }
        }
        if (!failures.isEmpty()) {
            running.values().forEach(LocalServer::stop);
            throw new LocalServerStartException("the local stack could not start:\n" + String.join("\n", failures));
        }
        return new LocalStack(running);
    }

    /** Where each service listens. */
    public StackEndpoints endpoints() {
        Map<StackService, URI> endpoints = new EnumMap<>(StackService.class);
        servers.forEach((service, server) -> endpoints.put(service, server.httpUri()));
        return new StackEndpoints(endpoints);
    }

    /** The running servers by service. */
    public Map<StackService, LocalServer> servers() {
        return servers;
    }

    /**
     * Leaves the servers running after this JVM exits (for {@code stack up}): nothing stops them but {@code stack
     * down}, which finds them through the state file.
     *
     * @return the state to save
     */
    public StackState detach() {
        servers.values().forEach(LocalServer::detach);
        return StackState.of(servers);
    }

    /** Stops every server; safe to call more than once. */
    @Override
    public void close() {
        servers.values().forEach(LocalServer::stop);
    }
}
