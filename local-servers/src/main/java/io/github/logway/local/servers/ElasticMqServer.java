package io.github.logway.local.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * ElasticMQ, an SQS-compatible server (in memory, strict SQS limits), run as its own JVM from the classpath
 * file the {@code elasticmq-launcher} module attaches (system property {@value
 * LocalServerSettings#ELASTICMQ_CLASSPATH_PROPERTY}). Queue URLs are {@code http://127.0.0.1:PORT/000000000000/NAME}
 * and queue ARNs {@code arn:aws:sqs:us-east-1:000000000000:NAME}, like real ones. Binds 127.0.0.1 only.
 */
public final class ElasticMqServer {

    /** The server's short name, used in log file names. */
    public static final String NAME = "elasticmq";

    private static final String MAIN_CLASS = "org.elasticmq.server.Main";

    /** About 3 s on an idle machine; leave room for a busy build. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static final String[] JVM_OPTIONS = {"-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"};

    private ElasticMqServer() {}

    /**
     * Starts ElasticMQ on a free 127.0.0.1 port and waits until it answers.
     *
     * @return the running server; the caller stops it
     * @throws LocalServerStartException when it cannot be started
     */
    public static LocalServer start() {
        Path classpathFile = LocalServerSettings.requiredFile(
                LocalServerSettings.ELASTICMQ_CLASSPATH_PROPERTY, "the ElasticMQ classpath");
        Path directory = LocalServerSettings.logDirectory();
        return LocalServer.start(new LocalServerSpec(
                NAME,
                port -> processFor(classpathFile, writeConfig(directory, port)),
                // ElasticMQ answers an unsigned GET / with an SQS error: it is up once it answers at all.
                HttpHealthCheck.anyResponse("/"),
                START_TIMEOUT,
                directory));
    }

    private static ProcessBuilder processFor(Path classpathFile, Path config) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(LocalServerSettings.javaExecutable().toString());
        builder.command().addAll(List.of(JVM_OPTIONS));
        builder.command().addAll(List.of(
                "-Dconfig.file=" + config, "-cp", ClasspathFile.read(classpathFile), MAIN_CLASS));
        return builder;
    }

    private static Path writeConfig(Path directory, int port) throws IOException {
        String config = String.join("\n",
                "# written by Logway's local servers",
                "include classpath(\"application.conf\")",
                "node-address { protocol = \"http\", host = \"" + LocalServer.HOST + "\", port = " + port
                        + ", context-path = \"\" }",
                "rest-sqs { enabled = true, bind-port = " + port + ", bind-hostname = \"" + LocalServer.HOST
                        + "\", sqs-limits = strict }",
                "rest-stats { enabled = false }",
                "aws { region = \"" + LocalCredentials.REGION + "\", accountId = \"" + LocalCredentials.ACCOUNT_ID
                        + "\" }",
                "");
        Path file = directory.resolve(NAME + "-" + port + ".conf");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }
}
