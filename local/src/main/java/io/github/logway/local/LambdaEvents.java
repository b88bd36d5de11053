package io.github.logway.local;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an event file before anything starts ({@code invoke} and {@code bench}): deserialised as the Lambda Java
 * runtime does, it must be the kind of event the function takes (a Kinesis event; an SQS event for elb), with
 * what Lambda always sets: data and a decimal sequence number per Kinesis record, an id and a body per message.
 */
public final class LambdaEvents {

    /** A Kinesis sequence number: decimal digits (up to 128 of them). */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[0-9]{1,128}");

    private LambdaEvents() {}

    /**
     * A checked event.
     *
     * @param records its Kinesis records or SQS messages
     * @param queueArns for an SQS event, the distinct {@code eventSourceARN} of its messages
     * @param messageBodies for an SQS event, the message bodies
     */
    public record Checked(int records, List<String> queueArns, List<String> messageBodies) {}

    /**
     * Deserialises and checks the event.
     *
     * @param function the function it is for
     * @param eventJson the file's bytes
     * @return what invoke needs to know about it
     * @throws IllegalArgumentException saying what is wrong, in one line
     */
    public static Checked check(LogwayFunction function, byte[] eventJson) {
        return function == LogwayFunction.ELB ? checkSqs(eventJson) : checkKinesis(eventJson);
    }

    private static Checked checkKinesis(byte[] eventJson) {
        KinesisEvent event = deserialise(KinesisEvent.class, eventJson);
        List<KinesisEvent.KinesisEventRecord> records = event == null ? null : event.getRecords();
        if (records == null) {
            throw new IllegalArgumentException("not a Kinesis event: no Records array");
        }
        for (int i = 0; i < records.size(); i++) {
            KinesisEvent.KinesisEventRecord record = records.get(i);
            KinesisEvent.Record kinesis = record == null ? null : record.getKinesis();
            if (kinesis == null || kinesis.getData() == null || kinesis.getSequenceNumber() == null) {
                throw new IllegalArgumentException("not a Kinesis event: Records[" + i
                        + "] has no kinesis.data or kinesis.sequenceNumber");
            }
            if (!DECIMAL.matcher(kinesis.getSequenceNumber()).matches()) {
                throw new IllegalArgumentException("not a Kinesis event: Records[" + i + "].kinesis.sequenceNumber '"
                        + kinesis.getSequenceNumber() + "' is not a decimal number (Kinesis sequence numbers are)");
            }
        }
        return new Checked(records.size(), List.of(), List.of());
    }

    private static Checked checkSqs(byte[] eventJson) {
        SQSEvent event = deserialise(SQSEvent.class, eventJson);
        List<SQSEvent.SQSMessage> messages = event == null ? null : event.getRecords();
        if (messages == null) {
            throw new IllegalArgumentException("not an SQS event: no Records array");
        }
        List<String> queues = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            SQSEvent.SQSMessage message = messages.get(i);
            if (message == null || message.getBody() == null || message.getMessageId() == null) {
                throw new IllegalArgumentException("not an SQS event: Records[" + i + "] has no messageId or body");
            }
            bodies.add(message.getBody());
            String arn = message.getEventSourceArn();
            if (arn != null && !queues.contains(arn)) {
                queues.add(arn);
            }
        }
        return new Checked(messages.size(), List.copyOf(queues), List.copyOf(bodies));
    }

    private static <T> T deserialise(Class<T> type, byte[] eventJson) {
        try {
            return LambdaEventSerializers.serializerFor(type, type.getClassLoader())
                    .fromJson(new ByteArrayInputStream(eventJson));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot be read as Lambda event JSON: " + firstLine(e), e);
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
