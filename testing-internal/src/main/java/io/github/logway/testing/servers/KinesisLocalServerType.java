package io.github.logway.testing.servers;

import io.github.logway.local.servers.KinesisLocalServer;
import io.github.logway.local.servers.LocalCredentials;
import io.github.logway.local.servers.LocalServer;

/** kinesis-local ({@link KinesisLocalServer}) for tests asking for a {@link KinesisEndpoint}; speaks CBOR. */
final class KinesisLocalServerType implements ServerType<KinesisEndpoint> {

    @Override
    public String name() {
        return KinesisLocalServer.NAME;
    }

    @Override
    public Class<KinesisEndpoint> endpointType() {
        return KinesisEndpoint.class;
    }

    @Override
    public RunningServer<KinesisEndpoint> start() {
        LocalServer server = KinesisLocalServer.start();
        return new RunningServer<>(server, new KinesisEndpoint(server.httpUri(), LocalCredentials.REGION,
                LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY, true));
    }
}
