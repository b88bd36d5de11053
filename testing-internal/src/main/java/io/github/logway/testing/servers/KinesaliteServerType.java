package io.github.logway.testing.servers;

import java.nio.file.Path;
import java.time.Duration;

/**
 * kinesalite (npm {@code kinesalite}), the local Kinesis server that enforces the PutRecords limits (500
 * entries and 5 MiB per request, 1 MiB per record): the check that batching code never sends a request Kinesis
 * would refuse. In memory (memdown), no LevelDB.
 *
 * <p>Its command line ({@code kinesalite --port N}) listens on all interfaces, so this starts the package's server
 * function with a one-line {@code node -e} script that listens on 127.0.0.1 only. It speaks JSON, not CBOR: its
 * {@link KinesaliteEndpoint} builds clients with CBOR off (see {@link KinesisEndpoint}).
 */
final class KinesaliteServerType implements ServerType<KinesaliteEndpoint> {

    static final String NAME = "kinesalite";
    static final String PACKAGE = "kinesalite";
    static final String ENTRY_FILE = "index.js";

    static final String REGION = "us-east-1";
    /** kinesalite's fixed account: stream ARNs are {@code arn:aws:kinesis:us-east-1:000000000000:stream/NAME}. */
    static final String ACCOUNT_ID = "000000000000";
    static final String ACCESS_KEY_ID = "logway-local-access-key";
    static final String SECRET_ACCESS_KEY = "logway-local-secret-key";

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

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<KinesaliteEndpoint> endpointType() {
        return KinesaliteEndpoint.class;
    }

    @Override
    public RunningServer<KinesaliteEndpoint> start() {
        Path pkg = NodePackages.packageDirectory(PACKAGE, ENTRY_FILE);
        Path directory = LocalServerSettings.logDirectory();
        LocalServerSpec spec =
                new LocalServerSpec(
                        NAME,
                        port -> processFor(pkg, directory, port),
                        // kinesalite answers an unsigned GET / with 403: it is up once it answers at all.
                        HttpHealthCheck.anyResponse("/"),
                        START_TIMEOUT,
                        directory);
        LocalServer server = LocalServer.start(spec);
        KinesisEndpoint kinesis =
                new KinesisEndpoint(server.httpUri(), REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY, false);
        return new RunningServer<>(server, new KinesaliteEndpoint(kinesis));
    }

    private static ProcessBuilder processFor(Path pkg, Path directory, int port) {
        ProcessBuilder builder =
                new ProcessBuilder(
                        NodePackages.nodeExecutable(),
                        "-e",
                        LAUNCH_SCRIPT,
                        pkg.resolve(ENTRY_FILE).toString(),
                        Integer.toString(port));
        builder.directory(directory.toFile());
        return builder;
    }
}
