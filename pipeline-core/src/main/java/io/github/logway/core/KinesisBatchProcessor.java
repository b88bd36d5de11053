package io.github.logway.core;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.failedlog.FailedLogEntry;
import io.github.logway.core.failedlog.FailedLogWriter.Written;
import io.github.logway.core.failedlog.KinesisEventSource;
import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.schema.DecodedEvent;
import io.github.logway.schema.LogDecoder;
import io.github.logway.schema.LogRecord;
import io.github.logway.schema.Parsed;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.RejectReason;
import io.github.logway.schema.Rejected;
import io.github.logway.schema.Skipped;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The Kinesis batch skeleton every consumer shares: decode, parse, route, deliver, respond (PRODUCT.md §3).
 *
 * <ul>
 *   <li>Each Kinesis record is decoded into log events; bad ones become failed-log entries, log types the
 *       whitelist does not allow are dropped, control messages are skipped, the rest go to the {@link LogSink}.
 *   <li>Items the sink refuses permanently are diverted to the failed log with the sink's error.
 *   <li>A record is handled once every one of its events is delivered, diverted (its envelope stored), dropped
 *       or skipped. The response carries exactly one batch item failure: the lowest sequence number not
 *       handled, or none.
 * </ul>
 *
 * <p>Nothing is delivered once the deadline has passed: what is left stays behind the checkpoint. A
 * {@link FatalException} from the sink or the failed log propagates, failing the invocation.
 */
public final class KinesisBatchProcessor {

    private final LogDecoder decoder;
    private final Predicate<String> logTypeFilter;
    private final LogSink sink;
    private final FailedLogWriter failedLog;

