package io.github.logway.local.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds ports on 127.0.0.1 that nothing listens on. */
final class FreePorts {

    private FreePorts() {}

    /**
     * Asks the operating system for an ephemeral port on 127.0.0.1 and releases it at once. Another process
     * may take the port before the server binds it; {@link LocalServer} retries with a new port when that
     * happens.
     *
     * @return a port that was free a moment ago
     */
    static int loopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LocalServer.HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LocalServer.HOST, e);
        }
    }
}
