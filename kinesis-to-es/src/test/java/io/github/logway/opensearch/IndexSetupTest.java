package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.FatalException;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.schema.FieldNames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Template and retention setup against canned cluster answers (the local node has no ISM plugin). */
class IndexSetupTest {

    private static final String NO_HANDLER = "{\"error\":\"no handler found for uri [/_plugins/_ism/policies] and"
            + " method [GET]\"}";

    private final CannedTransport transport = new CannedTransport();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    private IndexSetup setup(boolean serverless) {
        return new IndexSetup(transport, "logs", FieldNames.DEFAULTS, serverless,
                new JsonLogger("test", LogLevel.INFO, new PrintStream(logs, true, StandardCharsets.UTF_8)));
    }

    private String requests() {
        return String.join("\n", transport.sent().stream()
                .map(s -> s.call().method() + " " + s.call().pathAndQuery()).toList());
    }

    @Test
    void run_whenOpenSearchIsmHasNoPolicy_createsItThenPutsTheTemplate() {
        transport.then(200, "{\"policies\":[],\"total_policies\":0}")
                .then(404, "{\"error\":{\"type\":\"status_exception\",\"reason\":\"Policy not found\"},\"status\":404}")
                .then(201, "{\"_id\":\"logway-logs\",\"_seq_no\":0,\"_primary_term\":1}")
                .then(200, "{\"acknowledged\":true}");

        IndexSetup.Report report = setup(false).run(true, 30);

        assertThat(report).isEqualTo(new IndexSetup.Report(true, IndexSetup.RetentionApi.PLUGINS_ISM, "ism policy created"));
        assertThat(requests()).isEqualTo("GET /_plugins/_ism/policies?size=1\n"
                + "GET /_plugins/_ism/policies/logway-logs\n"
                + "PUT /_plugins/_ism/policies/logway-logs\n"
                + "PUT /_index_template/logway-logs");
        assertThat(transport.sent().get(2).bodyText()).contains("\"min_index_age\":\"30d\"",
                "\"ism_template\":[{\"index_patterns\":[\"logs-*\"]");
        assertThat(transport.sent().get(3).bodyText()).contains("\"index_patterns\":[\"logs-*\"]",
                "\"log_id\":{\"type\":\"keyword\"}", "\"log_type\":{\"type\":\"keyword\"}", "\"type\":\"date\"")
                .doesNotContain("index.lifecycle.name");
    }

    @Test
    void run_whenTheSamePolicyExists_changesNothing() {
        transport.then(200, "{\"policies\":[]}")
                .then(200, "{\"_id\":\"logway-logs\",\"_seq_no\":3,\"_primary_term\":1,\"policy\":{\"states\":[{"
                        + "\"transitions\":[{\"conditions\":{\"min_index_age\":\"30d\"}}]}],\"ism_template\":[{"
                        + "\"index_patterns\":[\"logs-*\"]}]}}");

        IndexSetup.Report report = setup(false).run(false, 30);

        assertThat(report.retentionAction()).isEqualTo("ism policy unchanged");
        assertThat(transport.sent()).hasSize(2);
    }

    @Test
    void run_whenThePolicyDiffers_updatesItWithSeqNoAndPrimaryTerm() {
        transport.then(200, "{\"policies\":[]}")
                .then(200, "{\"_id\":\"logway-logs\",\"_seq_no\":3,\"_primary_term\":2,\"policy\":{\"states\":[{"
                        + "\"transitions\":[{\"conditions\":{\"min_index_age\":\"14d\"}}]}]}}")
                .then(200, "{\"_id\":\"logway-logs\"}");

        IndexSetup.Report report = setup(false).run(false, 30);

        assertThat(report.retentionAction()).isEqualTo("ism policy updated");
        assertThat(transport.sent().get(2).call().pathAndQuery())
                .isEqualTo("/_plugins/_ism/policies/logway-logs?if_seq_no=3&if_primary_term=2");
    }

    @Test
    void run_whenOnlyOpenDistroIsm_usesItWithAnObjectIsmTemplate() {
        transport.then(400, NO_HANDLER)
                .then(404, "{\"error\":{\"type\":\"index_not_found_exception\"},\"status\":404}")
                .then(404, "{\"error\":\"not found\"}")
                .then(200, "{\"_id\":\"logway-logs\"}");

        IndexSetup.Report report = setup(false).run(false, 7);

        assertThat(report.retentionApi()).isEqualTo(IndexSetup.RetentionApi.OPENDISTRO_ISM);
        assertThat(transport.sent().get(3).call().pathAndQuery()).isEqualTo("/_opendistro/_ism/policies/logway-logs");
        assertThat(transport.sent().get(3).bodyText()).contains("\"ism_template\":{\"index_patterns\":[\"logs-*\"]");
    }

    @Test
    void run_whenElasticsearchIlm_putsThePolicyAndNamesItInTheTemplate() {
        transport.then(400, NO_HANDLER).then(400, NO_HANDLER)
                .then(200, "{\"operation_mode\":\"RUNNING\"}")
                .then(200, "{\"acknowledged\":true}")
                .then(200, "{\"acknowledged\":true}");

        IndexSetup.Report report = setup(false).run(true, 90);

        assertThat(report).isEqualTo(new IndexSetup.Report(true, IndexSetup.RetentionApi.ILM, "ilm policy put"));
        assertThat(requests()).endsWith("GET /_ilm/status\nPUT /_ilm/policy/logway-logs\nPUT /_index_template/logway-logs");
        assertThat(transport.sent().get(3).bodyText()).contains("\"min_age\":\"90d\"");
        assertThat(transport.sent().get(4).bodyText()).contains("\"index.lifecycle.name\":\"logway-logs\"");
    }

    @Test
    void run_whenNoRetentionApi_warnsAndStillInstallsTheTemplate() {
        transport.then(400, NO_HANDLER).then(400, NO_HANDLER).then(400, NO_HANDLER).then(200, "{\"acknowledged\":true}");

        IndexSetup.Report report = setup(false).run(true, 7);

        assertThat(report).isEqualTo(new IndexSetup.Report(true, IndexSetup.RetentionApi.NONE, "no retention API"));
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("\"level\":\"WARN\"", "no _plugins/_ism");
    }

    @Test
    void run_whenServerless_skipsRetentionProbing() {
        transport.then(200, "{\"acknowledged\":true}");

        IndexSetup.Report report = setup(true).run(true, 0);

        assertThat(report.templateInstalled()).isTrue();
        assertThat(requests()).isEqualTo("PUT /_index_template/logway-logs");
    }

    @Test
    void run_whenForbidden_failsTheColdStartNamingThePermissions() {
        transport.then(403, "{\"message\":\"no permissions for [indices:admin/index_template/put]\"}");

        assertThatThrownBy(() -> setup(false).run(true, 0))
                .isInstanceOf(FatalException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("ES_INSTALL_TEMPLATE=false");
    }

    @Test
    void run_whenTemplateRequestFails_warnsAndGoesOn() {
        transport.then(500, "{\"error\":\"boom\"}");

        IndexSetup.Report report = setup(false).run(true, 0);

        assertThat(report.templateInstalled()).isFalse();
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("index template not installed");
    }
}
