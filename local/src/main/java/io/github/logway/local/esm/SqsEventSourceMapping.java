package io.github.logway.local.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.retry.Sleeper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * A local Lambda event source mapping on an SQS queue (with-sqs in the Lambda developer guide): a poller
 * long-polls ReceiveMessage (all system and message attributes), gathers a batch (batch size, maximum batching
 * window, Lambda's 6 MB payload), invokes the function synchronously with the event {@link SqsEventJson} writes,
 * and then:
 *
 * <ul>
 *   <li>the function returned, without {@code ReportBatchItemFailures}: every message is deleted;
 *   <li>with {@code ReportBatchItemFailures}: the messages not listed in {@code batchItemFailures} are deleted, the
 *       listed ones are left to reappear after the queue's visibility timeout; a response Lambda cannot use (not
 *       JSON, an {@code itemIdentifier} null, empty or not a message of the batch) fails the whole batch;
 *   <li>the function threw or timed out, or the response is unusable: nothing is deleted.
 * </ul>
 *
 * <p>Redrive to a dead-letter queue after {@code maxReceiveCount} receives is the queue's own doing (its
 * {@code RedrivePolicy}), as in SQS; ElasticMQ implements it. One poller invokes the function with one batch at a
 * time (Lambda runs several pollers and scales up to {@code MaximumConcurrency}); the local runner trades that
 * throughput for a reproducible order.
 */
public final class SqsEventSourceMapping implements AutoCloseable {

    /** Lambda's synchronous invocation payload limit, 6 MB. */
    static final long MAX_EVENT_BYTES = 6L * 1024 * 1024;
    /** ReceiveMessage returns at most 10 messages (SQS limit). */
    static final int MAX_RECEIVE_MESSAGES = 10;
    /** DeleteMessageBatch takes at most 10 entries (SQS limit). */
    static final int MAX_DELETE_ENTRIES = 10;
    /** Pause after a ReceiveMessage call that failed (the queue or the server is away). */
    static final Duration RECEIVE_RETRY_DELAY = Duration.ofSeconds(1);
    /** Pause between short polls while a batching window shorter than a second runs out. */
    private static final Duration SHORT_POLL_PAUSE = Duration.ofMillis(50);
    /** Pause after an empty short poll of an idle queue (a poll wait of zero). */
    private static final Duration EMPTY_SHORT_POLL_PAUSE = Duration.ofMillis(250);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final SqsEsmSettings settings;
    private final FunctionInvoker invoker;
    private final SqsEventJson events;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PrintStream log;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Object counters = new Object();
    private volatile boolean pollerIdle;
    private Thread poller;

    private long invocations;
    private long functionErrors;
    private long invalidResponses;
    private long partialFailures;
    private long messagesReceived;
    private long messagesDeleted;
    private long messagesLeftForRetry;
    private long deleteFailures;

