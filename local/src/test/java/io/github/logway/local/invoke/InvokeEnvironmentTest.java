package io.github.logway.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.local.LogwayFunction;
import io.github.logway.local.stack.StackService;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeEnvironmentTest {

    @Test
    void merge_whenNothingSet_usesLocalDefaults() {
        Map<String, String> env = InvokeEnvironment.merge(LogwayFunction.FORWARD, Map.of(), Map.of(), Map.of());

        assertThat(env).containsEntry("TARGET_STREAM_NAME", "logway-forwarded")
                .containsEntry("FAILED_LOG_S3_BUCKET", "logway-failed");
    }

    @Test
    void merge_processEnvBeatsDefaults_andEnvOptionBeatsProcessEnv() {
        Map<String, String> env = InvokeEnvironment.merge(LogwayFunction.TO_S3,
                Map.of("LOG_S3_BUCKET", "from-process", "LOG_S3_PREFIX", "p"), Map.of(),
                Map.of("LOG_S3_PREFIX", "from-option"));

        assertThat(env).containsEntry("LOG_S3_BUCKET", "from-process").containsEntry("LOG_S3_PREFIX", "from-option");
    }

    @Test
    void merge_stackCredentialsBeatProcessEnv_butEnvOptionBeatsStack() {
        Map<String, String> env = InvokeEnvironment.merge(LogwayFunction.TO_S3,
                Map.of("AWS_ACCESS_KEY_ID", "real", "AWS_REGION", "ap-northeast-1"),
                Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_REGION", "us-east-1",
                        "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000"),
                Map.of("AWS_REGION", "eu-west-1"));

        assertThat(env).containsEntry("AWS_ACCESS_KEY_ID", "local").containsEntry("AWS_REGION", "eu-west-1");
    }

    @Test
    void merge_toS3WithS3Endpoint_forcesPathStyleUnlessSet() {
        Map<String, String> local = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9000");

        assertThat(InvokeEnvironment.merge(LogwayFunction.TO_S3, local, Map.of(), Map.of()))
                .containsEntry("S3_FORCE_PATH_STYLE", "true");
        assertThat(InvokeEnvironment.merge(LogwayFunction.TO_S3, local, Map.of(),
                Map.of("S3_FORCE_PATH_STYLE", "false"))).containsEntry("S3_FORCE_PATH_STYLE", "false");
        assertThat(InvokeEnvironment.merge(LogwayFunction.TO_S3, Map.of(), Map.of(), Map.of()))
                .doesNotContainKey("S3_FORCE_PATH_STYLE");
    }

    @Test
    void merge_toEsOnThisMachine_setsNoAuth_elsewhereKeepsSigV4Default() {
        assertThat(InvokeEnvironment.merge(LogwayFunction.TO_ES, Map.of("ES_HOST", "http://127.0.0.1:9200"),
                Map.of(), Map.of())).containsEntry("ES_AUTH", "none");
        assertThat(InvokeEnvironment.merge(LogwayFunction.TO_ES,
                Map.of("ES_HOST", "search-x.us-east-1.es.amazonaws.com"), Map.of(), Map.of()))
                .doesNotContainKey("ES_AUTH");
    }

    @Test
    void configuresEndpoints_whenAnyEndpointVariableIsSet_returnsTrue() {
        assertThat(InvokeEnvironment.configuresEndpoints(Map.of("ES_HOST", "h"))).isTrue();
        assertThat(InvokeEnvironment.configuresEndpoints(Map.of("AWS_ENDPOINT_URL_SQS", "http://x"))).isTrue();
        assertThat(InvokeEnvironment.configuresEndpoints(Map.of("AWS_ENDPOINT_URL_S3", " "))).isFalse();
        assertThat(InvokeEnvironment.configuresEndpoints(Map.of("AWS_REGION", "us-east-1"))).isFalse();
    }

    @Test
    void endpoint_prefersTheServiceVariable_thenTheGeneralOne() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1",
                "AWS_ENDPOINT_URL_KINESIS", "http://127.0.0.1:2", "ES_HOST", "localhost:9200");

        assertThat(InvokeEnvironment.endpoint(env, StackService.KINESIS)).contains(URI.create("http://127.0.0.1:2"));
        assertThat(InvokeEnvironment.endpoint(env, StackService.S3)).contains(URI.create("http://127.0.0.1:1"));
        assertThat(InvokeEnvironment.endpoint(env, StackService.OPENSEARCH))
                .contains(URI.create("https://localhost:9200"));
        assertThat(InvokeEnvironment.endpoint(Map.of(), StackService.SQS)).isEmpty();
    }

    @Test
    void streamName_whenArn_returnsTheName() {
        assertThat(LocalResources.streamName("arn:aws:kinesis:us-east-1:000000000000:stream/a-b")).isEqualTo("a-b");
        assertThat(LocalResources.streamName("plain")).isEqualTo("plain");
    }
}
