package io.github.logway.opensearch;

import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP request to OpenSearch.
 *
 * @param method {@code GET}, {@code PUT}, {@code POST}...
 * @param pathAndQuery absolute path with an optional query, such as {@code /_bulk?filter_path=...}
 * @param contentType the body's media type, or empty for no body
 * @param body the body bytes, valid in {@code [0, length)}; not copied, not to be modified while sending
 * @param length body length
 * @param gzip whether the body is gzip-compressed ({@code Content-Encoding: gzip})
 * @param timeout the response timeout of this request
 */
record HttpCall(String method, String pathAndQuery, String contentType, byte[] body, int length, boolean gzip,
        Duration timeout) {

    private static final byte[] EMPTY = new byte[0];

    HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeout, "timeout");
        Objects.checkFromIndexSize(0, length, body.length);
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + pathAndQuery);
        }
    }

    /** A request without a body. */
    static HttpCall withoutBody(String method, String pathAndQuery, Duration timeout) {
        return new HttpCall(method, pathAndQuery, "", EMPTY, 0, false, timeout);
    }

    /** A JSON request. */
    static HttpCall json(String method, String pathAndQuery, byte[] body, Duration timeout) {
        return new HttpCall(method, pathAndQuery, "application/json", body, body.length, false, timeout);
    }
}
