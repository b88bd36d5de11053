package io.github.logway.local.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * kinesis-local (npm {@code kinesis-local}: kinesis-mock compiled to JavaScript), run with {@code node
 * node_modules/kinesis-local/main.js}. It speaks the SDK's default CBOR and JSON, keeps streams in memory, and
 * does <b>not</b> enforce the PutRecords limits (500 entries, 5 MiB): code under test must; {@link
 * KinesaliteServer} checks that.
 *
 * <p>It takes its ports from the environment and binds them on <b>all interfaces</b> (it has no setting for the
 * address): the plain HTTP port is the endpoint, the TLS port (which nothing uses) gets a second free port so
 * that parallel builds do not collide on its default 4567. Clients connect to 127.0.0.1 only.
 */
public final class KinesisLocalServer {

    /** The server's short name, used in log file names. */
    public static final String NAME = "kinesis-local";

    static final String PACKAGE = "kinesis-local";
    static final String ENTRY_FILE = "main.js";
    /** The self-signed certificate shipped in the package, required even though only plain HTTP is used. */
    static final String CERTIFICATE_FILE = "server.json";

    /** About 1 s on an idle machine; leave room for a busy build. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** How long a stream stays CREATING/DELETING/UPDATING: short, so clients wait little for ACTIVE. */
    private static final String STREAM_STATE_DURATION = "50ms";

    private KinesisLocalServer() {}

    /**
     * Starts kinesis-local on a free port and waits until its health check answers.
     *
     * @return the running server; the caller stops it
     * @throws LocalServerStartException when node or the package is missing or it does not start
     */
    public static LocalServer start() {
        Path pkg = NodePackages.packageDirectory(PACKAGE, ENTRY_FILE);
        Path directory = LocalServerSettings.logDirectory();
        return LocalServer.start(new LocalServerSpec(
                NAME,
                port -> processFor(pkg, directory, port),
                HttpHealthCheck.successfulResponse("/healthcheck"),
                START_TIMEOUT,
                directory));
    }

    private static ProcessBuilder processFor(Path pkg, Path directory, int port) {
        ProcessBuilder builder = new ProcessBuilder(NodePackages.nodeExecutable(), pkg.resolve(ENTRY_FILE).toString());
        // Its working folder is the log folder: nothing is persisted, but a stray "data" folder would land there.
        builder.directory(directory.toFile());
        Map<String, String> env = builder.environment();
        env.put("KINESIS_MOCK_CERT_PATH", pkg.resolve(CERTIFICATE_FILE).toString());
        env.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(port));
        env.put("KINESIS_MOCK_TLS_PORT", Integer.toString(FreePorts.loopbackPort()));
        env.put("AWS_REGION", LocalCredentials.REGION);
        env.put("AWS_ACCOUNT_ID", LocalCredentials.ACCOUNT_ID);
        env.put("SHOULD_PERSIST_DATA", "false");
        env.put("LOAD_DATA_IF_EXISTS", "false");
        env.put("LOG_LEVEL", "WARN");
        for (String variable : new String[] {
            "CREATE_STREAM_DURATION", "DELETE_STREAM_DURATION", "UPDATE_SHARD_COUNT_DURATION",
            "REGISTER_STREAM_CONSUMER_DURATION", "DEREGISTER_STREAM_CONSUMER_DURATION"
        }) {
            env.put(variable, STREAM_STATE_DURATION);
        }
        return builder;
    }
}
