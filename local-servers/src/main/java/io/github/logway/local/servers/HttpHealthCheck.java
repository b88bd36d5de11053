package io.github.logway.local.servers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntPredicate;

/** A {@link HealthCheck} that sends {@code GET http://127.0.0.1:PORT/path} and judges the status code. */
public final class HttpHealthCheck implements HealthCheck {

    /** How long one probe may wait for a connection or a response before it counts as "not yet". */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final String path;
    private final IntPredicate healthyStatus;
    private final HttpClient client;

    private HttpHealthCheck(String path, IntPredicate healthyStatus) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        this.path = path;
        this.healthyStatus = Objects.requireNonNull(healthyStatus, "healthyStatus");
        this.client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    }

    /**
     * Healthy as soon as the server answers {@code path} with any HTTP status: for servers that reject
     * unauthenticated requests (s3proxy answers 403) but are ready once they answer at all.
     *
     * @param path absolute request path, such as {@code "/"}
     * @return the health check
     */
    public static HttpHealthCheck anyResponse(String path) {
        return new HttpHealthCheck(path, status -> true);
    }

    /**
     * Healthy when the server answers {@code path} with a 2xx status.
     *
     * @param path absolute request path, such as {@code "/_cluster/health"}
     * @return the health check
     */
    public static HttpHealthCheck successfulResponse(String path) {
        return new HttpHealthCheck(path, status -> status >= 200 && status < 300);
    }

    @Override
    public boolean isHealthy(int port) throws InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(PROBE_TIMEOUT)
                        .GET()
                        .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return healthyStatus.test(status);
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "GET " + path;
    }
}
