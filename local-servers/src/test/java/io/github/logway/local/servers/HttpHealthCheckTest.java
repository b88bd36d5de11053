package io.github.logway.local.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpHealthCheckTest {

    private HttpServer server;

    @BeforeEach
    void startServerAnswering403() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    @Test
    void anyResponse_whenServerAnswersWithError_isHealthy() throws Exception {
        assertThat(HttpHealthCheck.anyResponse("/").isHealthy(port())).isTrue();
    }

    @Test
    void successfulResponse_whenServerAnswersWithError_isNotHealthy() throws Exception {
        assertThat(HttpHealthCheck.successfulResponse("/").isHealthy(port())).isFalse();
    }

    @Test
    void anyResponse_whenNothingListens_isNotHealthy() throws Exception {
        int closedPort = port();
        server.stop(0);

        assertThat(HttpHealthCheck.anyResponse("/").isHealthy(closedPort)).isFalse();
    }

    @Test
    void anyResponse_whenPathIsRelative_throws() {
        assertThatThrownBy(() -> HttpHealthCheck.anyResponse("health"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path must start with '/': health");
    }
}
