package io.github.logway.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Node server (kinesis-local, kinesalite) whose port is taken before it binds is started again elsewhere. */
class NodePortTakenTest {

    /** A Node HTTP server on 127.0.0.1:argv[1] answering 200. */
    private static final String NODE_SERVER = "require('http').createServer(function (request, response) {"
            + " response.end('ok'); }).listen(Number(process.argv[1]), '127.0.0.1');";

    @TempDir
    Path logs;

    @Test
    void start_whenNodeFindsItsPortTaken_startsAgainOnAnotherPort() throws Exception {
        List<Integer> portsTried = new ArrayList<>();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LocalServer.HOST));
                LocalServer server = LocalServer.start(new LocalServerSpec(
                        "node-tiny",
                        port -> {
                            portsTried.add(port);
                            int bind = portsTried.size() == 1 ? taken.getLocalPort() : port;
                            return new ProcessBuilder(NodePackages.nodeExecutable(), "-e", NODE_SERVER,
                                    Integer.toString(bind));
                        },
                        HttpHealthCheck.successfulResponse("/"),
                        Duration.ofSeconds(60),
                        logs))) {
            assertThat(portsTried).hasSize(2);
            assertThat(server.port()).isEqualTo(portsTried.get(1));
        }
    }
}
