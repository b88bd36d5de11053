package io.github.logway.testing.servers;

import io.github.logway.local.servers.LocalServer;
import io.github.logway.local.servers.LocalServerStartException;
import io.github.logway.local.servers.OpenSearchServer;
import java.util.Map;

/**
 * Extra OpenSearch nodes with their own node settings, for the few tests that need a differently configured
 * node than the shared one {@link LocalServersExtension} gives as {@link OpenSearchEndpoint} (for example a
 * tiny write queue that makes real {@code 429} rejections). The caller stops the node ({@link LocalServer#stop()}).
 */
public final class OpenSearchNodes {

    private OpenSearchNodes() {}

    /**
     * Starts a node on a free 127.0.0.1 port with extra node settings and waits until it is yellow.
     *
     * @param name server name for the log file, lowercase letters, digits and '-', such as {@code opensearch-tiny-queue}
     * @param nodeSettings node settings such as {@code thread_pool.write.queue_size=1}
     * @return the healthy node; {@link LocalServer#httpUri()} is its endpoint
     * @throws LocalServerStartException when it cannot be started
     */
    public static LocalServer start(String name, Map<String, String> nodeSettings) {
        return OpenSearchServer.start(name, nodeSettings);
    }
}
