package io.github.logway.local.stack;

import io.github.logway.local.servers.LocalCredentials;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each running service of a local stack listens, and what a client needs to use it: the SDKs' standard
 * variables ({@code AWS_ENDPOINT_URL_KINESIS}, {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_SQS},
 * {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}) plus {@code ES_HOST}.
 *
 * @param endpoints {@code http://127.0.0.1:PORT} of every running service
 */
public record StackEndpoints(Map<StackService, URI> endpoints) {

    /** The SDK-standard variable of each service's endpoint, and ES_HOST for OpenSearch (PRODUCT.md §10). */
    private static final Map<StackService, String> VARIABLES = new EnumMap<>(Map.of(
            StackService.KINESIS, "AWS_ENDPOINT_URL_KINESIS",
            StackService.S3, "AWS_ENDPOINT_URL_S3",
            StackService.SQS, "AWS_ENDPOINT_URL_SQS",
            StackService.OPENSEARCH, "ES_HOST"));

    /**
     * The SDK's standard variables and the Java SDK system property that stands for each: applied as system
     * properties, they reach every client built afterwards, as the variables would in Lambda.
     */
    public static final Map<String, String> SDK_PROPERTIES = Map.of(
            "AWS_ENDPOINT_URL", "aws.endpointUrl",
            "AWS_ENDPOINT_URL_KINESIS", "aws.endpointUrlKinesis",
            "AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3",
            "AWS_ENDPOINT_URL_SQS", "aws.endpointUrlSqs",
            "AWS_REGION", "aws.region",
            "AWS_ACCESS_KEY_ID", "aws.accessKeyId",
            "AWS_SECRET_ACCESS_KEY", "aws.secretAccessKey",
            "AWS_SESSION_TOKEN", "aws.sessionToken");

    /** Copies the map, in service order. */
    public StackEndpoints {
        EnumMap<StackService, URI> copy = new EnumMap<>(StackService.class);
        copy.putAll(endpoints);
        endpoints = Collections.unmodifiableMap(copy);
    }

    /**
     * The endpoint of one service.
     *
     * @param service the service
     * @return its URI, empty when the stack does not run it
     */
    public Optional<URI> of(StackService service) {
        return Optional.ofNullable(endpoints.get(service));
    }

    /**
     * The variables a client needs, in a stable order: endpoints first, then region and credentials.
     *
     * @return variable name to value
     */
    public Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        endpoints.forEach((service, uri) -> variables.put(VARIABLES.get(service), uri.toString()));
        variables.put("AWS_REGION", LocalCredentials.REGION);
        variables.put("AWS_ACCESS_KEY_ID", LocalCredentials.ACCESS_KEY_ID);
        variables.put("AWS_SECRET_ACCESS_KEY", LocalCredentials.SECRET_ACCESS_KEY);
        return variables;
    }

    /**
     * {@code export NAME=VALUE} lines for a POSIX shell, one per {@link #variables()} entry.
     *
     * @return the lines, without line breaks
     */
    public List<String> exportLines() {
        List<String> lines = new ArrayList<>();
        variables().forEach((name, value) -> lines.add("export " + name + "=" + shellQuoted(value)));
        return lines;
    }

    /**
     * Points the AWS SDK of this JVM at the stack: the system properties the SDK reads in place of the
     * environment variables ({@code aws.endpointUrlKinesis}, {@code aws.region}, ...), so every client built
     * afterwards talks to the local servers.
     */
    public void applyToSdk() {
        variables().forEach((variable, value) -> {
            String property = SDK_PROPERTIES.get(variable);
            if (property != null) { // ES_HOST is no SDK setting
                System.setProperty(property, value);
            }
        });
    }

    private static String shellQuoted(String value) {
        return value.matches("[A-Za-z0-9_./:@%+=,-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
