package io.github.logway.opensearch;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An HTTP response from OpenSearch.
 *
 * @param status the status code
 * @param body the (decompressed) body, possibly empty
 */
record HttpResult(int status, byte[] body) {

    HttpResult {
        Objects.requireNonNull(body, "body");
    }

    /** Whether the status is 2xx. */
    boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The body as text, for error messages (OpenSearch error bodies never contain documents). */
    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
