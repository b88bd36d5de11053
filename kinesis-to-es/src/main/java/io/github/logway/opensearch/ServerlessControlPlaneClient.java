package io.github.logway.opensearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The one OpenSearch Serverless control-plane call the function makes: {@code BatchGetCollection} for one
 * collection id, AWS JSON 1.0 protocol ({@code POST /}, {@code X-Amz-Target: OpenSearchServerless.BatchGetCollection},
 * {@code Content-Type: application/x-amz-json-1.0}, body {@code {"ids":["<id>"]}}), signed by the given signer
 * (SigV4, service {@code aoss}). Written by hand on Apache HttpClient 5 because the SDK's {@code opensearchserverless}
 * module is not a dependency of Logway.
 *
 * <p>Made once at cold start: a client is opened for the call and closed after it, with short connect and response
 * timeouts, no retries and no redirects. Every failure is an answer ({@link CollectionLookup.AccessDenied},
 * {@link CollectionLookup.Unavailable}), never an exception: the check it serves is advisory.
 */
final class ServerlessControlPlaneClient {

    /** The {@code X-Amz-Target} of the call. */
    static final String BATCH_GET_COLLECTION_TARGET = "OpenSearchServerless.BatchGetCollection";

    /** The AWS JSON 1.0 media type. */
    static final String AWS_JSON_1_0 = "application/x-amz-json-1.0";

    private static final JsonFactory JSON = new JsonFactory();

    private final URI endpoint;
    private final RequestSigner signer;
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    /**
     * @param endpoint {@code scheme://host[:port]} of the control plane, such as {@code https://aoss.eu-west-1.amazonaws.com}
     * @param signer signs the request (SigV4 for service {@code aoss} in the collection's region)
     * @param connectTimeout TCP and TLS connect timeout
     * @param responseTimeout how long to wait for the answer once connected
     */
    ServerlessControlPlaneClient(URI endpoint, RequestSigner signer, Duration connectTimeout, Duration responseTimeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /**
     * Asks for one collection.
     *
     * @param collectionId the collection id (the first label of its endpoint)
     * @return the type, or why it is not known
     */
    CollectionLookup batchGetCollection(String collectionId) {
        byte[] body = requestBody(collectionId);
        URI uri = URI.create(endpoint + "/");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", AWS_JSON_1_0);
        headers.put("x-amz-target", BATCH_GET_COLLECTION_TARGET);
        try {
            signer.sign("POST", uri, headers, body, body.length);
        } catch (RuntimeException e) {
            // No credentials to sign with: the data plane will say so loudly; this advisory call only reports it.
            return new CollectionLookup.Unavailable("cannot sign the request: " + describe(e));
        }
        HttpPost request = new HttpPost(uri);
        headers.forEach(request::setHeader);
        request.setEntity(new ByteArrayEntity(body, 0, body.length, (ContentType) null));
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(responseTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .setConnectionRequestTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build());
        Timeout connect = Timeout.ofMilliseconds(connectTimeout.toMillis());
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(Timeout.ofMilliseconds(responseTimeout.toMillis()))
                                .build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build()) {
            return client.execute(request, response -> interpret(collectionId, response.getCode(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
        } catch (IOException e) {
            return new CollectionLookup.Unavailable(describe(e));
        }
    }

    /** {@code {"ids":["<id>"]}}. */
    static byte[] requestBody(String collectionId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeArrayFieldStart("ids");
            generator.writeString(collectionId);
            generator.writeEndArray();
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("JSON into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads an answer: 200 with {@code collectionDetails[].type} for the id, or {@code collectionErrorDetails};
     * an error status with the AWS JSON error ({@code __type}, {@code message}).
     */
    static CollectionLookup interpret(String collectionId, int status, byte[] body) {
        if (status < 200 || status >= 300) {
            AwsError error = AwsError.of(body);
            String detail = "HTTP " + status + (error.type().isEmpty() ? "" : " " + error.type())
                    + (error.message().isEmpty() ? "" : ": " + error.message());
            return status == 403 || error.type().equals("AccessDeniedException")
                    ? new CollectionLookup.AccessDenied(detail)
                    : new CollectionLookup.Unavailable(detail);
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new CollectionLookup.Unavailable("HTTP " + status + ": not a JSON object");
            }
            String errorDetail = "";
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY
                        && (field.equals("collectionDetails") || field.equals("collectionErrorDetails"))) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, String> item = stringFields(parser);
                        if (!collectionId.equals(item.getOrDefault("id", collectionId))) {
                            continue;
                        }
                        if (field.equals("collectionDetails") && item.containsKey("type")) {
                            return new CollectionLookup.Found(item.get("type").toUpperCase(Locale.ROOT));
                        }
                        if (field.equals("collectionErrorDetails")) {
                            errorDetail = item.getOrDefault("errorCode", "") + ": "
                                    + item.getOrDefault("errorMessage", "");
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return new CollectionLookup.Unavailable(errorDetail.isEmpty()
                    ? "no collection " + collectionId + " in the answer"
                    : "collection " + collectionId + ": " + errorDetail);
        } catch (IOException e) {
            return new CollectionLookup.Unavailable("HTTP " + status + ": unreadable answer (" + describe(e) + ")");
        }
    }

    /** The string fields of the object the parser is in, up to its end. */
    private static Map<String, String> stringFields(JsonParser parser) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_STRING) {
                fields.put(name, parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return fields;
    }

    /** An AWS JSON error body: {@code __type} without namespace, and {@code message}; empty when absent. */
    private record AwsError(String type, String message) {

        static AwsError of(byte[] body) {
            String type = "";
            String message = "";
            try (JsonParser parser = JSON.createParser(body)) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        JsonToken value = parser.nextToken();
                        if (value == JsonToken.VALUE_STRING && field.equals("__type")) {
                            type = parser.getText();
                        } else if (value == JsonToken.VALUE_STRING && field.equalsIgnoreCase("message")) {
                            message = parser.getText();
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
            } catch (IOException e) {
                message = new String(body, StandardCharsets.UTF_8);
            }
            // "aws.protocoltests#AccessDeniedException:http://..." -> "AccessDeniedException"
            int hash = type.indexOf('#');
            type = hash < 0 ? type : type.substring(hash + 1);
            int colon = type.indexOf(':');
            type = colon < 0 ? type : type.substring(0, colon);
            if (message.length() > OpenSearchLimits.MAX_REASON_CHARS) {
                message = message.substring(0, OpenSearchLimits.MAX_REASON_CHARS) + "...";
            }
            return new AwsError(type, message);
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public String toString() {
        return "ServerlessControlPlaneClient[" + endpoint + ", " + signer + "]";
    }
}
