package io.github.logway.local.demo;

import io.github.logway.local.LogwayFunction;
import io.github.logway.local.esm.EsmSettings;
import io.github.logway.local.pipeline.PipelineSpec;
import io.github.logway.local.pipeline.PipelineSpec.DestinationType;
import io.github.logway.local.pipeline.PipelineSpec.FunctionSpec;
import io.github.logway.local.pipeline.PipelineSpec.OnFailure;
import io.github.logway.local.pipeline.PipelineSpec.QueueSpec;
import io.github.logway.local.pipeline.PipelineSpec.StreamSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline of {@code ./logway demo}, PRODUCT.md §1 in small: ALB logs enter through S3 → SQS →
 * elb-to-kinesis into the router stream, where producers also write; one forwarder copies every log type to the
 * archive stream, read by kinesis-to-s3 and kinesis-to-es; a second forwarder is a microservice's subscription
 * (whitelist {@code orders,payments}) to its own stream. Each function has its own failed-log prefix; the
 * Kinesis mappings send exhausted batches to an S3 on-failure bucket.
 */
final class DemoPipeline {

    static final String ROUTER = "logway-demo-router";
    static final String ARCHIVE = "logway-demo-archive";
    static final String ORDERS = "logway-demo-orders";
    static final String LOG_BUCKET = "logway-demo-logs";
    static final String LOG_PREFIX = "logs";
    static final String FAILED_BUCKET = "logway-demo-failed";
    static final String FAILED_PREFIX = "failed";
    static final String ALB_BUCKET = "logway-demo-alb-logs";
    static final String FAILED_BATCHES_BUCKET = "logway-demo-failed-batches";
    static final String ALB_QUEUE = "logway-demo-alb-notifications";
    static final String ALB_DEAD_LETTER_QUEUE = "logway-demo-alb-dlq";
    static final String INDEX_PREFIX = "logway-demo";
    static final String ORDERS_WHITELIST = "orders,payments";

    static final String ELB = "elb-ingest";
    static final String FORWARD_ARCHIVE = "forward-archive";
    static final String FORWARD_ORDERS = "forward-orders";
    static final String TO_S3 = "archive-to-s3";
    static final String TO_ES = "archive-to-es";

    /** Larger batches than Lambda's default 100: fewer invocations for the same records, as users tune it. */
    private static final EsmSettings KINESIS_ESM = EsmSettings.DEFAULTS.withBatchSize(500)
            .withBisect(true).withMaximumRetryAttempts(3).withRetryDelay(Duration.ofMillis(200));
    private static final EsmSettings SQS_ESM = EsmSettings.DEFAULTS.withBatchSize(10);

    private DemoPipeline() {}

    static PipelineSpec spec() {
        OnFailure failedBatches = new OnFailure(DestinationType.S3, FAILED_BATCHES_BUCKET);
        return new PipelineSpec(
                List.of(new StreamSpec(ROUTER, 2), new StreamSpec(ARCHIVE, 2), new StreamSpec(ORDERS, 1)),
                List.of(LOG_BUCKET, FAILED_BUCKET, ALB_BUCKET, FAILED_BATCHES_BUCKET),
                List.of(new QueueSpec(ALB_QUEUE, Optional.of(ALB_DEAD_LETTER_QUEUE), 3, 60),
                        new QueueSpec(ALB_DEAD_LETTER_QUEUE, Optional.empty(), 0, 30)),
                true,
                List.of(
                        new FunctionSpec(ELB, LogwayFunction.ELB, Map.of(
                                "TARGET_STREAM_NAME", ROUTER,
                                "FAILED_LOG_S3_BUCKET", FAILED_BUCKET,
                                "FAILED_LOG_S3_PREFIX", FAILED_PREFIX + "/" + ELB), ALB_QUEUE, SQS_ESM,
                                Optional.empty()),
                        new FunctionSpec(FORWARD_ARCHIVE, LogwayFunction.FORWARD, Map.of(
                                "TARGET_STREAM_NAME", ARCHIVE,
                                "FAILED_LOG_S3_BUCKET", FAILED_BUCKET,
                                "FAILED_LOG_S3_PREFIX", FAILED_PREFIX + "/" + FORWARD_ARCHIVE), ROUTER, KINESIS_ESM,
                                Optional.of(failedBatches)),
                        new FunctionSpec(FORWARD_ORDERS, LogwayFunction.FORWARD, Map.of(
                                "TARGET_STREAM_NAME", ORDERS,
                                "LOG_TYPE_WHITELIST", ORDERS_WHITELIST,
                                "PARTITION_KEY", "log_id",
                                "FAILED_LOG_S3_BUCKET", FAILED_BUCKET,
                                "FAILED_LOG_S3_PREFIX", FAILED_PREFIX + "/" + FORWARD_ORDERS), ROUTER, KINESIS_ESM,
                                Optional.of(failedBatches)),
                        new FunctionSpec(TO_S3, LogwayFunction.TO_S3, Map.of(
                                "LOG_S3_BUCKET", LOG_BUCKET,
                                "LOG_S3_PREFIX", LOG_PREFIX,
                                "FAILED_LOG_S3_BUCKET", FAILED_BUCKET,
                                "FAILED_LOG_S3_PREFIX", FAILED_PREFIX + "/" + TO_S3), ARCHIVE, KINESIS_ESM,
                                Optional.of(failedBatches)),
                        new FunctionSpec(TO_ES, LogwayFunction.TO_ES, Map.of(
                                "INDEX_NAME_PREFIX", INDEX_PREFIX,
                                "FAILED_LOG_S3_BUCKET", FAILED_BUCKET,
                                "FAILED_LOG_S3_PREFIX", FAILED_PREFIX + "/" + TO_ES), ARCHIVE, KINESIS_ESM,
                                Optional.of(failedBatches))));
    }
}
