package io.github.logway.forward;

import io.github.logway.core.DeliveryOutcome;
import io.github.logway.core.publish.EntryOutcome;
import io.github.logway.core.publish.Sent;
import io.github.logway.core.publish.TooLarge;
import io.github.logway.core.publish.Unsent;
import io.github.logway.schema.RejectReason;

/** Maps what the PutRecords batcher did with an entry to the delivery outcome of the log records it carried. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * {@link Sent} is delivered; {@link TooLarge} is diverted as {@code record_too_large_for_target}; {@link Unsent}
     * is retryable (the record stays behind the checkpoint).
     *
     * @param maxRecordBytes the limit the entry was held against, for the detail
     * @param stream the target stream, for the detail
     */
    static DeliveryOutcome of(EntryOutcome outcome, int maxRecordBytes, String stream) {
        // Java 17 bytecode: no pattern switch, so an if-chain over the sealed type.
        if (outcome instanceof Sent) {
            return DeliveryOutcome.DELIVERED;
        }
        if (outcome instanceof TooLarge tooLarge) {
            return new DeliveryOutcome.Diverted(RejectReason.RECORD_TOO_LARGE_FOR_TARGET, "record of "
                    + tooLarge.bytes() + " bytes (data + partition key) is over MAX_RECORD_BYTES=" + maxRecordBytes
                    + " of target stream " + stream);
        }
        if (outcome instanceof Unsent unsent) {
            return new DeliveryOutcome.Retryable("PutRecords to " + stream + " did not store the record: "
                    + unsent.lastErrorCode());
        }
        throw new AssertionError("unknown entry outcome " + outcome);
    }
}
