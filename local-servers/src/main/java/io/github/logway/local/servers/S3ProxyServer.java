package io.github.logway.local.servers;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * s3proxy with in-memory ({@code transient}) storage, run as its own JVM from the jar-with-dependencies that
 * the build copies (system property {@value LocalServerSettings#S3PROXY_JAR_PROPERTY}). It checks AWS signature
 * v2 and v4 against {@link LocalCredentials} and serves path-style requests only.
 */
public final class S3ProxyServer {

    /** The server's short name, used in log file names. */
    public static final String NAME = "s3proxy";

    /** s3proxy takes about 5 s on a 2-core machine; leave room for a busy build. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** Small heap, quick JIT: the server only holds test and demo objects. */
    private static final String[] JVM_OPTIONS = {"-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"};

    private S3ProxyServer() {}

    /**
     * Starts s3proxy on a free 127.0.0.1 port and waits until it answers.
     *
     * @return the running server; the caller stops it
     * @throws LocalServerStartException when it cannot be started
     */
    public static LocalServer start() {
        Path jar = LocalServerSettings.requiredFile(LocalServerSettings.S3PROXY_JAR_PROPERTY, "the s3proxy jar");
        Path directory = LocalServerSettings.logDirectory();
        return LocalServer.start(new LocalServerSpec(
                NAME,
                port -> processFor(jar, writeProperties(directory, port)),
                HttpHealthCheck.anyResponse("/"),
                START_TIMEOUT,
                directory));
    }

    private static ProcessBuilder processFor(Path jar, Path properties) {
        ProcessBuilder builder = new ProcessBuilder(LocalServerSettings.javaExecutable().toString());
        builder.command().addAll(List.of(JVM_OPTIONS));
        builder.command().addAll(List.of("-jar", jar.toString(), "--properties", properties.toString()));
        return builder;
    }

    private static Path writeProperties(Path directory, int port) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("s3proxy.endpoint", "http://" + LocalServer.HOST + ":" + port);
        properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        properties.setProperty("s3proxy.identity", LocalCredentials.ACCESS_KEY_ID);
        properties.setProperty("s3proxy.credential", LocalCredentials.SECRET_ACCESS_KEY);
        properties.setProperty("jclouds.provider", "transient");
        properties.setProperty("jclouds.identity", "unused");
        properties.setProperty("jclouds.credential", "unused");
        properties.setProperty("jclouds.regions", LocalCredentials.REGION);
        Path file = directory.resolve(NAME + "-" + port + ".properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "written by Logway's local servers");
        }
        return file;
    }
}
