package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.FatalException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:opensearch-writer-AbCdEf";

    @Test
    void parse_readsUsernameAndPasswordAndIgnoresOtherFields() {
        BasicCredentials credentials = BasicCredentials.parse(
                "{\"engine\":\"opensearch\",\"username\":\"writer\",\"password\":\"p@ss:word\"}", ARN);

        assertThat(credentials).isEqualTo(new BasicCredentials("writer", "p@ss:word"));
        assertThat(credentials.toString()).doesNotContain("p@ss:word");
    }

    @Test
    void parse_whenPasswordMissing_failsWithoutShowingTheSecret() {
        assertThatThrownBy(() -> BasicCredentials.parse("{\"username\":\"writer\",\"pwd\":\"hidden-value\"}", ARN))
                .isInstanceOf(FatalException.class)
                .hasMessageContaining("must be a JSON object with string fields username and password")
                .hasMessageNotContaining("hidden-value");
    }

    @Test
    void sign_addsTheBasicAuthorizationHeader() {
        Map<String, String> headers = new HashMap<>();

        new BasicAuthSigner("writer", "p@ss:word").sign("POST", URI.create("https://h/_bulk"), headers, new byte[0], 0);

        // base64("writer:p@ss:word")
        assertThat(headers).containsEntry("authorization", "Basic d3JpdGVyOnBAc3M6d29yZA==");
    }
}
