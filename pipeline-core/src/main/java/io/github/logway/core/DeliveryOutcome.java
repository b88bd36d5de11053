package io.github.logway.core;

import io.github.logway.schema.RejectReason;
import java.util.Objects;

/**
 * What became of one log record handed to a {@link LogSink}. Switch over it exhaustively.
 */
public sealed interface DeliveryOutcome {

    /** The shared instance of {@link Delivered}. */
    DeliveryOutcome DELIVERED = new Delivered();

    /** Stored by the sink (or already there: an idempotent duplicate counts as delivered). */
    record Delivered() implements DeliveryOutcome {
    }

    /** Refused permanently for this item; the record goes to the failed log with the reason and the sink's error. */
    record Diverted(RejectReason reason, String detail) implements DeliveryOutcome {
        public Diverted {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Not delivered this time (throttled, timed out, not attempted before the deadline); stays behind the checkpoint. */
    record Retryable(String cause) implements DeliveryOutcome {
        public Retryable {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * A failure no retry of this invocation can fix (credentials, a missing resource, KMS access). The batch
     * processor fails the invocation so the event source mapping's retry, bisect and on-failure settings apply.
     */
    record Fatal(String cause) implements DeliveryOutcome {
        public Fatal {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
