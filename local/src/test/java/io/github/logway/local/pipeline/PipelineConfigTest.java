package io.github.logway.local.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.local.LogwayFunction;
import io.github.logway.local.pipeline.PipelineSpec.DestinationType;
import io.github.logway.local.pipeline.PipelineSpec.FunctionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {

    @Test
    void parse_theExampleFileInDocs_givesEveryStreamQueueAndFunction() throws IOException {
        String yaml = Files.readString(Path.of("..", "docs", "local-pipeline.example.yaml"), StandardCharsets.UTF_8);

        PipelineSpec spec = PipelineConfig.parse(yaml);

        assertThat(spec.streams()).extracting(PipelineSpec.StreamSpec::name)
                .containsExactly("app-router", "app-archive", "billing-events");
        assertThat(spec.streams().get(0).shards()).isEqualTo(2);
        assertThat(spec.buckets()).contains("app-logs", "alb-access-logs");
        assertThat(spec.queues().get(0).deadLetterQueue()).contains("alb-notifications-dlq");
        assertThat(spec.queues().get(0).maxReceiveCount()).isEqualTo(3);
        assertThat(spec.queues().get(0).visibilityTimeoutSeconds()).isEqualTo(120);
        assertThat(spec.openSearch()).isTrue();
        assertThat(spec.functions()).extracting(FunctionSpec::kind).containsExactly(LogwayFunction.ELB,
                LogwayFunction.FORWARD, LogwayFunction.FORWARD, LogwayFunction.TO_S3, LogwayFunction.TO_ES);
        FunctionSpec archive = spec.functions().get(1);
        assertThat(archive.esm().batchSize()).isEqualTo(500);
        assertThat(archive.esm().bisectBatchOnFunctionError()).isTrue();
        assertThat(archive.esm().maximumRetryAttempts()).isEqualTo(3);
        assertThat(archive.esm().maximumRecordAge()).isEqualTo(Duration.ofHours(1));
        assertThat(archive.onFailure()).contains(new PipelineSpec.OnFailure(DestinationType.S3, "app-failed-batches"));
        assertThat(spec.functions().get(2).env()).containsEntry("LOG_TYPE_WHITELIST", "orders,payments");
        assertThat(spec.functions().get(3).esm().batchingWindow()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.functions().get(0).esm().batchSize()).isEqualTo(10);
    }

    @Test
    void parse_withoutMappingSettings_usesLambdasDefaultsWithPartialBatchResponses() {
        PipelineSpec spec = PipelineConfig.parse("""
                streams: [{name: s}]
                functions:
                  - {name: f, function: forward, source: s, env: {TARGET_STREAM_NAME: t, MAX_RECORD_BYTES: 1024}}
                """);

        FunctionSpec function = spec.functions().get(0);
        assertThat(function.esm().batchSize()).isEqualTo(100);
        assertThat(function.esm().reportBatchItemFailures()).isTrue();
        assertThat(function.esm().maximumRetryAttempts()).isEqualTo(-1);
        assertThat(function.onFailure()).isEqualTo(Optional.empty());
        assertThat(function.env()).containsEntry("MAX_RECORD_BYTES", "1024");
        assertThat(spec.streams().get(0).shards()).isEqualTo(1);
    }

    @Test
    void parse_aFileWithManyMistakes_namesEveryOneWithItsPath() {
        String yaml = """
                streams:
                  - {name: router, shards: 0}
                  - {name: router}
                buckets: [Bad_Bucket]
                queues:
                  - {name: q, dead_letter_queue: missing-dlq, colour: blue}
                functions:
                  - name: f1
                    function: to-elastic
                    source: router
                  - name: f2
                    function: forward
                    source: nowhere
                    event_source_mapping: {batch_size: 20000, starting_position: YESTERDAY}
                    on_failure: sns://topic
                  - name: f3
                    function: elb
                    source: q
                    event_source_mapping: {batch_size: 11}
                  - name: f4
                    function: to-s3
                    source: router
                    on_failure: sqs://not-declared
                extra: true
                """;

        assertThatThrownBy(() -> PipelineConfig.parse(yaml))
                .isInstanceOf(PipelineConfigException.class)
                .satisfies(e -> assertThat(((PipelineConfigException) e).problems()).containsExactlyInAnyOrder(
                        "extra: unknown key (allowed: buckets, functions, queues, streams)",
                        "streams[0].shards: '0' must be a whole number from 1 to 50",
                        "buckets[0]: 'Bad_Bucket' is not a valid bucket name (3-63 lowercase letters, digits, . and -)",
                        "queues[0].colour: unknown key (allowed: dead_letter_queue, max_receive_count, name,"
                                + " visibility_timeout_seconds)",
                        "functions[0].function: 'to-elastic' is not one of to-s3, to-es, forward, elb",
                        "functions[1].event_source_mapping.batch_size: '20000' must be a whole number from 1 to 10000",
                        "functions[1].event_source_mapping.starting_position: 'YESTERDAY' must be TRIM_HORIZON or"
                                + " LATEST",
                        "functions[1].on_failure: 'sns://topic' must be s3://BUCKET or sqs://QUEUE (a declared bucket"
                                + " or queue)",
                        "functions[2].event_source_mapping.batch_size: '11' must be a whole number from 1 to 10"))
                .hasMessageStartingWith("the pipeline file has 9 problems:");
    }

    @Test
    void parse_namesThatPointNowhere_areReportedTogetherAfterTheFieldChecks() {
        String yaml = """
                streams: [{name: router}, {name: router}]
                queues: [{name: q, dead_letter_queue: missing-dlq}]
                functions:
                  - {name: f2, function: forward, source: nowhere}
                  - {name: f4, function: to-s3, source: router, on_failure: "sqs://not-declared"}
                  - {name: f5, function: elb, source: router}
                """;

        assertThatThrownBy(() -> PipelineConfig.parse(yaml))
                .isInstanceOf(PipelineConfigException.class)
                .satisfies(e -> assertThat(((PipelineConfigException) e).problems()).containsExactlyInAnyOrder(
                        "stream router is declared twice",
                        "queue q: dead-letter queue missing-dlq is not declared under queues",
                        "function f2: source stream nowhere is not declared under streams",
                        "function f4: on-failure sqs not-declared is not declared under queues",
                        "function f5: source queue router is not declared under queues"));
    }

    @Test
    void parse_textThatIsNotYaml_saysSoWithTheLine() {
        assertThatThrownBy(() -> PipelineConfig.parse("streams: [unclosed\nfunctions: {"))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void parse_aListAtTheTop_isRefused() {
        assertThatThrownBy(() -> PipelineConfig.parse("- a\n- b\n"))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessageContaining("must be a mapping with streams, buckets, queues and functions");
    }
}
