package io.github.logway.local.replay;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Replays the on-failure messages of an SQS queue: each message's {@code KinesisBatchInfo} names a shard and a
 * sequence range, whose records are re-read from the stream ({@link StreamRangeReader}) and sent. A message is
 * deleted once all its records were sent; one that could not be replayed (or a dry run's) is made visible again
 * at the end, for the next run.
 */
final class SqsReplay {

    /** ReceiveMessage: at most 10 messages per call (SQS limit). */
    static final int MAX_MESSAGES_PER_RECEIVE = 10;
    /** Long polling per receive, seconds: short enough to end soon after the queue is empty. */
    static final int RECEIVE_WAIT_SECONDS = 1;
    /** How long a received message stays hidden from other readers while this run handles it, seconds. */
    static final int VISIBILITY_TIMEOUT_SECONDS = 300;

    private final SqsClient sqs;
    private final String queueUrl;
    private final StreamRangeReader reader;
    private final ReplaySender sender;
    private final String to;
    private final PrintStream err;

    SqsReplay(SqsClient sqs, String queueUrl, StreamRangeReader reader, ReplaySender sender, String to,
            PrintStream err) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.to = Objects.requireNonNull(to, "to");
        this.err = Objects.requireNonNull(err, "err");
    }

    /**
     * Receives until the queue has no message this run has not seen, replaying each.
     *
     * @throws SdkException when the queue cannot be read (missing queue, denied access)
     */
    void run(Consumer<ReplayCounts> report) {
        Set<String> seen = new HashSet<>();
        List<Message> kept = new ArrayList<>();
        try {
            while (true) {
                List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(MAX_MESSAGES_PER_RECEIVE).waitTimeSeconds(RECEIVE_WAIT_SECONDS)
                        .visibilityTimeout(VISIBILITY_TIMEOUT_SECONDS)).messages();
                boolean anyNew = false;
                for (Message message : messages) {
                    if (!seen.add(message.messageId())) {
                        continue;
                    }
                    anyNew = true;
                    if (!replay(message, report)) {
                        kept.add(message);
                    }
                }
                if (!anyNew) {
                    break;
                }
            }
        } finally {
            for (Message message : kept) {
                release(message);
            }
        }
    }

    /** Replays one message; true when it was deleted. */
    private boolean replay(Message message, Consumer<ReplayCounts> report) {
        String source = queueUrl + "#" + message.messageId();
        OnFailureBatch batch;
        try {
            batch = OnFailureBatch.parse(message.body().getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            err.println("logway replay: " + source + " is not replayable, left in the queue: " + e.getMessage());
            report.accept(new ReplayCounts(source, 1, 0, 0, 1));
            return false;
        }
        String range = batch.streamArn() + " " + batch.shardId() + " " + batch.startSequenceNumber() + ".."
                + batch.endSequenceNumber();
        StreamRangeReader.Range records;
        try {
            records = reader.read(batch.streamArn(), batch.shardId(), batch.startSequenceNumber(),
                    batch.endSequenceNumber());
        } catch (SdkException | NumberFormatException e) {
            long events = Math.max(1, batch.batchSize());
            err.println("logway replay: " + source + ": cannot re-read " + range + " (past retention?), left in the"
                    + " queue: " + e.getMessage());
            report.accept(new ReplayCounts(source, events, 0, 0, events));
            return false;
        }
        long missing = records.complete() ? 0 : Math.max(1, batch.batchSize() - records.records().size());
        long events = records.records().size() + missing;
        if (!records.complete()) {
            err.println("logway replay: " + source + ": " + range + ": " + records.problem() + "; "
                    + records.records().size() + " records found, the message stays in the queue");
        }
        if (sender.dryRun()) {
            err.println("logway replay: " + source + ": " + records.records().size() + " records of " + range
                    + " (dry run, nothing sent)");
            report.accept(new ReplayCounts(source, events, 0, 0, missing));
            return false;
        }
        ReplaySender.Result result = sender.send(source, records.records());
        long failed = result.failed() + missing;
        err.println("logway replay: " + source + ": " + result.sent() + " of " + events + " records of " + range
                + " sent to " + to);
        report.accept(new ReplayCounts(source, events, result.sent(), 0, failed));
        if (failed > 0) {
            return false;
        }
        sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        return true;
    }

    /** Makes a message visible again at once, so the next run (or a person) finds it. */
    private void release(Message message) {
        try {
            sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl)
                    .receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        } catch (SdkException e) {
            err.println("logway replay: message " + message.messageId() + " stays hidden for up to "
                    + VISIBILITY_TIMEOUT_SECONDS + " s: " + e.getMessage());
        }
    }
}
