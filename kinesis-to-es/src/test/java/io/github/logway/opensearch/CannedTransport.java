package io.github.logway.opensearch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * An {@link OpenSearchTransport} answering from a script: each call takes the next canned answer (a response or
 * an I/O error), or asks a function when the script is empty. Records every request with a copy of its body.
 */
final class CannedTransport implements OpenSearchTransport {

    /** One recorded request: the call and its uncompressed body text. */
    record Sent(HttpCall call, String bodyText) {

        /** The number of actions in a {@code _bulk} body (two lines each). */
        int actions() {
            return (int) bodyText.chars().filter(c -> c == '\n').count() / 2;
        }
    }

    private final Deque<Object> script = new ArrayDeque<>();
    private final List<Sent> sent = new ArrayList<>();
    private Function<Sent, HttpResult> fallback = request -> {
        throw new AssertionError("unexpected request " + request.call().method() + " " + request.call().pathAndQuery());
    };
    private boolean closed;

    /** Answers the next request with {@code status} and {@code body}. */
    CannedTransport then(int status, String body) {
        script.add(new HttpResult(status, body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Answers the next request with {@code status} and a fixture body. */
    CannedTransport thenFixture(int status, String resource) {
        script.add(new HttpResult(status, TestRecords.resource(resource)));
        return this;
    }

    /** Fails the next request with an I/O error. */
    CannedTransport thenFail(IOException error) {
        script.add(error);
        return this;
    }

    /** Answers requests beyond the script. */
    CannedTransport otherwise(Function<Sent, HttpResult> answer) {
        this.fallback = answer;
        return this;
    }

    @Override
    public HttpResult send(HttpCall call) throws IOException {
        byte[] body = Arrays.copyOf(call.body(), call.length());
        if (call.gzip()) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        Sent request = new Sent(call, new String(body, StandardCharsets.UTF_8));
        sent.add(request);
        Object next = script.poll();
        if (next == null) {
            return fallback.apply(request);
        }
        if (next instanceof IOException error) {
            throw error;
        }
        return (HttpResult) next;
    }

    /** Every request so far. */
    List<Sent> sent() {
        return sent;
    }

    /** {@code _bulk} requests only. */
    List<Sent> bulkRequests() {
        return sent.stream().filter(s -> s.call().pathAndQuery().startsWith("/_bulk")).toList();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** A successful {@code _bulk} answer to any request, as OpenSearch writes it with the sink's filter. */
    static HttpResult allCreated(Sent request) {
        return new HttpResult(200, "{\"errors\":false,\"items\":[]}".getBytes(StandardCharsets.UTF_8));
    }
}
