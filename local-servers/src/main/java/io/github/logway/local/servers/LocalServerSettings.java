package io.github.logway.local.servers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put the servers and where their logs go, read from the system properties that the root
 * pom's failsafe configuration passes.
 */
public final class LocalServerSettings {

    /** Folder for server files and logs: {@code ${project.build.directory}/local-servers}. */
    public static final String DIRECTORY_PROPERTY = "logway.localServers.dir";

    /** Path of the s3proxy jar-with-dependencies. */
    public static final String S3PROXY_JAR_PROPERTY = "logway.s3proxy.jar";

    /** Path of the {@code opensearch-launcher} jar. */
    public static final String OPENSEARCH_LAUNCHER_JAR_PROPERTY = "logway.opensearch.launcher.jar";

    /** Path of the OpenSearch launcher's classpath file ({@code dependency:build-classpath}, attached). */
    public static final String OPENSEARCH_CLASSPATH_PROPERTY = "logway.opensearch.classpath";

    /** Path of ElasticMQ's classpath file (module {@code elasticmq-launcher}). */
    public static final String ELASTICMQ_CLASSPATH_PROPERTY = "logway.elasticmq.classpath";

    /** The local Maven repository that classpath files refer to. */
    public static final String LOCAL_REPOSITORY_PROPERTY = "logway.maven.localRepository";

    private LocalServerSettings() {}

    /** The local Maven repository: {@value #LOCAL_REPOSITORY_PROPERTY}, or {@code ~/.m2/repository}. */
    static Path localRepository() {
        String configured = System.getProperty(LOCAL_REPOSITORY_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".m2", "repository");
        }
        return Path.of(configured);
    }

    /**
     * The folder for server logs and generated config files: the module's build folder under failsafe, a
     * folder under {@code java.io.tmpdir} otherwise.
     */
    public static Path logDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("java.io.tmpdir"), "logway-local-servers");
        }
        return Path.of(configured);
    }

    /**
     * A file that a system property names and that must exist.
     *
     * @param property the system property
     * @param description what the file is, for the message
     * @return the existing file
     * @throws LocalServerStartException when the property is unset or the file is missing, saying how to fix
     *     the build
     */
    static Path requiredFile(String property, String description) {
        String configured = System.getProperty(property);
        if (configured == null || configured.isBlank()) {
            throw new LocalServerStartException(
                    "system property "
                            + property
                            + " is not set; it names "
                            + description
                            + ". Run integration tests through failsafe (mvn verify), which sets it from the root pom,"
                            + " or pass -D"
                            + property
                            + "=PATH when running from an IDE.");
        }
        Path path = Path.of(configured);
        if (!Files.isRegularFile(path)) {
            throw new LocalServerStartException(
                    description
                            + " is missing at "
                            + path
                            + " (system property "
                            + property
                            + "). The module's pom must declare org.apache.maven.plugins:maven-dependency-plugin in"
                            + " build/plugins so the root pom's local-server-* executions copy it there before"
                            + " integration-test.");
        }
        return path;
    }

    /** The {@code java} launcher of the running JVM, so servers run on the same Java as the build. */
    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
