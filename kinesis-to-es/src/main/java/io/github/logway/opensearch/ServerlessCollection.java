package io.github.logway.opensearch;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenSearch Serverless collection as its endpoint names it: {@code <collection-id>.<region>.aoss.amazonaws.com}.
 *
 * @param id the collection id, the endpoint's first DNS label
 * @param region the collection's region
 */
record ServerlessCollection(String id, String region) {

    /** A collection endpoint: lower-case alphanumeric id, then the region. */
    private static final Pattern ENDPOINT_HOST =
            Pattern.compile("^([a-z0-9]+)\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.aoss\\.amazonaws\\.com$");

    ServerlessCollection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
    }

    /**
     * The collection an endpoint belongs to.
     *
     * @param endpoint {@code ES_HOST} as configured
     * @return the collection, or empty when the host is not a collection endpoint (a proxy, a custom domain)
     */
    static Optional<ServerlessCollection> ofEndpoint(URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        Matcher matcher = ENDPOINT_HOST.matcher(host);
        return matcher.matches()
                ? Optional.of(new ServerlessCollection(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    /** The control-plane endpoint of the collection's region: {@code https://aoss.<region>.amazonaws.com}. */
    URI controlPlaneEndpoint() {
        return URI.create("https://aoss." + region + ".amazonaws.com");
    }
}
