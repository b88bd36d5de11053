package io.github.logway.core.failedlog;

import io.github.logway.schema.RejectReason;
import io.github.logway.schema.Rejected;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record to divert to the failed log.
 *
 * @param reason why it is diverted
 * @param detail a short explanation, never the payload
 * @param data the original bytes, written unchanged
 * @param source where it came from
 */
public record FailedLogEntry(RejectReason reason, String detail, byte[] data, FailedLogSource source) {

    public FailedLogEntry {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(source, "source");
    }

    /** The entry for a log event the parser rejected. */
    public static FailedLogEntry of(Rejected rejected) {
        return new FailedLogEntry(rejected.reason(), rejected.detail(), rejected.data(),
                new KinesisEventSource(rejected.ref()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FailedLogEntry that && reason == that.reason && detail.equals(that.detail)
                && Arrays.equals(data, that.data) && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, detail, Arrays.hashCode(data), source);
    }

    @Override
    public String toString() {
        return "FailedLogEntry[reason=" + reason + ", detail=" + detail + ", bytes=" + data.length + ", source="
                + source + "]";
    }
}
