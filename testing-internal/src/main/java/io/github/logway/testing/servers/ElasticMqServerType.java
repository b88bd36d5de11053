package io.github.logway.testing.servers;

import io.github.logway.local.servers.ElasticMqServer;
import io.github.logway.local.servers.LocalCredentials;
import io.github.logway.local.servers.LocalServer;

/** ElasticMQ ({@link ElasticMqServer}) for tests asking for an {@link SqsEndpoint}. */
final class ElasticMqServerType implements ServerType<SqsEndpoint> {

    @Override
    public String name() {
        return ElasticMqServer.NAME;
    }

    @Override
    public Class<SqsEndpoint> endpointType() {
        return SqsEndpoint.class;
    }

    @Override
    public RunningServer<SqsEndpoint> start() {
        LocalServer server = ElasticMqServer.start();
        return new RunningServer<>(server, new SqsEndpoint(server.httpUri(), LocalCredentials.REGION,
                LocalCredentials.ACCOUNT_ID, LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY));
    }
}
