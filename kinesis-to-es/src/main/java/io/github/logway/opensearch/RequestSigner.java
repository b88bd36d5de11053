package io.github.logway.opensearch;

import java.net.URI;
import java.util.Map;

/**
 * Adds authentication headers to a request right before it is sent: SigV4 ({@link SigV4RequestSigner}),
 * basic ({@link BasicAuthSigner}) or nothing ({@link #NONE}).
 */
@FunctionalInterface
interface RequestSigner {

    /** Adds nothing. */
    RequestSigner NONE = (method, uri, headers, body, length) -> { };

    /**
     * Adds headers to {@code headers}; every header in the map is sent as is.
     *
     * @param method the HTTP method
     * @param uri the full request URI
     * @param headers the headers to send (mutable, names lower case)
     * @param body the body as sent (compressed if it is)
     * @param length body length
     */
    void sign(String method, URI uri, Map<String, String> headers, byte[] body, int length);
}
