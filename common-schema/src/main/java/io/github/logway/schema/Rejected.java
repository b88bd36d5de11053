package io.github.logway.schema;

import java.util.Arrays;
import java.util.Objects;

/**
 * A log event that cannot be delivered, with the reason and the original bytes, so it can be diverted to the
 * failed log unchanged.
 *
 * @param reason one of the closed set of reasons
 * @param detail a short human-readable explanation (never the payload itself)
 * @param data the original bytes of the event (or of the whole record when it yielded no event)
 * @param ref where the event came from
 */
public record Rejected(RejectReason reason, String detail, byte[] data, EventRef ref) implements ParseResult {

    public Rejected {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(ref, "ref");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rejected that && reason == that.reason && detail.equals(that.detail)
                && Arrays.equals(data, that.data) && ref.equals(that.ref);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, detail, Arrays.hashCode(data), ref);
    }

    @Override
    public String toString() {
        return "Rejected[reason=" + reason + ", detail=" + detail + ", bytes=" + data.length + ", ref=" + ref + "]";
    }
}
