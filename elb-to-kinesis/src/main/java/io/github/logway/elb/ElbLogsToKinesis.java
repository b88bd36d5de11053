package io.github.logway.elb;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.github.logway.core.BatchSummary;
import io.github.logway.core.Deadline;
import io.github.logway.core.RetryableException;
import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.metrics.EmfWriter;
import io.github.logway.core.metrics.InvocationMetrics;
import io.github.logway.core.publish.BatcherSettings;
import io.github.logway.core.publish.PutRecordsBatcher;
import io.github.logway.core.publish.RecordPublisher;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.core.store.ObjectStore;
import io.github.logway.schema.LogRecordParser;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * elb-to-kinesis without Lambda's plumbing (PRODUCT.md §7): for each SQS message, reads the access-log objects its
 * S3 notification (direct, SNS-wrapped or EventBridge) or continuation names, puts one JSON record per line on the
 * target stream with the shared {@link PutRecordsBatcher}, diverts bad lines to the failed log, and before the
 * deadline hands what is left to a continuation message.
 *
 * <p>The response lists exactly the messages not fully processed (SQS set semantics: each is redelivered whole,
 * and its lines get the same {@code log_id}s again). A message is fully processed when every line it asked for
 * is handled, or when a continuation carrying the rest was sent. A {@link io.github.logway.core.FatalException}
 * (denied access, a missing stream) fails the invocation.
 *
 * <p>Built once at cold start; the handler, {@code logway invoke} and {@code logway bench} call {@link #handle}
 * or {@link #process}. One invocation at a time: the calls are synchronised.
 */
public final class ElbLogsToKinesis {

    /** The function's name in metrics, logs and failed-log envelopes. */
    public static final String FUNCTION_NAME = "elb-to-kinesis";
    /** The SQS system attribute with the time a message was sent, epoch milliseconds. */
    static final String SENT_TIMESTAMP = "SentTimestamp";

    /**
     * What one invocation did.
     *
     * @param response the batch response Lambda gets
     * @param summary the accounting in log events (lines); its checkpoint is always null (SQS has none)
     */
    public record Result(SQSBatchResponse response, BatchSummary summary) {

        public Result {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(summary, "summary");
        }
    }

    private final ElbToKinesisConfig config;
    private final NotificationParser notifications = new NotificationParser();
    private final ObjectReader reader;
    private final ContinuationQueue continuationQueue;
    private final Clock clock;
    private final PrintStream metricsOut;
    private final JsonLogger logger;
    private final EmfWriter emf;

    /**
     * @param config the validated configuration
     * @param source reads the access-log objects ({@link S3AccessLogSource} in Lambda)
     * @param publisher sends PutRecords requests to the target ({@code KinesisRecordPublisher} in Lambda)
     * @param continuationQueue sends continuation messages ({@link SqsContinuationQueue} in Lambda)
     * @param failedLogStore where the failed log is written ({@code FAILED_LOG_S3_BUCKET})
     * @param clock the clock of deadlines, metrics and failed-log keys
     * @param random the source of backoff jitter and of {@code PARTITION_KEY=random} keys; used on the calling
     *     thread only
     * @param sleeper waits between retries
     * @param executor runs the concurrent PutRecords requests ({@code Runnable::run} sends them one by one)
     * @param metricsOut where the EMF line of each invocation goes (standard output in Lambda)
     * @param logger the function's JSON logger
     */
    public ElbLogsToKinesis(ElbToKinesisConfig config, AccessLogSource source, RecordPublisher publisher,
            ContinuationQueue continuationQueue, ObjectStore failedLogStore, Clock clock, RandomGenerator random,
            Sleeper sleeper, Executor executor, PrintStream metricsOut, JsonLogger logger) {
        this(config, source, publisher, continuationQueue, failedLogStore, clock, random, sleeper, executor,
                metricsOut, logger, ObjectReader.ChunkSettings.DEFAULTS);
    }

    /** For tests: with smaller chunks, so a few lines make several PutRecords rounds. */
    ElbLogsToKinesis(ElbToKinesisConfig config, AccessLogSource source, RecordPublisher publisher,
            ContinuationQueue continuationQueue, ObjectStore failedLogStore, Clock clock, RandomGenerator random,
            Sleeper sleeper, Executor executor, PrintStream metricsOut, JsonLogger logger,
            ObjectReader.ChunkSettings chunk) {
        this.config = Objects.requireNonNull(config, "config");
        this.continuationQueue = Objects.requireNonNull(continuationQueue, "continuationQueue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metricsOut = Objects.requireNonNull(metricsOut, "metricsOut");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.emf = new EmfWriter(FUNCTION_NAME, clock);
        String bucket = config.common().failedLogBucket()
                .orElseThrow(() -> new IllegalArgumentException("elb-to-kinesis needs FAILED_LOG_S3_BUCKET"));
        FailedLogWriter failedLog = new FailedLogWriter(failedLogStore, bucket, config.common().failedLogPrefix(),
                FUNCTION_NAME, ZoneOffset.UTC);
        PutRecordsBatcher batcher = new PutRecordsBatcher(publisher,
                BatcherSettings.forMaxRecordBytes(config.common().maxRecordBytes()), sleeper, random, executor);
        AccessLogParser parser = new AccessLogParser(config.common().fieldNames(), config.albLogType(),
                config.elbLogType());
        this.reader = new ObjectReader(source, parser, new LogRecordParser(config.common().schemaRules()), batcher,
                config.targetStream(), failedLog, new PartitionKeys(config.partitionKey(), random), config.common(),
                chunk);
    }

    /** The configuration this function was built with. */
    public ElbToKinesisConfig config() {
        return config;
    }

    /** The Lambda entry point's body. */
    public SQSBatchResponse handle(SQSEvent event, Context context) {
        return process(event, context).response();
    }

    /** Like {@link #handle}, also returning the accounting (for the command line's invoke and bench). */
    public synchronized Result process(SQSEvent event, Context context) {
        long startMillis = clock.millis();
        Deadline deadline = Deadline.fromContext(context, config.common().deadlineMargin(), clock);
        Tally tally = new Tally();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : messages) {
            tally.records++;
            observeArrival(message, tally);
            boolean processed = !deadline.isExpired() && processMessage(message, deadline, tally);
            if (!processed) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        Result result = new Result(new SQSBatchResponse(failures), tally.summary());
        writeMetrics(tally, startMillis);
        logSummary(tally, failures.size());
        return result;
    }

    /** Whether the message is fully processed (every line handled, or the rest handed to a continuation). */
    private boolean processMessage(SQSEvent.SQSMessage message, Deadline deadline, Tally tally) {
        Notification notification = notifications.parse(message.getBody() == null ? "" : message.getBody());
        if (notification instanceof Notification.Ignored) {
            tally.logEvents++;
            tally.skipped++;
            return true;
        }
        if (notification instanceof Notification.Unrecognized unrecognized) {
            tally.logEvents++;
            tally.behind++;
            logger.warn("message not understood; left for redelivery and the dead-letter queue",
                    Map.of("message_id", String.valueOf(message.getMessageId()), "detail", unrecognized.detail()));
            return false;
        }
        List<ObjectTask> tasks = ((Notification.ObjectsToRead) notification).tasks();
        for (int i = 0; i < tasks.size(); i++) {
            ObjectTask task = tasks.get(i);
            ObjectOutcome outcome = reader.read(task, deadline, tally);
            if (outcome instanceof ObjectOutcome.Missing) {
                tally.logEvents++;
                tally.skipped++;
                logger.warn("object not found; skipped", Map.of("bucket", task.bucket(), "key", task.key()));
            } else if (outcome instanceof ObjectOutcome.Failed failed) {
                logger.warn("object not fully read; message left for redelivery", failureFields(task, failed.cause(),
                        message));
                return false;
            } else if (outcome instanceof ObjectOutcome.Interrupted interrupted) {
                List<ObjectTask> rest = new ArrayList<>();
                rest.add(interrupted.resumeAt());
                rest.addAll(tasks.subList(i + 1, tasks.size()));
                return sendContinuation(message, rest, tally);
            }
        }
        return true;
    }

    /** Hands {@code rest} to a continuation message; whether it was sent. */
    private boolean sendContinuation(SQSEvent.SQSMessage message, List<ObjectTask> rest, Tally tally) {
        Optional<String> queueUrl = config.continuationQueueUrl().or(() -> QueueUrls.fromArn(
                message.getEventSourceArn()));
        if (queueUrl.isEmpty()) {
            logger.error("no queue for the continuation: set CONTINUATION_QUEUE_URL; message left for redelivery",
                    Map.of("message_id", String.valueOf(message.getMessageId()),
                            "event_source_arn", String.valueOf(message.getEventSourceArn())));
            return false;
        }
        try {
            continuationQueue.send(queueUrl.get(), ContinuationMessage.write(rest));
        } catch (RetryableException e) {
            logger.warn("continuation not sent; message left for redelivery",
                    failureFields(rest.get(0), e, message));
            return false;
        }
        tally.continuations++;
        ObjectTask first = rest.get(0);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message_id", String.valueOf(message.getMessageId()));
        fields.put("bucket", first.bucket());
        fields.put("key", first.key());
        fields.put("next_line", first.nextLine());
        fields.put("objects", rest.size());
        logger.info("deadline near: continuation sent", fields);
        return true;
    }

    private static Map<String, Object> failureFields(ObjectTask task, RetryableException cause,
            SQSEvent.SQSMessage message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message_id", String.valueOf(message.getMessageId()));
        fields.put("bucket", task.bucket());
        fields.put("key", task.key());
        fields.put("error_type", cause.getClass().getName());
        fields.put("error_message", String.valueOf(cause.getMessage()));
        return fields;
    }

    private static void observeArrival(SQSEvent.SQSMessage message, Tally tally) {
        Map<String, String> attributes = message.getAttributes();
        if (attributes == null || attributes.get(SENT_TIMESTAMP) == null) {
            return;
        }
        try {
            tally.observeArrival(Long.parseLong(attributes.get(SENT_TIMESTAMP)));
        } catch (NumberFormatException e) {
            // Not from SQS; no batch age.
        }
    }

    private void writeMetrics(Tally tally, long startMillis) {
        InvocationMetrics metrics = new InvocationMetrics();
        long now = clock.millis();
        tally.addTo(metrics, now);
        metrics.setDurationMillis(now - startMillis);
        emf.write(metrics, metricsOut);
    }

    private void logSummary(Tally tally, int failedMessages) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messages", tally.records);
        fields.put("log_events", tally.logEvents);
        fields.put("delivered", tally.delivered);
        fields.put("diverted", tally.diverted.values().stream().mapToLong(Long::longValue).sum());
        fields.put("dropped", tally.dropped);
        fields.put("skipped", tally.skipped);
        fields.put("behind", tally.behind);
        fields.put("continuations", tally.continuations);
        fields.put("restarted_objects", tally.restarts);
        fields.put("failed_messages", failedMessages);
        logger.info("invocation done", fields);
    }
}
