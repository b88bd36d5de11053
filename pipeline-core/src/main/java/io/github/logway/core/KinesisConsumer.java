package io.github.logway.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.config.CommonConfig;
import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.metrics.EmfWriter;
import io.github.logway.core.metrics.InvocationMetrics;
import io.github.logway.schema.LogDecoder;
import io.github.logway.schema.RejectReason;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every Kinesis consumer's handler delegates to: the deadline from the Lambda {@link Context}, the
 * {@link KinesisBatchProcessor}, one EMF metrics line and one summary log line per invocation.
 *
 * <p>Built once at cold start (the handler's constructor); {@link #handle} is called per invocation. A
 * {@link FatalException} propagates unlogged: Lambda records it and the event source mapping's retry, bisect
 * and on-failure settings take over.
 */
public final class KinesisConsumer {

    private final CommonConfig config;
    private final KinesisBatchProcessor processor;
    private final Clock clock;
    private final EmfWriter emf;
    private final PrintStream metricsOut;
    private final JsonLogger logger;

    /**
     * @param functionName the function's name in metrics, logs and failed-log envelopes, e.g. {@code kinesis-to-s3}
     * @param config the variables every function reads
     * @param sink the function's destination
     * @param failedLog where rejected and diverted events go
     * @param clock the clock of deadlines and metrics
     * @param metricsOut where the EMF line goes (standard output in Lambda)
     * @param logger the function's JSON logger
     */
    public KinesisConsumer(String functionName, CommonConfig config, LogSink sink, FailedLogWriter failedLog,
            Clock clock, PrintStream metricsOut, JsonLogger logger) {
        Objects.requireNonNull(functionName, "functionName");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.processor = new KinesisBatchProcessor(new LogDecoder(config.schemaRules()), config::allows, sink,
                failedLog);
        this.emf = new EmfWriter(functionName, clock);
        this.metricsOut = Objects.requireNonNull(metricsOut, "metricsOut");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** The Lambda entry point's body. */
    public StreamsEventResponse handle(KinesisEvent event, Context context) {
        return process(event, context).response();
    }

    /** Like {@link #handle}, also returning the accounting (for the command line's invoke and bench). */
    public KinesisBatchProcessor.Result process(KinesisEvent event, Context context) {
        long start = clock.millis();
        Deadline deadline = Deadline.fromContext(context, config.deadlineMargin(), clock);
        KinesisBatchProcessor.Result result = processor.process(event, deadline);
        report(result.summary(), clock.millis() - start);
        return result;
    }

    private void report(BatchSummary summary, long durationMillis) {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.addRecordsIn(summary.records());
        metrics.addLogEvents(summary.logEvents());
        metrics.addDelivered(summary.delivered());
        summary.diverted().forEach(metrics::addDiverted);
        metrics.addDropped(summary.dropped());
        metrics.addSkipped(summary.skipped());
        metrics.addRetried(summary.retried());
        metrics.addFailed(summary.behindCheckpoint());
        metrics.addBytes(summary.logBytes());
        if (summary.oldestArrivalMillis() >= 0) {
            metrics.observeBatchAgeMillis(Math.max(0, clock.millis() - summary.oldestArrivalMillis()));
        }
        metrics.setDurationMillis(durationMillis);
        emf.write(metrics, metricsOut);

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("records", summary.records());
        fields.put("log_events", summary.logEvents());
        fields.put("delivered", summary.delivered());
        fields.put("diverted", summary.divertedTotal());
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (Map.Entry<RejectReason, Long> entry : summary.diverted().entrySet()) {
            byReason.put(entry.getKey().code(), entry.getValue());
        }
        fields.put("diverted_by_reason", byReason);
        fields.put("dropped", summary.dropped());
        fields.put("skipped", summary.skipped());
        fields.put("behind_checkpoint", summary.behindCheckpoint());
        fields.put("checkpoint", summary.checkpoint());
        fields.put("duration_ms", durationMillis);
        if (summary.checkpoint() == null) {
            logger.info("batch handled", fields);
        } else {
            logger.warn("batch partly handled; Lambda re-delivers from the checkpoint", fields);
        }
    }
}
