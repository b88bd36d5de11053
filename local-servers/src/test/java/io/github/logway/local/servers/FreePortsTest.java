package io.github.logway.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void loopbackPort_returnsPortThatCanBeBoundOnLoopback() throws Exception {
        int port = FreePorts.loopbackPort();

        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void loopbackPort_whileFirstPortIsTaken_returnsAnotherPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(FreePorts.loopbackPort()).isNotEqualTo(taken.getLocalPort());
        }
    }
}
