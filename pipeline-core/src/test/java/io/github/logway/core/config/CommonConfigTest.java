package io.github.logway.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.log.LogLevel;
import io.github.logway.schema.CwlTextMode;
import io.github.logway.schema.FieldNames;
import io.github.logway.schema.SchemaRules;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommonConfigTest {

    private EnvReader reader;

    private CommonConfig read(Map<String, String> vars, boolean bucketRequired) {
        reader = new EnvReader(vars);
        return CommonConfig.read(reader, bucketRequired);
    }

    @Test
    void read_withNothingSet_usesTheDocumentedDefaults() {
        CommonConfig config = read(Map.of(), false);

        assertThat(reader.problems()).isEmpty();
        assertThat(config.fieldNames()).isEqualTo(FieldNames.DEFAULTS);
        assertThat(config.logTypeWhitelist()).isEmpty();
        assertThat(config.failedLogBucket()).isEmpty();
        assertThat(config.failedLogPrefix()).isEqualTo("failed");
        assertThat(config.maxTimeSkewFuture()).isEqualTo(Duration.ofDays(7));
        assertThat(config.maxTimeSkewPast()).isEqualTo(Duration.ofDays(3650));
        assertThat(config.cwlMetadataField()).isEmpty();
        assertThat(config.cwlTextMode()).isEqualTo(CwlTextMode.REJECT);
        assertThat(config.cwlLogTypeMap()).isEmpty();
        assertThat(config.deadlineMargin()).isEqualTo(Duration.ofMillis(5000));
        assertThat(config.maxRecordBytes()).isEqualTo(1_048_576);
        assertThat(config.logLevel()).isEqualTo(LogLevel.INFO);
    }

    @Test
    void read_withEverythingSet_takesEveryValue() {
        Map<String, String> vars = new HashMap<>();
        vars.put("LOG_TYPE_FIELD", "type");
        vars.put("LOG_ID_FIELD", "id");
        vars.put("LOG_TIMESTAMP_FIELD", "ts");
        vars.put("LOG_TYPE_WHITELIST", "nginx, app");
        vars.put("FAILED_LOG_S3_BUCKET", "failed-logs");
        vars.put("FAILED_LOG_S3_PREFIX", "/diverted/x/");
        vars.put("MAX_TIME_SKEW_FUTURE", "PT1H");
        vars.put("MAX_TIME_SKEW_PAST", "P30D");
        vars.put("CWL_METADATA_FIELD", "cwl");
        vars.put("CWL_TEXT_MODE", "wrap");
        vars.put("CWL_LOG_TYPE_MAP", "/aws/lambda/*=lambda,/ecs/*=ecs");
        vars.put("DEADLINE_MARGIN_MS", "0");
        vars.put("MAX_RECORD_BYTES", "10485760");
        vars.put("LOG_LEVEL", "debug");

        CommonConfig config = read(vars, true);

        assertThat(reader.problems()).isEmpty();
        assertThat(config.fieldNames()).isEqualTo(new FieldNames("type", "id", "ts"));
        assertThat(config.logTypeWhitelist()).containsExactlyInAnyOrder("nginx", "app");
        assertThat(config.failedLogBucket()).contains("failed-logs");
        assertThat(config.failedLogPrefix()).isEqualTo("diverted/x");
        assertThat(config.maxTimeSkewFuture()).isEqualTo(Duration.ofHours(1));
        assertThat(config.maxTimeSkewPast()).isEqualTo(Duration.ofDays(30));
        assertThat(config.cwlMetadataField()).isEqualTo("cwl");
        assertThat(config.cwlTextMode()).isEqualTo(CwlTextMode.WRAP);
        assertThat(config.cwlLogTypeMap()).extracting(m -> m.glob() + "=" + m.logType())
                .containsExactly("/aws/lambda/*=lambda", "/ecs/*=ecs");
        assertThat(config.deadlineMargin()).isEqualTo(Duration.ZERO);
        assertThat(config.maxRecordBytes()).isEqualTo(10_485_760);
        assertThat(config.logLevel()).isEqualTo(LogLevel.DEBUG);
    }

    @Test
    void read_whenBucketRequiredAndMissing_recordsProblem() {
        read(Map.of(), true);

        assertThat(reader.problems()).containsExactly("FAILED_LOG_S3_BUCKET is required");
    }

    @Test
    void read_doesNotThrowItself() {
        read(Map.of("LOG_LEVEL", "verbose", "MAX_RECORD_BYTES", "0"), true);

        assertThat(reader.problems()).hasSize(3);
    }

    @Test
    void read_prefixOfOnlySlashes_becomesEmpty() {
        CommonConfig config = read(Map.of("FAILED_LOG_S3_PREFIX", "///"), false);

        assertThat(config.failedLogPrefix()).isEmpty();
    }

    @Test
    void read_nonPositiveSkew_isAProblem() {
        read(Map.of("MAX_TIME_SKEW_FUTURE", "PT0S", "MAX_TIME_SKEW_PAST", "-P1D"), false);

        assertThat(reader.problems()).containsExactly(
                "MAX_TIME_SKEW_FUTURE='PT0S': must be a positive ISO-8601 duration such as P7D",
                "MAX_TIME_SKEW_PAST='-P1D': must be a positive ISO-8601 duration such as P7D");
    }

    @Test
    void read_wrapWithoutMap_isAProblem() {
        read(Map.of("CWL_TEXT_MODE", "wrap"), false);

        assertThat(reader.problems()).containsExactly("CWL_LOG_TYPE_MAP is required when CWL_TEXT_MODE=wrap");
    }

    @Test
    void read_wrapWithMapOfOnlyCommas_isAProblem() {
        read(Map.of("CWL_TEXT_MODE", "WRAP", "CWL_LOG_TYPE_MAP", " , ,"), false);

        assertThat(reader.problems()).containsExactly("CWL_LOG_TYPE_MAP is required when CWL_TEXT_MODE=wrap");
    }

    @Test
    void read_malformedMap_namesTheEntry() {
        read(Map.of("CWL_LOG_TYPE_MAP", "/aws/*=lambda,nolog"), false);

        assertThat(reader.problems()).singleElement().asString()
                .startsWith("CWL_LOG_TYPE_MAP='/aws/*=lambda,nolog': entry 'nolog' is not glob=log_type")
                .contains("comma list of glob=log_type");
    }

    @Test
    void read_unknownTextMode_listsAllowedValues() {
        read(Map.of("CWL_TEXT_MODE", "keep"), false);

        assertThat(reader.problems()).containsExactly("CWL_TEXT_MODE='keep': must be one of reject, wrap");
    }

    @Test
    void read_outOfRangeNumbers_nameTheirRanges() {
        read(Map.of("DEADLINE_MARGIN_MS", "600001", "MAX_RECORD_BYTES", "10485761"), false);

        assertThat(reader.problems()).containsExactly(
                "DEADLINE_MARGIN_MS='600001': must be an integer from 0 to 600000",
                "MAX_RECORD_BYTES='10485761': must be an integer from 1 to 10485760");
    }

    @Test
    void read_unknownLogLevel_listsAllowedLevels() {
        read(Map.of("LOG_LEVEL", "trace"), false);

        assertThat(reader.problems()).containsExactly("LOG_LEVEL='trace': must be one of debug, info, warn, error");
    }

    @Test
    void read_sameNameForTwoFields_isAProblem() {
        read(Map.of("LOG_ID_FIELD", "log_type"), false);

        assertThat(reader.problems()).singleElement().asString()
                .contains("must name three different fields");
    }

    @Test
    void read_thenThrowIfInvalid_reportsCommonAndOwnVariablesTogether() {
        EnvReader env = new EnvReader(Map.of("LOG_LEVEL", "loud"));
        CommonConfig.read(env, true);
        env.required("TARGET_STREAM_NAME");

        assertThatThrownBy(env::throwIfInvalid).isInstanceOf(ConfigException.class)
                .hasMessage("Invalid configuration (3 problems):\n"
                        + "  FAILED_LOG_S3_BUCKET is required\n"
                        + "  LOG_LEVEL='loud': must be one of debug, info, warn, error\n"
                        + "  TARGET_STREAM_NAME is required");
    }

    @Test
    void allows_withEmptyWhitelist_allowsEverything() {
        CommonConfig config = read(Map.of(), false);

        assertThat(config.allows("anything")).isTrue();
    }

    @Test
    void allows_withWhitelist_allowsOnlyListedTypesExactly() {
        CommonConfig config = read(Map.of("LOG_TYPE_WHITELIST", "nginx,app"), false);

        assertThat(config.allows("nginx")).isTrue();
        assertThat(config.allows("app")).isTrue();
        assertThat(config.allows("NGINX")).isFalse();
        assertThat(config.allows("other")).isFalse();
    }

    @Test
    void schemaRules_carryFieldNamesSkewAndCwlSettings() {
        CommonConfig config = read(Map.of("LOG_TYPE_FIELD", "type", "MAX_TIME_SKEW_FUTURE", "PT1H",
                "CWL_TEXT_MODE", "wrap", "CWL_LOG_TYPE_MAP", "/ecs/*=ecs", "CWL_METADATA_FIELD", "cwl"), false);

        SchemaRules rules = config.schemaRules();

        assertThat(rules.fieldNames().logType()).isEqualTo("type");
        assertThat(rules.maxTimeSkewFuture()).isEqualTo(Duration.ofHours(1));
        assertThat(rules.maxTimeSkewPast()).isEqualTo(Duration.ofDays(3650));
        assertThat(rules.cwlTextMode()).isEqualTo(CwlTextMode.WRAP);
        assertThat(rules.cwlMetadataField()).isEqualTo("cwl");
        assertThat(rules.logTypeForLogGroup("/ecs/web")).isEqualTo("ecs");
        assertThat(rules.maxEventBytes()).isEqualTo(SchemaRules.DEFAULT_MAX_EVENT_BYTES);
    }
}
