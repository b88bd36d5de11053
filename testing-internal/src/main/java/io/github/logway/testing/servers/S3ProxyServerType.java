package io.github.logway.testing.servers;

import io.github.logway.local.servers.LocalCredentials;
import io.github.logway.local.servers.LocalServer;
import io.github.logway.local.servers.S3ProxyServer;

/** s3proxy ({@link S3ProxyServer}) for tests asking for an {@link S3Endpoint}. */
final class S3ProxyServerType implements ServerType<S3Endpoint> {

    @Override
    public String name() {
        return S3ProxyServer.NAME;
    }

    @Override
    public Class<S3Endpoint> endpointType() {
        return S3Endpoint.class;
    }

    @Override
    public RunningServer<S3Endpoint> start() {
        LocalServer server = S3ProxyServer.start();
        return new RunningServer<>(server, new S3Endpoint(server.httpUri(), LocalCredentials.REGION,
                LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY));
    }
}
