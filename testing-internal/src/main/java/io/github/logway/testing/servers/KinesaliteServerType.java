package io.github.logway.testing.servers;

import io.github.logway.local.servers.KinesaliteServer;
import io.github.logway.local.servers.LocalCredentials;
import io.github.logway.local.servers.LocalServer;

/**
 * kinesalite ({@link KinesaliteServer}) for tests asking for a {@link KinesaliteEndpoint}. It speaks JSON, not
 * CBOR: the endpoint builds clients with CBOR off (see {@link KinesisEndpoint}).
 */
final class KinesaliteServerType implements ServerType<KinesaliteEndpoint> {

    @Override
    public String name() {
        return KinesaliteServer.NAME;
    }

    @Override
    public Class<KinesaliteEndpoint> endpointType() {
        return KinesaliteEndpoint.class;
    }

    @Override
    public RunningServer<KinesaliteEndpoint> start() {
        LocalServer server = KinesaliteServer.start();
        KinesisEndpoint kinesis = new KinesisEndpoint(server.httpUri(), LocalCredentials.REGION,
                LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY, false);
        return new RunningServer<>(server, new KinesaliteEndpoint(kinesis));
    }
}
