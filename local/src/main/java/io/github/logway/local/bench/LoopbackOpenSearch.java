package io.github.logway.local.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * The OpenSearch stand-in of {@code bench to-es}: an HTTP server on 127.0.0.1 that answers every {@code _bulk}
 * request with one success per action, computed from the request body (an action line, then its document line,
 * for {@code create} and {@code index}; the item is named after the action), and any other request with
 * {@code {"acknowledged":true}}. Requests are handled on one thread named {@value #THREAD_NAME}.
 */
final class LoopbackOpenSearch implements AutoCloseable {

    /** The name of the thread that answers requests (kept out of the handler's CPU time). */
    static final String THREAD_NAME = "bench-loopback-opensearch";
    /** The JDK server's accepting thread (kept out of the handler's CPU time). */
    static final String DISPATCHER_THREAD_NAME = "HTTP-Dispatcher";
    /** The JDK server reads this once, when its classes load: answer without Nagle's delay, as OpenSearch does. */
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final byte[] ACKNOWLEDGED = "{\"acknowledged\":true}".getBytes(StandardCharsets.UTF_8);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService thread;
    private final AtomicLong actions = new AtomicLong();

    private LoopbackOpenSearch(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /** Starts the server on a free port of the loopback interface. */
    static LoopbackOpenSearch start() {
        System.setProperty(NODELAY_PROPERTY, "true");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback interface", e);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread named = new Thread(runnable, THREAD_NAME);
            named.setDaemon(true);
            return named;
        });
        LoopbackOpenSearch loopback = new LoopbackOpenSearch(server, thread);
        server.setExecutor(thread);
        server.createContext("/", loopback::answer);
        server.start();
        return loopback;
    }

    /** The base URL, such as {@code http://127.0.0.1:41234}, for {@code ES_HOST}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Bulk actions answered so far. */
    long actions() {
        return actions.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange);
            byte[] answer = exchange.getRequestURI().getPath().endsWith("/_bulk") ? bulkAnswer(body) : ACKNOWLEDGED;
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        InputStream raw = exchange.getRequestBody();
        String encoding = exchange.getRequestHeaders().getFirst("content-encoding");
        try (InputStream in = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(raw, BUFFER_BYTES) : raw) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(BUFFER_BYTES);
            in.transferTo(body);
            return body.toByteArray();
        }
    }

    /** One {@code {"ACTION":{"status":201}}} per action line: the lines at even positions, counting from 0. */
    private byte[] bulkAnswer(byte[] body) {
        StringBuilder answer = new StringBuilder(64 + body.length / 16)
                .append("{\"took\":1,\"errors\":false,\"items\":[");
        int count = 0;
        int lineStart = 0;
        boolean actionLine = true;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                if (i > lineStart) {
                    if (actionLine) {
                        answer.append(count == 0 ? "" : ",").append("{\"").append(actionName(body, lineStart, i))
                                .append("\":{\"status\":201}}");
                        count++;
                    }
                    actionLine = !actionLine;
                }
                lineStart = i + 1;
            }
        }
        actions.addAndGet(count);
        return answer.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The first field name of an action line such as {@code {"create":{...}}}; {@code create} when unreadable. */
    private static String actionName(byte[] line, int from, int to) {
        int open = indexOf(line, from, to, (byte) '"');
        int close = open < 0 ? -1 : indexOf(line, open + 1, to, (byte) '"');
        return close < 0 ? "create" : new String(line, open + 1, close - open - 1, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
