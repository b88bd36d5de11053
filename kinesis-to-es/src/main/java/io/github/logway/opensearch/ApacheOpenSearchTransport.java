package io.github.logway.opensearch;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The production transport: Apache HttpClient 5 (classic) with a small pool of kept-alive connections, built
 * once at cold start and reused by every invocation. TLS uses the JVM's default trust store with host-name
 * verification (never disabled). No automatic retries, redirects or cookies: the sink decides what to retry.
 */
final class ApacheOpenSearchTransport implements OpenSearchTransport {

    /** Idle pooled connections are closed after this long: below the 60 s idle timeout of AWS load balancers. */
    private static final Duration IDLE_EVICTION = Duration.ofSeconds(50);

    private final URI endpoint;
    private final RequestSigner signer;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;

    /**
     * @param endpoint {@code scheme://host[:port]}
     * @param signer adds authentication headers
     * @param connectTimeout TCP (and TLS) connect timeout
     */
    ApacheOpenSearchTransport(URI endpoint, RequestSigner signer, Duration connectTimeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(OpenSearchLimits.MAX_CONNECTIONS_PER_ROUTE)
                .setMaxConnTotal(OpenSearchLimits.MAX_CONNECTIONS_PER_ROUTE)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofMilliseconds(IDLE_EVICTION.toMillis()))
                .build();
    }

    @Override
    public HttpResult send(HttpCall call) throws IOException {
        URI uri = URI.create(endpoint + call.pathAndQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        if (!call.contentType().isEmpty()) {
            headers.put("content-type", call.contentType());
        }
        if (call.gzip()) {
            headers.put("content-encoding", "gzip");
        }
        signer.sign(call.method(), uri, headers, call.body(), call.length());
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), uri);
        headers.forEach(request::setHeader);
        if (call.length() > 0 || !call.contentType().isEmpty()) {
            request.setEntity(new ByteArrayEntity(call.body(), 0, call.length(), (ContentType) null));
        }
        long timeoutMillis = Math.max(1, call.timeout().toMillis());
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build());
        return client.execute(request, response -> new HttpResult(response.getCode(),
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        connections.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "ApacheOpenSearchTransport[" + endpoint + ", " + signer + "]";
    }
}
