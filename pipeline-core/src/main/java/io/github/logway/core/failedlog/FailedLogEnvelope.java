package io.github.logway.core.failedlog;

import io.github.logway.schema.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a failed-log object, as read back by {@link FailedLogReader}.
 *
 * @param reason why the record was diverted
 * @param detail the explanation written with it
 * @param function the function that diverted it
 * @param source where the record came from
 * @param data the original bytes (decoded from {@code data} or {@code data_base64})
 */
public record FailedLogEnvelope(
        RejectReason reason, String detail, String function, FailedLogSource source, byte[] data) {

    public FailedLogEnvelope {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
    }

    /** The entry this envelope was written from. */
    public FailedLogEntry toEntry() {
        return new FailedLogEntry(reason, detail, data, source);
    }

    /** The data as UTF-8 text (replacement characters where it is not UTF-8). */
    public String dataText() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FailedLogEnvelope that && reason == that.reason && detail.equals(that.detail)
                && function.equals(that.function) && source.equals(that.source) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, detail, function, source, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "FailedLogEnvelope[reason=" + reason + ", detail=" + detail + ", function=" + function + ", source="
                + source + ", bytes=" + data.length + "]";
    }
}
