package io.github.logway.opensearch;

import java.io.IOException;

/**
 * Sends one HTTP request to the configured OpenSearch endpoint and returns its response, authenticated as
 * configured. Implementations: {@link ApacheOpenSearchTransport}; tests use canned responses.
 */
interface OpenSearchTransport extends AutoCloseable {

    /**
     * Sends a request and reads the whole response.
     *
     * @param call the request
     * @return the response, whatever its status
     * @throws IOException on connection failures and timeouts (retryable)
     */
    HttpResult send(HttpCall call) throws IOException;

    /** Releases pooled connections. */
    @Override
    void close();
}
