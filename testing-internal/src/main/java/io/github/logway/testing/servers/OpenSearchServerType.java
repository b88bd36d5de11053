package io.github.logway.testing.servers;

import io.github.logway.local.servers.LocalServer;
import io.github.logway.local.servers.OpenSearchServer;

/** A single-node OpenSearch ({@link OpenSearchServer}) for tests asking for an {@link OpenSearchEndpoint}. */
final class OpenSearchServerType implements ServerType<OpenSearchEndpoint> {

    @Override
    public String name() {
        return OpenSearchServer.NAME;
    }

    @Override
    public Class<OpenSearchEndpoint> endpointType() {
        return OpenSearchEndpoint.class;
    }

    @Override
    public RunningServer<OpenSearchEndpoint> start() {
        LocalServer server = OpenSearchServer.start();
        return new RunningServer<>(server, new OpenSearchEndpoint(server.httpUri()));
    }
}
