package io.github.logway.schema.decode;

import java.util.List;
import java.util.Objects;

/**
 * The typed result of {@link CloudWatchLogsEnvelope#parse}: {@link NotEnvelope}, {@link DataMessage},
 * {@link ControlMessage} or {@link MalformedEnvelope}. Switch over it exhaustively; nothing throws for bad data.
 */
public sealed interface CwlParseResult {

    /**
     * Not a CloudWatch Logs envelope: not JSON, not an object, or an object without all of {@code messageType}
     * (a string), {@code logGroup}, {@code logStream} and {@code logEvents} (an array). Parse the bytes as an
     * ordinary record; that parser reports why they are bad, if they are.
     */
    record NotEnvelope() implements CwlParseResult {
    }

    /**
     * A {@code DATA_MESSAGE}: each event's message is one log record.
     *
     * @param owner the AWS account id that owns the log group (empty if the envelope has none)
     * @param logGroup the log group name
     * @param logStream the log stream name
     * @param events the log events in envelope order, at least one; the event index is the position here
     */
    record DataMessage(String owner, String logGroup, String logStream, List<CwlEvent> events)
            implements CwlParseResult {

        /** Checks the fields and copies the list into an unmodifiable one. */
        public DataMessage {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(logGroup, "logGroup");
            Objects.requireNonNull(logStream, "logStream");
            events = List.copyOf(events);
        }
    }

    /**
     * A {@code CONTROL_MESSAGE}: CloudWatch Logs checking that the destination is reachable. Skipped and counted.
     *
     * @param logGroup the log group name (CloudWatch Logs sends an empty one)
     * @param logStream the log stream name (CloudWatch Logs sends an empty one)
     */
    record ControlMessage(String logGroup, String logStream) implements CwlParseResult {

        /** Checks that both fields are present. */
        public ControlMessage {
            Objects.requireNonNull(logGroup, "logGroup");
            Objects.requireNonNull(logStream, "logStream");
        }
    }

    /**
     * Valid JSON with the four envelope keys but a body that breaks the envelope's shape: an unknown
     * {@code messageType}, an event without a string {@code message}, a {@code DATA_MESSAGE} without events...
     *
     * @param detail what is wrong and where, for the failed log; never holds message text
     */
    record MalformedEnvelope(String detail) implements CwlParseResult {

        /** Checks that the detail is present. */
        public MalformedEnvelope {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
