package io.github.logway.schema.decode;

import java.util.Objects;

/**
 * One entry of a CloudWatch Logs subscription envelope's {@code logEvents}.
 *
 * <p>{@link #toString()} shows the message's length, never its text (payloads are never logged).
 *
 * @param id the event id, a decimal string (56 digits as CloudWatch Logs writes it; empty in control messages)
 * @param timestamp the event time, epoch milliseconds
 * @param message the log line as it was written to CloudWatch Logs
 */
public record CwlEvent(String id, long timestamp, String message) {

    /** Checks that id and message are present. */
    public CwlEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "CwlEvent[id=" + id + ", timestamp=" + timestamp + ", message=" + message.length() + " chars]";
    }
}