    /**
     * @param decoder decodes and validates record data
     * @param logTypeFilter true for log types to deliver ({@code LOG_TYPE_WHITELIST}); others are dropped
     * @param sink the function's destination
     * @param failedLog where rejected and diverted events are stored
     */
    public KinesisBatchProcessor(
            LogDecoder decoder, Predicate<String> logTypeFilter, LogSink sink, FailedLogWriter failedLog) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.logTypeFilter = Objects.requireNonNull(logTypeFilter, "logTypeFilter");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.failedLog = Objects.requireNonNull(failedLog, "failedLog");
    }

    /** The response for Lambda and the accounting of the invocation. */
    public record Result(StreamsEventResponse response, BatchSummary summary) {
    }

    public Result process(KinesisEvent event, Deadline deadline) {
        List<KinesisEvent.KinesisEventRecord> input =
                event == null || event.getRecords() == null ? List.of() : event.getRecords();
        int recordCount = input.size();
        // Lambda always sets approximateArrivalTimestamp; a hand-made event without it gets the invocation time,
        // so the skew check and failed-log keys stay meaningful instead of 1970.
        long invocationMillis = deadline.clock().millis();
        int[] pending = new int[recordCount];
        RecordSource[] sources = new RecordSource[recordCount];

        List<LogRecord> toDeliver = new ArrayList<>();
        List<Integer> deliverOwner = new ArrayList<>();
        List<FailedLogEntry> toDivert = new ArrayList<>();
        List<Integer> divertOwner = new ArrayList<>();
        Map<RejectReason, Long> divertedByReason = new EnumMap<>(RejectReason.class);
        long logEvents = 0;
        long logBytes = 0;
        long dropped = 0;
        long skipped = 0;
        long oldestArrival = Long.MAX_VALUE;

        List<DecodedEvent> events = new ArrayList<>();
        for (int i = 0; i < recordCount; i++) {
            KinesisEvent.KinesisEventRecord record = input.get(i);
            RecordSource source = sourceOf(record, invocationMillis);
            sources[i] = source;
            oldestArrival = Math.min(oldestArrival, source.arrivalEpochMillis());
            events.clear();
            decoder.decode(KinesisRecords.dataOf(record.getKinesis().getData()), source, events);
            logEvents += events.size();
            for (DecodedEvent decoded : events) {
                // Java 17 bytecode: no pattern switch, so an if-chain over the sealed type.
                if (decoded instanceof Parsed parsed) {
                    LogRecord logRecord = parsed.record();
                    logBytes += logRecord.length();
                    if (logTypeFilter.test(logRecord.logType())) {
                        toDeliver.add(logRecord);
                        deliverOwner.add(i);
                        pending[i]++;
                    } else {
                        dropped++;
                    }
                } else if (decoded instanceof Rejected rejected) {
                    logBytes += rejected.data().length;
                    toDivert.add(FailedLogEntry.of(rejected));
                    divertOwner.add(i);
                    pending[i]++;
                } else if (decoded instanceof Skipped) {
                    skipped++;
                } else {
                    throw new AssertionError("unknown decoded event " + decoded);
                }
            }
        }

        long delivered = 0;
        long retried = 0;
        if (!toDeliver.isEmpty() && !deadline.isExpired()) {
            List<DeliveryOutcome> outcomes = sink.deliver(Collections.unmodifiableList(toDeliver), deadline);
            if (outcomes.size() != toDeliver.size()) {
                throw new IllegalStateException("sink returned " + outcomes.size() + " outcomes for "
                        + toDeliver.size() + " records");
            }
            for (int k = 0; k < outcomes.size(); k++) {
                int owner = deliverOwner.get(k);
                DeliveryOutcome outcome = outcomes.get(k);
                if (outcome instanceof DeliveryOutcome.Delivered) {
                    pending[owner]--;
                    delivered++;
                } else if (outcome instanceof DeliveryOutcome.Diverted diverted) {
                    LogRecord logRecord = toDeliver.get(k);
                    toDivert.add(new FailedLogEntry(diverted.reason(), diverted.detail(), logRecord.copyBytes(),
                            new KinesisEventSource(logRecord.ref())));
                    divertOwner.add(owner);
                } else if (outcome instanceof DeliveryOutcome.Retryable) {
                    retried++;
                } else if (outcome instanceof DeliveryOutcome.Fatal fatal) {
                    throw new FatalException(fatal.cause());
                } else {
                    throw new AssertionError("unknown outcome " + outcome);
                }
            }
        }

        if (!toDivert.isEmpty() && !deadline.isExpired()) {
            FailedLogWriter.Result written = failedLog.write(toDivert);
            Map<RejectReason, Boolean> stored = new EnumMap<>(RejectReason.class);
            for (FailedLogWriter.GroupOutcome group : written.groups()) {
                stored.put(group.reason(), group instanceof Written);
            }
            for (int k = 0; k < toDivert.size(); k++) {
                if (stored.getOrDefault(toDivert.get(k).reason(), false)) {
                    pending[divertOwner.get(k)]--;
                    divertedByReason.merge(toDivert.get(k).reason(), 1L, Long::sum);
                }
            }
        }

        String checkpoint = null;
        BigInteger lowest = null;
        long behind = 0;
        for (int i = 0; i < recordCount; i++) {
            if (pending[i] > 0) {
                behind += pending[i];
                String sequence = sources[i].sequenceNumber();
                BigInteger value = sequenceValue(sequence);
                if (lowest == null || value.compareTo(lowest) < 0) {
                    lowest = value;
                    checkpoint = sequence;
                }
            }
        }
        StreamsEventResponse response = new StreamsEventResponse(checkpoint == null ? new ArrayList<>()
                : new ArrayList<>(List.of(new StreamsEventResponse.BatchItemFailure(checkpoint))));
        BatchSummary summary = new BatchSummary(recordCount, logEvents, logBytes, delivered, divertedByReason,
                dropped, skipped, behind, retried, checkpoint, recordCount == 0 ? -1 : oldestArrival);
        return new Result(response, summary);
    }

    private static RecordSource sourceOf(KinesisEvent.KinesisEventRecord record, long invocationMillis) {
        KinesisEvent.Record kinesis = record.getKinesis();
        String sequence = kinesis.getSequenceNumber();
        if (sequence == null || sequence.isEmpty()) {
            throw new IllegalArgumentException("Kinesis record without a sequence number (eventID "
                    + record.getEventID() + "): not a Kinesis event-source-mapping event");
        }
        Date arrival = kinesis.getApproximateArrivalTimestamp();
        return new RecordSource(
                nullToEmpty(record.getEventSourceARN()),
                KinesisRecords.shardIdOf(record.getEventID()),
                sequence,
                nullToEmpty(kinesis.getPartitionKey()),
                arrival == null ? invocationMillis : arrival.getTime());
    }


    private static BigInteger sequenceValue(String sequence) {
        try {
            return new BigInteger(sequence);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sequence number is not a decimal number: " + sequence, e);
        }
    }


    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
