package io.github.logway.local.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServerTest {

    private static final Duration GENEROUS_START = Duration.ofSeconds(30);
    private static final Pattern PID = Pattern.compile("tiny server pid=(\\d+)");

    @TempDir
    Path logs;

    private LocalServerSpec tinyServer(Duration startTimeout, String mode) {
        return new LocalServerSpec(
                "tiny",
                port -> TinyHttpServerProcess.command(mode, Integer.toString(port)),
                HttpHealthCheck.successfulResponse("/health"),
                startTimeout,
                logs);
    }

    @Test
    void start_whenProcessBecomesHealthy_returnsServerAnsweringOnLoopbackPort() throws Exception {
        try (LocalServer server = LocalServer.start(tinyServer(GENEROUS_START, "serve"))) {
            HttpResponse<String> response = get(server.httpUri().resolve("/health"));

            assertThat(server.httpUri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("ok");
            assertThat(server.isAlive()).isTrue();
        }
    }

    @Test
    void start_writesServerOutputToLogFileNamedAfterServerAndPort() throws Exception {
        try (LocalServer server = LocalServer.start(tinyServer(GENEROUS_START, "serve"))) {
            assertThat(server.logFile()).isEqualTo(logs.resolve("tiny-" + server.port() + ".log"));
            assertThat(Files.readString(server.logFile()))
                    .contains("tiny server pid=" + server.pid() + " listening on 127.0.0.1:" + server.port());
        }
    }

    @Test
    void stop_endsServerAndTheProcessesItStarted() {
        LocalServer server = LocalServer.start(tinyServer(GENEROUS_START, "serve-with-child"));
        ProcessHandle serverProcess = ProcessHandle.of(server.pid()).orElseThrow();
        List<ProcessHandle> children = serverProcess.children().toList();
        assertThat(children).as("the child started before the server listened").hasSize(1);

        server.stop();

        assertThat(serverProcess.isAlive()).isFalse();
        assertThat(children.get(0).isAlive()).isFalse();
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void stop_whenCalledAgain_doesNothing() {
        LocalServer server = LocalServer.start(tinyServer(GENEROUS_START, "serve"));
        server.stop();

        assertThatCode(server::stop).doesNotThrowAnyException();
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void start_whenServerNeverBecomesHealthy_throwsWithLogTailAndStopsProcess() {
        LocalServerStartException error = catchThrowableOfType(
                LocalServerStartException.class,
                () -> LocalServer.start(tinyServer(Duration.ofMillis(1500), "never-healthy")));

        assertThat(error)
                .hasMessageContaining("tiny did not become healthy (GET /health) within 1500 ms on 127.0.0.1:")
                .hasMessageContaining("--- tail of " + logs)
                .hasMessageContaining("is warming up forever");
        assertThat(ProcessHandle.of(pidIn(error.getMessage())).filter(ProcessHandle::isAlive))
                .as("the unhealthy process was killed")
                .isEmpty();
    }

    @Test
    void start_whenServerExitsBeforeBecomingHealthy_throwsWithExitCodeAndLogTail() {
        assertThatThrownBy(() -> LocalServer.start(
                        new LocalServerSpec(
                                "tiny",
                                port -> TinyHttpServerProcess.command("exit", "3"),
                                HttpHealthCheck.successfulResponse("/health"),
                                GENEROUS_START,
                                logs)))
                .isInstanceOf(LocalServerStartException.class)
                .hasMessageContaining("tiny exited with code 3 before becoming healthy on 127.0.0.1:")
                .hasMessageContaining("gives up");
    }

    @Test
    void start_whenProgramDoesNotExist_throwsNamingTheCommand() {
        assertThatThrownBy(() -> LocalServer.start(
                        new LocalServerSpec(
                                "tiny",
                                port -> new ProcessBuilder("/nonexistent/logway-no-such-program", "--port"),
                                HttpHealthCheck.successfulResponse("/health"),
                                GENEROUS_START,
                                logs)))
                .isInstanceOf(LocalServerStartException.class)
                .hasMessageStartingWith("cannot run tiny (/nonexistent/logway-no-such-program --port)");
    }

    @Test
    void start_whenPreparingFails_throwsWithTheCause() {
        assertThatThrownBy(() -> LocalServer.start(
                        new LocalServerSpec(
                                "tiny",
                                port -> {
                                    throw new IOException("disk full");
                                },
                                HttpHealthCheck.successfulResponse("/health"),
                                GENEROUS_START,
                                logs)))
                .isInstanceOf(LocalServerStartException.class)
                .hasMessage("cannot prepare tiny: disk full")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void start_whenPortIsTakenBeforeServerBindsIt_startsAgainOnAnotherPort() throws Exception {
        List<Integer> portsTried = new ArrayList<>();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                LocalServer server = LocalServer.start(new LocalServerSpec(
                        "tiny",
                        port -> {
                            portsTried.add(port);
                            int bind = portsTried.size() == 1 ? taken.getLocalPort() : port;
                            return TinyHttpServerProcess.command("serve", Integer.toString(bind));
                        },
                        HttpHealthCheck.successfulResponse("/health"),
                        GENEROUS_START,
                        logs))) {
            assertThat(portsTried).hasSize(2);
            assertThat(server.port()).isEqualTo(portsTried.get(1));
            assertThat(get(server.httpUri().resolve("/health")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void start_whenPortIsTakenEveryTime_givesUpAfterThreeAttempts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> LocalServer.start(new LocalServerSpec(
                            "tiny",
                            port -> TinyHttpServerProcess.command("serve", Integer.toString(taken.getLocalPort())),
                            HttpHealthCheck.successfulResponse("/health"),
                            GENEROUS_START,
                            logs)))
                    .isInstanceOf(LocalServerStartException.class)
                    .hasMessageStartingWith("tiny found its port taken 3 times: tiny exited with code 1")
                    .hasMessageContaining("Address already in use");
        }
    }

    private static long pidIn(String message) {
        Matcher matcher = PID.matcher(message);
        assertThat(matcher.find()).as("pid in message: %s", message).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
