package io.github.logway.local.servers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A trivial server program for {@link LocalServerTest}, run as its own process from the test classes. Modes:
 * {@code serve PORT} answers {@code GET /health} with 200 "ok"; {@code serve-with-child PORT} also starts a
 * {@code sleep} child first; {@code never-healthy} and {@code sleep} run without listening; {@code exit CODE}
 * exits at once. Uses only JDK classes: its process has nothing but the test classes folder on the class path.
 */
final class TinyHttpServerProcess {

    private TinyHttpServerProcess() {}

    /**
     * The command line that runs this class in {@code mode} on the current JVM's {@code java}.
     *
     * @param mode the mode and its argument, such as {@code "serve", "8080"}
     * @return the process builder, not started
     */
    static ProcessBuilder command(String... mode) {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                testClassesDirectory().toString(),
                TinyHttpServerProcess.class.getName());
        builder.command().addAll(List.of(mode));
        return builder;
    }

    private static Path testClassesDirectory() {
        try {
            return Path.of(TinyHttpServerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        long pid = ProcessHandle.current().pid();
        switch (args[0]) {
            case "serve" -> serve(pid, Integer.parseInt(args[1]));
            case "serve-with-child" -> {
                Process child = command("sleep").inheritIO().start();
                System.out.println("tiny server pid=" + pid + " started child pid=" + child.pid());
                serve(pid, Integer.parseInt(args[1]));
            }
            case "never-healthy" -> {
                System.out.println("tiny server pid=" + pid + " is warming up forever");
                Thread.sleep(Long.MAX_VALUE);
            }
            case "sleep" -> Thread.sleep(Long.MAX_VALUE);
            case "exit" -> {
                System.out.println("tiny server pid=" + pid + " gives up");
                System.exit(Integer.parseInt(args[1]));
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void serve(long pid, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("tiny server pid=" + pid + " listening on 127.0.0.1:" + port);
    }
}
