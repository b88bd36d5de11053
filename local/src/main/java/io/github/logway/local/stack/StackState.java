package io.github.logway.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.logway.local.servers.LocalServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code stack up} leaves behind for {@code stack status}, {@code stack down} and {@code invoke}: each
 * detached server's process id, start time, endpoint and log file, in {@code .logway/stack.json} under the
 * repository root.
 *
 * @param servers one entry per running service
 */
public record StackState(List<Server> servers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The state file's name under {@code .logway/}. */
    static final String FILE_NAME = "stack.json";

    /** Copies the list. */
    public StackState {
        servers = List.copyOf(servers);
    }

    /**
     * One detached server.
     *
     * @param service which service
     * @param pid its process id
     * @param startInstant when the process started, to tell a reused process id apart (null if unknown)
     * @param endpoint {@code http://127.0.0.1:PORT}
     * @param logFile where its output goes
     */
    public record Server(StackService service, long pid, Instant startInstant, URI endpoint, Path logFile) {

        /** Whether the recorded process still runs (and is the same process: its start time matches). */
        public boolean isAlive() {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive()) {
                return false;
            }
            Optional<Instant> actual = handle.get().info().startInstant();
            return startInstant == null || actual.isEmpty() || actual.get().equals(startInstant);
        }
    }

    /** Whether every recorded server still runs. */
    public boolean allAlive() {
        return !servers.isEmpty() && servers.stream().allMatch(Server::isAlive);
    }

    static StackState of(Map<StackService, LocalServer> running) {
        List<Server> servers = new ArrayList<>();
        running.forEach((service, server) -> servers.add(new Server(service, server.pid(),
                server.startInstant().orElse(null), server.httpUri(), server.logFile())));
        return new StackState(servers);
    }

    /** The endpoints of the recorded servers. */
    public StackEndpoints endpoints() {
        Map<StackService, URI> endpoints = new EnumMap<>(StackService.class);
        servers.forEach(server -> endpoints.put(server.service(), server.endpoint()));
        return new StackEndpoints(endpoints);
    }

    /** The default state file: {@code .logway/stack.json} under the repository root. */
    public static Path defaultFile() {
        return LocalServerFiles.home().resolve(".logway").resolve(FILE_NAME);
    }

    /**
     * Writes the state atomically.
     *
     * @param file where
     * @throws IOException when it cannot be written
     */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("servers");
        for (Server server : servers) {
            ObjectNode node = array.addObject();
            node.put("service", server.service().key());
            node.put("pid", server.pid());
            node.put("start_instant", server.startInstant() == null ? null : server.startInstant().toString());
            node.put("endpoint", server.endpoint().toString());
            node.put("log_file", server.logFile().toString());
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a state file.
     *
     * @param file where
     * @return the state, empty when the file does not exist
     * @throws IOException when it exists but cannot be read or parsed
     */
    public static Optional<StackState> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root = JSON.readTree(file.toFile());
        List<Server> servers = new ArrayList<>();
        for (JsonNode node : root.path("servers")) {
            String start = node.path("start_instant").asText(null);
            servers.add(new Server(
                    StackService.ofKey(node.path("service").asText()),
                    node.path("pid").asLong(),
                    start == null || start.isEmpty() || node.path("start_instant").isNull() ? null : Instant.parse(start),
                    URI.create(node.path("endpoint").asText()),
                    Path.of(node.path("log_file").asText())));
        }
        return Optional.of(new StackState(servers));
    }
}