    /**
     * @param sqs a client for the queue's endpoint
     * @param queueUrl the queue's URL (what ReceiveMessage and DeleteMessageBatch take)
     * @param queueArn the queue's ARN (the event's {@code eventSourceARN}); a name ending in {@code .fifo} is a
     *     FIFO queue
     * @param settings the mapping's settings
     * @param invoker the function
     * @param clock the clock of batching windows
     * @param sleeper how the poller waits
     * @param log where the mapping reports problems (human-readable)
     * @throws IllegalArgumentException when the settings do not suit a FIFO queue
     */
    public SqsEventSourceMapping(SqsClient sqs, String queueUrl, String queueArn, SqsEsmSettings settings,
            FunctionInvoker invoker, Clock clock, Sleeper sleeper, PrintStream log) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.events = new SqsEventJson(queueArn);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.log = Objects.requireNonNull(log, "log");
        if (queueArn.endsWith(".fifo") && !settings.fifoProblems().isEmpty()) {
            throw new IllegalArgumentException("Invalid SQS event source mapping settings for " + queueArn + ": "
                    + String.join("; ", settings.fifoProblems()));
        }
    }

    /**
     * Checks the queue as CreateEventSourceMapping does and starts the poller.
     *
     * @throws IllegalArgumentException when the queue's visibility timeout is shorter than the function's timeout
     *     (Lambda refuses such a mapping: a message could reappear while its batch is still running)
     */
    public synchronized void start() {
        if (running.get()) {
            throw new IllegalStateException("already started");
        }
        long visibilitySeconds = Long.parseLong(sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes()
                .get(QueueAttributeName.VISIBILITY_TIMEOUT));
        long timeoutSeconds = (long) Math.ceil(settings.functionTimeout().toMillis() / 1000.0);
        if (visibilitySeconds < timeoutSeconds) {
            throw new IllegalArgumentException("Queue visibility timeout: " + visibilitySeconds
                    + " seconds is less than Function timeout: " + timeoutSeconds + " seconds (" + queueUrl + ")");
        }
        running.set(true);
        poller = new Thread(this::run, "esm-sqs-" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1));
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * Waits until the queue is drained: the poller's last receive found nothing, it holds no batch, and the queue
     * reports no message visible, in flight or delayed. A message that keeps failing without a redrive policy
     * never lets the mapping become idle.
     *
     * @return true when idle, false on timeout
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - until < 0) {
            if (pollerIdle && queueEmpty() && pollerIdle) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The counters so far. */
    public SqsEsmStats stats() {
        synchronized (counters) {
            return new SqsEsmStats(invocations, functionErrors, invalidResponses, partialFailures, messagesReceived,
                    messagesDeleted, messagesLeftForRetry, deleteFailures);
        }
    }

    /**
     * Stops the poller and waits for it: a long poll in progress runs out (at most the poll wait); an invocation
     * in progress is interrupted and counts as a function error, so its messages reappear after the visibility
     * timeout, as after a crash.
     */
    @Override
    public void close() {
        running.set(false);
        Thread thread;
        synchronized (this) {
            thread = poller;
        }
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(settings.pollWait().plus(settings.functionTimeout()).plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean queueEmpty() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        for (String count : attributes.values()) {
            if (!"0".equals(count)) {
                return false;
            }
        }
        return true;
    }

    private void run() {
        while (running.get()) {
            try {
                List<Message> batch = gather();
                if (batch.isEmpty()) {
                    pollerIdle = true;
                    continue;
                }
                process(batch);
            } catch (RuntimeException e) {
                if (!running.get()) {
                    return;
                }
                log.println("SQS event source mapping on " + queueUrl + ": " + e);
                try {
                    sleeper.sleep(RECEIVE_RETRY_DELAY);
                } catch (RuntimeException interrupted) {
                    return;
                }
            }
        }
    }

    /**
     * Receives one batch: long-polls until a first message arrives (or the poll wait runs out: empty), then, with
     * a batching window, keeps receiving until the batch is full, the window has elapsed or the next message would
     * take the event past {@link #MAX_EVENT_BYTES}; such a message is made visible again at once.
     */
    private List<Message> gather() {
        List<Message> batch = new ArrayList<>();
        long recordBytes = 0;
        Instant windowEnd = null;
        while (running.get()) {
            int wanted = Math.min(MAX_RECEIVE_MESSAGES, settings.batchSize() - batch.size());
            Duration wait = windowEnd == null ? settings.pollWait() : Duration.between(clock.instant(), windowEnd);
            if (windowEnd != null && (wait.isNegative() || wait.isZero())) {
                return batch;
            }
            int waitSeconds = (int) Math.min(SqsEsmSettings.MAX_POLL_WAIT.toSeconds(), wait.toSeconds());
            ReceiveMessageResponse response = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                    .maxNumberOfMessages(wanted).waitTimeSeconds(waitSeconds)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All"));
            List<Message> received = response.messages();
            if (received.isEmpty()) {
                if (windowEnd == null) {
                    if (waitSeconds == 0) {
                        sleeper.sleep(EMPTY_SHORT_POLL_PAUSE);
                    }
                    return batch;
                }
                if (waitSeconds == 0) {
                    sleeper.sleep(min(SHORT_POLL_PAUSE, wait));
                }
                continue;
            }
            pollerIdle = false;
            count(Counter.RECEIVED, received.size());
            for (int i = 0; i < received.size(); i++) {
                Message message = received.get(i);
                long bytes = events.record(message).getBytes(StandardCharsets.UTF_8).length;
                if (!batch.isEmpty() && SqsEventJson.eventBytes(recordBytes + bytes, batch.size() + 1) > MAX_EVENT_BYTES) {
                    release(received.subList(i, received.size()));
                    return batch;
                }
                batch.add(message);
                recordBytes += bytes;
            }
            if (windowEnd == null) {
                windowEnd = clock.instant().plus(settings.maximumBatchingWindow());
            }
            if (batch.size() >= settings.batchSize() || settings.maximumBatchingWindow().isZero()) {
                return batch;
            }
        }
        if (!batch.isEmpty()) {
            release(batch);
        }
        return List.of();
    }

    private void process(List<Message> batch) {
        String event = events.write(batch);
        FunctionInvoker.Invocation invocation = invoker.invoke(event, settings.functionTimeout());
        count(Counter.INVOCATION, 1);
        List<Message> toDelete;
        if (invocation instanceof FunctionInvoker.Returned returned) {
            Set<String> failed = settings.reportBatchItemFailures()
                    ? failedMessageIds(returned.responseJson(), batch) : Set.of();
            if (failed == null) {
                count(Counter.INVALID_RESPONSE, 1);
                log.println("SQS event source mapping on " + queueUrl
                        + ": unusable batchItemFailures response, the whole batch is retried");
                toDelete = List.of();
            } else {
                if (!failed.isEmpty()) {
                    count(Counter.PARTIAL, 1);
                }
                toDelete = batch.stream().filter(message -> !failed.contains(message.messageId())).toList();
            }
        } else if (invocation instanceof FunctionInvoker.Failed) {
            count(Counter.FUNCTION_ERROR, 1);
            toDelete = List.of();
        } else {
            throw new AssertionError("unknown invocation result " + invocation);
        }
        delete(toDelete);
        count(Counter.LEFT, batch.size() - toDelete.size());
    }

    /**
     * The message ids the response reports as failed: empty when the response is null, has no or an empty
     * {@code batchItemFailures}; null when Lambda could not use it (a failure of the whole batch).
     */
    static Set<String> failedMessageIds(String responseJson, List<Message> batch) {
        JsonNode response;
        try {
            response = responseJson == null ? null : JSON.readTree(responseJson);
        } catch (IOException e) {
            return null;
        }
        if (response == null || response.isNull() || response.isMissingNode()) {
            return Set.of();
        }
        if (!response.isObject()) {
            return null;
        }
        JsonNode failures = response.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        if (!failures.isArray()) {
            return null;
        }
        Set<String> inBatch = new HashSet<>();
        for (Message message : batch) {
            inBatch.add(message.messageId());
        }
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty() || !inBatch.contains(id.asText())) {
                return null;
            }
            failed.add(id.asText());
        }
        return failed;
    }

    private void delete(List<Message> messages) {
        for (int start = 0; start < messages.size(); start += MAX_DELETE_ENTRIES) {
            List<Message> chunk = messages.subList(start, Math.min(messages.size(), start + MAX_DELETE_ENTRIES));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            DeleteMessageBatchResponse response;
            try {
                response = sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
            } catch (RuntimeException e) {
                log.println("SQS event source mapping on " + queueUrl + ": " + chunk.size()
                        + " message(s) not deleted, they will be processed again: " + e);
                count(Counter.DELETE_FAILURE, chunk.size());
                continue;
            }
            count(Counter.DELETED, response.successful().size());
            for (BatchResultErrorEntry error : response.failed()) {
                log.println("SQS event source mapping on " + queueUrl + ": message not deleted, it will be processed"
                        + " again: " + error.code() + " " + error.message());
                count(Counter.DELETE_FAILURE, 1);
            }
        }
    }

    /** Makes received messages visible again at once (a batch cut short by the payload limit or by close). */
    private void release(List<Message> messages) {
        for (Message message : messages) {
            try {
                sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl)
                        .receiptHandle(message.receiptHandle()).visibilityTimeout(0));
            } catch (RuntimeException e) {
                log.println("SQS event source mapping on " + queueUrl
                        + ": message left invisible until its visibility timeout: " + e);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private enum Counter { INVOCATION, FUNCTION_ERROR, INVALID_RESPONSE, PARTIAL, RECEIVED, DELETED, LEFT, DELETE_FAILURE }

    private void count(Counter counter, long n) {
        synchronized (counters) {
            switch (counter) {
                case INVOCATION -> invocations += n;
                case FUNCTION_ERROR -> functionErrors += n;
                case INVALID_RESPONSE -> invalidResponses += n;
                case PARTIAL -> partialFailures += n;
                case RECEIVED -> messagesReceived += n;
                case DELETED -> messagesDeleted += n;
                case LEFT -> messagesLeftForRetry += n;
                case DELETE_FAILURE -> deleteFailures += n;
                default -> throw new AssertionError(counter);
            }
        }
    }
}
