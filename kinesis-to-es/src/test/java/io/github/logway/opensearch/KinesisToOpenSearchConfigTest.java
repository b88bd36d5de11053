package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.config.ConfigException;
import io.github.logway.core.config.EnvReader;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KinesisToOpenSearchConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("ES_HOST", "search-logs-abc123.eu-west-1.es.amazonaws.com");
        env.put("INDEX_NAME_PREFIX", "Logs");
        env.put("FAILED_LOG_S3_BUCKET", "failed-bucket");
        return env;
    }

    private static KinesisToOpenSearchConfig read(Map<String, String> env) {
        return KinesisToOpenSearchConfig.read(new EnvReader(env));
    }

    @Test
    void read_whenMinimal_appliesDefaults() {
        KinesisToOpenSearchConfig config = read(minimal());

        assertThat(config.endpoint()).isEqualTo(URI.create("https://search-logs-abc123.eu-west-1.es.amazonaws.com"));
        assertThat(config.indexNamePrefix()).isEqualTo("logs");
        assertThat(config.auth()).isEqualTo(AuthMode.SIGV4);
        assertThat(config.sigV4Service()).isEqualTo(SigV4Service.ES);
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.documentId()).isEqualTo(DocumentIdMode.LOG_ID);
        assertThat(config.bulkMaxBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(config.bulkMaxActions()).isEqualTo(500);
        assertThat(config.bulkGzip()).isFalse();
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.installTemplate()).isTrue();
        assertThat(config.retentionDays()).isZero();
        assertThat(config.timezone()).isEqualTo(ZoneId.of("Z"));
    }

    @Test
    void read_whenHostHasSchemeAndPort_keepsThem() {
        Map<String, String> env = minimal();
        env.put("ES_HOST", "http://127.0.0.1:9200/");
        env.put("ES_AUTH", "none");

        assertThat(read(env).endpoint()).isEqualTo(URI.create("http://127.0.0.1:9200"));
    }

    @Test
    void read_whenHostHasPortWithoutScheme_usesHttps() {
        Map<String, String> env = minimal();
        env.put("ES_HOST", "opensearch.internal:9243");
        env.put("AWS_REGION", "us-east-1");

        KinesisToOpenSearchConfig config = read(env);

        assertThat(config.endpoint()).isEqualTo(URI.create("https://opensearch.internal:9243"));
        assertThat(config.region()).isEqualTo("us-east-1");
    }

    @Test
    void read_whenServerlessHost_takesTheRegionFromIt() {
        Map<String, String> env = minimal();
        env.put("ES_HOST", "https://abc123xyz.us-west-2.aoss.amazonaws.com");
        env.put("ES_SIGV4_SERVICE", "aoss");
        env.put("ES_DOCUMENT_ID", "none");

        KinesisToOpenSearchConfig config = read(env);

        assertThat(config.region()).isEqualTo("us-west-2");
        assertThat(config.serverless()).isTrue();
        assertThat(config.documentId()).isEqualTo(DocumentIdMode.NONE);
    }

    @Test
    void read_whenManyVariablesAreBad_reportsEveryOneInOneException() {
        Map<String, String> env = new HashMap<>();
        env.put("ES_HOST", "ftp://host/path");
        env.put("INDEX_NAME_PREFIX", "_logs");
        env.put("ES_AUTH", "kerberos");
        env.put("ES_DOCUMENT_ID", "uuid");
        env.put("BULK_MAX_BYTES", "10");
        env.put("BULK_MAX_ACTIONS", "0");
        env.put("BULK_GZIP", "yes");
        env.put("ES_REQUEST_TIMEOUT_MS", "-1");
        env.put("ES_RETENTION_DAYS", "forever");
        env.put("TIMEZONE", "Mars/Olympus");

        assertThatThrownBy(() -> read(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "FAILED_LOG_S3_BUCKET is required",
                        "ES_HOST='ftp://host/path': must be a host name with an optional http:// or https:// scheme and"
                                + " port, such as search-logs-abc.eu-west-1.es.amazonaws.com or http://127.0.0.1:9200",
                        "INDEX_NAME_PREFIX='_logs': must be a valid start of an OpenSearch index name: must not start"
                                + " with _, - or +",
                        "ES_AUTH='kerberos': must be one of sigv4, basic, none",
                        "AWS_REGION is required with ES_AUTH=sigv4 when ES_HOST is not an *.es.amazonaws.com or"
                                + " *.aoss.amazonaws.com host",
                        "ES_DOCUMENT_ID='uuid': must be one of log_id, none",
                        "BULK_MAX_BYTES='10': must be an integer from 1024 to 104857600",
                        "BULK_MAX_ACTIONS='0': must be an integer from 1 to 10000",
                        "BULK_GZIP='yes': must be true or false",
                        "ES_REQUEST_TIMEOUT_MS='-1': must be an integer from 1 to 900000",
                        "ES_RETENTION_DAYS='forever': must be an integer from 0 to 36500",
                        "TIMEZONE='Mars/Olympus': must be a time-zone id such as UTC or Asia/Tokyo"));
    }

    @Test
    void read_whenRequiredVariablesMissing_namesThem() {
        assertThatThrownBy(() -> read(Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .contains("ES_HOST is required", "INDEX_NAME_PREFIX is required",
                                "FAILED_LOG_S3_BUCKET is required"));
    }

    @Test
    void read_whenSigV4WithoutRegionForAnOtherHost_asksForAwsRegion() {
        Map<String, String> env = minimal();
        env.put("ES_HOST", "opensearch.internal");

        assertThatThrownBy(() -> read(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("AWS_REGION is required with ES_AUTH=sigv4");
    }

    @Test
    void read_whenBasicWithoutCredentials_asksForSecretOrPair() {
        Map<String, String> env = minimal();
        env.put("ES_AUTH", "basic");
        env.put("ES_USERNAME", "writer");

        assertThatThrownBy(() -> read(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ES_AUTH=basic needs ES_BASIC_SECRET_ARN or both ES_USERNAME and ES_PASSWORD");
    }

    @Test
    void read_whenServerlessWithRetention_explainsTheDataLifecyclePolicy() {
        Map<String, String> env = minimal();
        env.put("ES_SIGV4_SERVICE", "aoss");
        env.put("ES_RETENTION_DAYS", "30");

        assertThatThrownBy(() -> read(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ES_RETENTION_DAYS='30': must be 0 with ES_SIGV4_SERVICE=aoss");
    }

    @Test
    void toString_neverShowsThePassword() {
        Map<String, String> env = minimal();
        env.put("ES_AUTH", "basic");
        env.put("ES_USERNAME", "writer");
        env.put("ES_PASSWORD", "s3cr3t-value");

        assertThat(read(env).toString()).contains("username=writer", "password=****").doesNotContain("s3cr3t-value");
    }

    @Test
    void read_whenServerlessAndControlPlaneEndpointOverride_keepsIt() {
        Map<String, String> env = minimal();
        env.put("ES_HOST", "https://abc123xyz.us-west-2.aoss.amazonaws.com");
        env.put("ES_SIGV4_SERVICE", "aoss");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
        env.put("AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS", "http://127.0.0.1:4599/");

        assertThat(read(env).serverlessApiEndpoint()).contains(URI.create("http://127.0.0.1:4599"));
    }

    @Test
    void read_whenServerlessAndOnlyTheGlobalEndpointOverride_usesIt() {
        Map<String, String> env = minimal();
        env.put("ES_HOST", "https://abc123xyz.us-west-2.aoss.amazonaws.com");
        env.put("ES_SIGV4_SERVICE", "aoss");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");

        assertThat(read(env).serverlessApiEndpoint()).contains(URI.create("http://127.0.0.1:4566"));
    }

    @Test
    void read_whenManagedDomain_ignoresTheControlPlaneEndpointOverride() {
        Map<String, String> env = minimal();
        env.put("AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS", "not a url");

        assertThat(read(env).serverlessApiEndpoint()).isEmpty();
    }

    @Test
    void read_whenServerlessControlPlaneEndpointIsNotAUrl_reportsIt() {
        Map<String, String> env = minimal();
        env.put("ES_HOST", "https://abc123xyz.us-west-2.aoss.amazonaws.com");
        env.put("ES_SIGV4_SERVICE", "aoss");
        env.put("AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS", "ftp://127.0.0.1/x");

        assertThatThrownBy(() -> read(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS='ftp://127.0.0.1/x': must be an http://"
                        + " or https:// URL without a path");
    }
}
