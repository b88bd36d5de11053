package io.github.logway.testing.servers;

import java.net.URI;
import java.util.Objects;

/**
 * Everything a client needs to talk to a local OpenSearch node: plain HTTP on 127.0.0.1, no authentication
 * (the security plugin is not installed), no index-management (ISM) plugin.
 *
 * @param endpoint {@code http://127.0.0.1:PORT}, without a trailing slash
 */
public record OpenSearchEndpoint(URI endpoint) {

    /** Validates the endpoint. */
    public OpenSearchEndpoint {
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** {@code 127.0.0.1:PORT}: what {@code ES_HOST} takes together with an {@code http://} scheme. */
    public String hostAndPort() {
        return endpoint.getHost() + ":" + endpoint.getPort();
    }

    /**
     * The URI of a path on this node.
     *
     * @param path absolute path with an optional query, such as {@code /logs-*}{@code /_search}
     * @return the full URI
     */
    public URI resolve(String path) {
        return URI.create(endpoint + path);
    }
}
