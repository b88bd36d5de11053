package io.github.logway.testing.servers;

import io.github.logway.local.servers.LocalServer;
import java.util.Objects;

/**
 * A started server together with the endpoint that tests receive.
 *
 * @param server the process
 * @param endpoint what a client needs to connect
 * @param <E> the endpoint type
 */
record RunningServer<E>(LocalServer server, E endpoint) {

    RunningServer {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
