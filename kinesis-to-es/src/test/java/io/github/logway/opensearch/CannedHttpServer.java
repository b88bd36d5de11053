package io.github.logway.opensearch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real HTTP server on 127.0.0.1 answering every request with one canned status and body (optionally after a
 * delay), recording each request as received: for the clients that talk HTTP themselves.
 */
final class CannedHttpServer implements AutoCloseable {

    /** One request as the server received it (header names lower case). */
    record Received(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;
    private volatile int status = 200;
    private volatile byte[] answer = new byte[0];
    private volatile Duration delay = Duration.ZERO;

    private CannedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = answer;
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.setExecutor(null);
        server.start();
    }

    /** Starts a server answering 200 with an empty body until told otherwise. */
    static CannedHttpServer start() {
        try {
            return new CannedHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers every further request with {@code status} and {@code body}. */
    CannedHttpServer answer(int status, String body) {
        this.status = status;
        this.answer = body.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Waits this long before answering. */
    CannedHttpServer delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request so far. */
    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
