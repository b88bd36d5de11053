package io.github.logway.local.servers;

import java.nio.file.Path;
import java.time.Duration;

/**
 * kinesalite (npm {@code kinesalite}), the local Kinesis server that enforces the PutRecords limits (500
 * entries and 5 MiB per request, 1 MiB per record): the check that batching code never sends a request Kinesis
 * would refuse. In memory (memdown), no LevelDB. It speaks JSON, not the SDK's default CBOR.
 *
 * <p>Its command line ({@code kinesalite --port N}) listens on all interfaces, so this starts the package's server
 * function with a one-line {@code node -e} script that listens on 127.0.0.1 only.
 */
public final class KinesaliteServer {

    /** The server's short name, used in log file names. */
    public static final String NAME = "kinesalite";

    static final String PACKAGE = "kinesalite";
    static final String ENTRY_FILE = "index.js";

    /** Under a second on an idle machine; leave room for a busy build. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Starts kinesalite on {@code argv[1]} at 127.0.0.1. Streams become ACTIVE at once; 100 shards, so several
     * tests can create streams.
     */
    private static final String LAUNCH_SCRIPT =
            "var kinesalite = require(process.argv[1]);"
                    + "var server = kinesalite({createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 100});"
                    + "server.listen(Number(process.argv[2]), '127.0.0.1', function () {"
                    + " console.log('kinesalite listening at http://127.0.0.1:' + server.address().port); });";

    private KinesaliteServer() {}

    /**
     * Starts kinesalite on a free 127.0.0.1 port and waits until it answers.
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
                // kinesalite answers an unsigned GET / with 403: it is up once it answers at all.
                HttpHealthCheck.anyResponse("/"),
                START_TIMEOUT,
                directory));
    }

    private static ProcessBuilder processFor(Path pkg, Path directory, int port) {
        ProcessBuilder builder = new ProcessBuilder(
                NodePackages.nodeExecutable(), "-e", LAUNCH_SCRIPT, pkg.resolve(ENTRY_FILE).toString(),
                Integer.toString(port));
        builder.directory(directory.toFile());
        return builder;
    }
}
