package io.github.logway.forward;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.KinesisConsumer;
import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.publish.BatcherSettings;
import io.github.logway.core.publish.PutRecordsBatcher;
import io.github.logway.core.publish.RecordPublisher;
import io.github.logway.core.retry.RetryPolicy;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.core.store.ObjectStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * kinesis-forward without Lambda's plumbing (PRODUCT.md §6): decodes each batch with the shared {@link
 * KinesisConsumer}, forwards valid, whitelisted log records to the target stream with the shared {@link
 * PutRecordsBatcher}, diverts bad and over-size records to the failed log, and reports the checkpoint.
 *
 * <p>Built once at cold start; the handler, {@code logway invoke} and {@code logway bench} call {@link #handle}
 * or {@link #process}. One invocation at a time (Lambda's model): the calls are synchronised.
 */
public final class KinesisForwarder {

    /** The function's name in metrics, logs and failed-log envelopes. */
    public static final String FUNCTION_NAME = "kinesis-forward";

    private final KinesisForwardConfig config;
    private final ForwardSink sink;
    private final KinesisConsumer consumer;

    /**
     * @param config the validated configuration
     * @param publisher sends PutRecords requests to the target ({@code KinesisRecordPublisher} in Lambda)
     * @param failedLogStore where the failed log is written ({@code FAILED_LOG_S3_BUCKET})
     * @param clock the clock of deadlines, metrics and failed-log keys
     * @param random the source of backoff jitter and of {@code PARTITION_KEY=random} keys; used on the calling
     *     thread only
     * @param sleeper waits between retries
     * @param executor runs the concurrent PutRecords requests ({@code Runnable::run} sends them one by one)
     * @param metricsOut where the EMF line of each invocation goes (standard output in Lambda)
     * @param logger the function's JSON logger
     */
    public KinesisForwarder(KinesisForwardConfig config, RecordPublisher publisher, ObjectStore failedLogStore,
            Clock clock, RandomGenerator random, Sleeper sleeper, Executor executor, PrintStream metricsOut,
            JsonLogger logger) {
        this.config = Objects.requireNonNull(config, "config");
        PutRecordsBatcher batcher = new PutRecordsBatcher(publisher, batcherSettings(config), sleeper, random,
                executor);
        PartitionKeys keys = new PartitionKeys(config.partitionKey(), random);
        this.sink = config.outputFormat() == OutputFormat.PASSTHROUGH
                ? new PassthroughForwardSink(batcher, config.targetStream(), keys)
                : new RecordForwardSink(batcher, config.targetStream(), keys);
        String bucket = config.common().failedLogBucket()
                .orElseThrow(() -> new IllegalArgumentException("kinesis-forward needs FAILED_LOG_S3_BUCKET"));
        FailedLogWriter failedLog = new FailedLogWriter(failedLogStore, bucket, config.common().failedLogPrefix(),
                FUNCTION_NAME, ZoneOffset.UTC);
        this.consumer = new KinesisConsumer(FUNCTION_NAME, config.common(), sink, failedLog, clock, metricsOut,
                logger);
    }

    /**
     * The PutRecords limits and patience of a configuration: 500 entries and 5 MiB per request (more with
     * {@code MAX_RECORD_BYTES} over 5 MiB, for streams configured for large records), {@code MAX_RECORD_BYTES} per
     * entry, {@code KINESIS_MAX_RETRIES} retries with the default backoff.
     */
    static BatcherSettings batcherSettings(KinesisForwardConfig config) {
        return BatcherSettings.forMaxRecordBytes(config.common().maxRecordBytes())
                .withRetryPolicy(RetryPolicy.withRetries(config.maxRetries()));
    }

    /** The configuration this forwarder was built with. */
    public KinesisForwardConfig config() {
        return config;
    }

    /** The Lambda entry point's body: the response with at most one batch item failure (the checkpoint). */
    public StreamsEventResponse handle(KinesisEvent event, Context context) {
        return process(event, context).response();
    }

    /** Like {@link #handle}, also returning the accounting (for the command line's invoke and bench). */
    public synchronized KinesisBatchProcessor.Result process(KinesisEvent event, Context context) {
        sink.beginInvocation(event);
        try {
            return consumer.process(event, context);
        } finally {
            sink.endInvocation();
        }
    }
}
