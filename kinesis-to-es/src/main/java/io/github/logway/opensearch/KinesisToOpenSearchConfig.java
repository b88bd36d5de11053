package io.github.logway.opensearch;

import io.github.logway.core.config.CommonConfig;
import io.github.logway.core.config.EnvReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration of kinesis-to-es (PRODUCT.md §3 and §5), read once at cold start and validated with every
 * problem reported at once.
 *
 * @param common the variables every function reads
 * @param endpoint {@code ES_HOST} as {@code scheme://host[:port]}, https unless a scheme says otherwise
 * @param indexNamePrefix {@code INDEX_NAME_PREFIX}, lowercased
 * @param auth {@code ES_AUTH}
 * @param sigV4Service {@code ES_SIGV4_SERVICE}
 * @param region the signing region: {@code AWS_REGION} (set by Lambda), else taken from an AWS endpoint's host
 *     name; empty when not signing
 * @param basicSecretArn {@code ES_BASIC_SECRET_ARN}
 * @param username {@code ES_USERNAME}
 * @param password {@code ES_PASSWORD}; never shown by {@link #toString()}
 * @param documentId {@code ES_DOCUMENT_ID}
 * @param bulkMaxBytes {@code BULK_MAX_BYTES}, the uncompressed size cap of one {@code _bulk} body
 * @param bulkMaxActions {@code BULK_MAX_ACTIONS}
 * @param bulkGzip {@code BULK_GZIP}
 * @param requestTimeout {@code ES_REQUEST_TIMEOUT_MS}
 * @param installTemplate {@code ES_INSTALL_TEMPLATE}
 * @param retentionDays {@code ES_RETENTION_DAYS}; 0 = off
 * @param timezone {@code TIMEZONE}, the zone of the index date
 * @param serverlessApiEndpoint with {@code ES_SIGV4_SERVICE=aoss}: the OpenSearch Serverless control-plane endpoint
 *     from the SDK's standard {@code AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS}, else {@code AWS_ENDPOINT_URL} (a
 *     local stack, tests); empty = {@code https://aoss.<region>.amazonaws.com}
 */
public record KinesisToOpenSearchConfig(
        CommonConfig common,
        URI endpoint,
        String indexNamePrefix,
        AuthMode auth,
        SigV4Service sigV4Service,
        String region,
        Optional<String> basicSecretArn,
        Optional<String> username,
        Optional<String> password,
        DocumentIdMode documentId,
        int bulkMaxBytes,
        int bulkMaxActions,
        boolean bulkGzip,
        Duration requestTimeout,
        boolean installTemplate,
        int retentionDays,
        ZoneId timezone,
        Optional<URI> serverlessApiEndpoint) {

    public static final String ES_HOST = "ES_HOST";
    public static final String INDEX_NAME_PREFIX = "INDEX_NAME_PREFIX";
    public static final String ES_AUTH = "ES_AUTH";
    public static final String ES_SIGV4_SERVICE = "ES_SIGV4_SERVICE";
    public static final String ES_BASIC_SECRET_ARN = "ES_BASIC_SECRET_ARN";
    public static final String ES_USERNAME = "ES_USERNAME";
    public static final String ES_PASSWORD = "ES_PASSWORD";
    public static final String ES_DOCUMENT_ID = "ES_DOCUMENT_ID";
    public static final String BULK_MAX_BYTES = "BULK_MAX_BYTES";
    public static final String BULK_MAX_ACTIONS = "BULK_MAX_ACTIONS";
    public static final String BULK_GZIP = "BULK_GZIP";
    public static final String ES_REQUEST_TIMEOUT_MS = "ES_REQUEST_TIMEOUT_MS";
    public static final String ES_INSTALL_TEMPLATE = "ES_INSTALL_TEMPLATE";
    public static final String ES_RETENTION_DAYS = "ES_RETENTION_DAYS";
    public static final String TIMEZONE = "TIMEZONE";
    /** Set by Lambda: the region the function runs in, and the default signing region. */
    public static final String AWS_REGION = "AWS_REGION";
    /** The AWS SDK's standard endpoint override of the OpenSearch Serverless control plane (service id OpenSearchServerless). */
    public static final String AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS = "AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS";
    /** The AWS SDK's standard endpoint override of every service, used when no service-specific one is set. */
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";

    /**
     * Longest {@code INDEX_NAME_PREFIX} in bytes: 255 (OpenSearch's index-name limit) minus room for a
     * 100-character log type, two dashes and eight date digits.
     */
    static final int MAX_PREFIX_BYTES = OpenSearchLimits.MAX_INDEX_NAME_BYTES - 100 - 2 - 8;

    /** Managed domains ({@code search-x.eu-west-1.es.amazonaws.com}) and Serverless ({@code x.us-east-1.aoss.amazonaws.com}). */
    private static final Pattern AWS_HOST_REGION = Pattern.compile("\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.(?:es|aoss)\\.amazonaws\\.com$");

    public KinesisToOpenSearchConfig {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(indexNamePrefix, "indexNamePrefix");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(sigV4Service, "sigV4Service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(basicSecretArn, "basicSecretArn");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(serverlessApiEndpoint, "serverlessApiEndpoint");
    }

    /**
     * Reads and validates every variable.
     *
     * @param env the environment
     * @return the configuration
     * @throws io.github.logway.core.config.ConfigException naming every bad variable, its value and what is allowed
     */
    public static KinesisToOpenSearchConfig read(EnvReader env) {
        CommonConfig common = CommonConfig.read(env, true);
        URI endpoint = endpoint(env);
        String prefix = prefix(env);
        AuthMode auth = env.enumValue(ES_AUTH, AuthMode.SIGV4, AuthMode.class);
        SigV4Service service = env.enumValue(ES_SIGV4_SERVICE, SigV4Service.ES, SigV4Service.class);
        Optional<String> secretArn = env.optional(ES_BASIC_SECRET_ARN);
        Optional<String> username = env.optional(ES_USERNAME);
        Optional<String> password = env.optional(ES_PASSWORD);
        String region = "";
        if (auth == AuthMode.SIGV4) {
            region = env.optional(AWS_REGION).or(() -> regionOfHost(endpoint)).orElse("");
            if (region.isEmpty()) {
                env.problem(AWS_REGION + " is required with " + ES_AUTH + "=sigv4 when " + ES_HOST
                        + " is not an *.es.amazonaws.com or *.aoss.amazonaws.com host");
            }
        }
        if (auth == AuthMode.BASIC) {
            if (secretArn.isPresent() && (username.isPresent() || password.isPresent())) {
                env.problem(ES_BASIC_SECRET_ARN + " and " + ES_USERNAME + "/" + ES_PASSWORD
                        + " are exclusive: set the secret or the pair");
            } else if (secretArn.isEmpty() && (username.isEmpty() || password.isEmpty())) {
                env.problem(ES_AUTH + "=basic needs " + ES_BASIC_SECRET_ARN + " or both " + ES_USERNAME + " and "
                        + ES_PASSWORD);
            }
        } else if (secretArn.isPresent() || username.isPresent() || password.isPresent()) {
            env.problem(ES_BASIC_SECRET_ARN + ", " + ES_USERNAME + " and " + ES_PASSWORD + " apply only to "
                    + ES_AUTH + "=basic (" + ES_AUTH + " is " + auth.name().toLowerCase(Locale.ROOT) + ")");
        }
        DocumentIdMode documentId = env.enumValue(ES_DOCUMENT_ID, DocumentIdMode.LOG_ID, DocumentIdMode.class);
        int bulkMaxBytes = env.intInRange(BULK_MAX_BYTES, OpenSearchLimits.DEFAULT_BULK_MAX_BYTES,
                OpenSearchLimits.SMALLEST_BULK_MAX_BYTES, OpenSearchLimits.LARGEST_BULK_MAX_BYTES);
        int bulkMaxActions = env.intInRange(BULK_MAX_ACTIONS, OpenSearchLimits.DEFAULT_BULK_MAX_ACTIONS, 1,
                OpenSearchLimits.LARGEST_BULK_MAX_ACTIONS);
        boolean gzip = env.bool(BULK_GZIP, false);
        int timeoutMillis = env.intInRange(ES_REQUEST_TIMEOUT_MS, OpenSearchLimits.DEFAULT_REQUEST_TIMEOUT_MILLIS,
                1, OpenSearchLimits.LARGEST_REQUEST_TIMEOUT_MILLIS);
        boolean installTemplate = env.bool(ES_INSTALL_TEMPLATE, true);
        int retentionDays = env.intInRange(ES_RETENTION_DAYS, 0, 0, OpenSearchLimits.LARGEST_RETENTION_DAYS);
        ZoneId timezone = env.zoneId(TIMEZONE, ZoneOffset.UTC);
        if (auth == AuthMode.SIGV4 && service == SigV4Service.AOSS && retentionDays > 0) {
            env.invalid(ES_RETENTION_DAYS, Integer.toString(retentionDays),
                    "must be 0 with " + ES_SIGV4_SERVICE + "=aoss: OpenSearch Serverless has no ISM; set the"
                            + " collection's data lifecycle policy instead");
        }
        Optional<URI> serverlessApiEndpoint = auth == AuthMode.SIGV4 && service == SigV4Service.AOSS
                ? serverlessApiEndpoint(env)
                : Optional.empty();
        env.throwIfInvalid();
        return new KinesisToOpenSearchConfig(common, endpoint, prefix, auth, service, region, secretArn, username,
                password, documentId, bulkMaxBytes, bulkMaxActions, gzip, Duration.ofMillis(timeoutMillis),
                installTemplate, retentionDays, timezone, serverlessApiEndpoint);
    }

    /** Whether requests are signed for OpenSearch Serverless. */
    public boolean serverless() {
        return auth == AuthMode.SIGV4 && sigV4Service == SigV4Service.AOSS;
    }

    @Override
    public String toString() {
        return "KinesisToOpenSearchConfig[endpoint=" + endpoint + ", indexNamePrefix=" + indexNamePrefix + ", auth="
                + auth + ", sigV4Service=" + sigV4Service + ", region=" + region + ", basicSecretArn="
                + basicSecretArn.orElse("") + ", username=" + username.orElse("") + ", password="
                + (password.isPresent() ? "****" : "") + ", documentId=" + documentId + ", bulkMaxBytes="
                + bulkMaxBytes + ", bulkMaxActions=" + bulkMaxActions + ", bulkGzip=" + bulkGzip
                + ", requestTimeout=" + requestTimeout + ", installTemplate=" + installTemplate + ", retentionDays="
                + retentionDays + ", timezone=" + timezone + ", serverlessApiEndpoint="
                + serverlessApiEndpoint.map(URI::toString).orElse("") + ", common=" + common + "]";
    }

    private static URI endpoint(EnvReader env) {
        String raw = env.required(ES_HOST);
        if (raw.isEmpty()) {
            return URI.create("https://invalid");
        }
        String withScheme = raw.contains("://") ? raw : "https://" + raw;
        String allowed = "must be a host name with an optional http:// or https:// scheme and port, such as"
                + " search-logs-abc.eu-west-1.es.amazonaws.com or http://127.0.0.1:9200";
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean pathless = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !pathless
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                env.invalid(ES_HOST, raw, allowed);
                return URI.create("https://invalid");
            }
            return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            env.invalid(ES_HOST, raw, allowed);
            return URI.create("https://invalid");
        }
    }

    /** The SDK's endpoint override: the service-specific variable first, then the global one, as the SDK reads them. */
    private static Optional<URI> serverlessApiEndpoint(EnvReader env) {
        String name = AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS;
        Optional<String> raw = env.optional(name);
        if (raw.isEmpty()) {
            name = AWS_ENDPOINT_URL;
            raw = env.optional(name);
        }
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean pathless = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && pathless
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return Optional.of(new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null));
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        env.invalid(name, raw.get(), "must be an http:// or https:// URL without a path, such as"
                + " https://aoss.eu-west-1.amazonaws.com or http://127.0.0.1:4566");
        return Optional.empty();
    }

    private static String prefix(EnvReader env) {
        String raw = env.required(INDEX_NAME_PREFIX);
        if (raw.isEmpty()) {
            return "";
        }
        String prefix = raw.toLowerCase(Locale.ROOT);
        String problem = IndexNames.problemWithName(prefix);
        if (problem == null && prefix.getBytes(StandardCharsets.UTF_8).length > MAX_PREFIX_BYTES) {
            problem = "at most " + MAX_PREFIX_BYTES + " bytes";
        }
        if (problem != null) {
            env.invalid(INDEX_NAME_PREFIX, raw, "must be a valid start of an OpenSearch index name: " + problem);
        }
        return prefix;
    }

    private static Optional<String> regionOfHost(URI endpoint) {
        Matcher matcher = AWS_HOST_REGION.matcher(endpoint.getHost() == null ? "" : endpoint.getHost());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
