package io.github.logway.testing.servers;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * s3proxy with in-memory ({@code transient}) storage, run as its own JVM from the jar-with-dependencies
 * that the build copies (system property {@value LocalServerSettings#S3PROXY_JAR_PROPERTY}). It checks AWS
 * signature v2 and v4 against fixed local credentials.
 */
final class S3ProxyServerType implements ServerType<S3Endpoint> {

    static final String NAME = "s3proxy";
    static final String REGION = "us-east-1";
    static final String ACCESS_KEY_ID = "logway-local-access-key";
    static final String SECRET_ACCESS_KEY = "logway-local-secret-key";

    /** s3proxy takes about 5 s on a 2-core machine; leave room for a busy build. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** Small heap, quick JIT: the server only holds test objects. */
    private static final String[] JVM_OPTIONS = {
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"
    };

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<S3Endpoint> endpointType() {
        return S3Endpoint.class;
    }

    @Override
    public RunningServer<S3Endpoint> start() {
        Path jar = LocalServerSettings.requiredFile(LocalServerSettings.S3PROXY_JAR_PROPERTY, "the s3proxy jar");
        Path directory = LocalServerSettings.logDirectory();
        LocalServerSpec spec =
                new LocalServerSpec(
                        NAME,
                        port -> processFor(jar, writeProperties(directory, port)),
                        HttpHealthCheck.anyResponse("/"),
                        START_TIMEOUT,
                        directory);
        LocalServer server = LocalServer.start(spec);
        return new RunningServer<>(
                server, new S3Endpoint(server.httpUri(), REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY));
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
        properties.setProperty("s3proxy.identity", ACCESS_KEY_ID);
        properties.setProperty("s3proxy.credential", SECRET_ACCESS_KEY);
        properties.setProperty("jclouds.provider", "transient");
        properties.setProperty("jclouds.identity", "unused");
        properties.setProperty("jclouds.credential", "unused");
        properties.setProperty("jclouds.regions", REGION);
        Path file = directory.resolve(NAME + "-" + port + ".properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "written by Logway's LocalServersExtension");
        }
        return file;
    }
}
