package io.github.logway.elb;

import io.github.logway.core.RetryableException;
import java.util.Objects;

/**
 * What became of one {@link ObjectTask}: read to the end ({@link Completed}), not there ({@link Missing}), stopped
 * by the deadline with a point to resume from ({@link Interrupted}), or stopped by a transient failure
 * ({@link Failed}: the message is left for SQS to redeliver).
 */
sealed interface ObjectOutcome permits ObjectOutcome.Completed, ObjectOutcome.Missing, ObjectOutcome.Interrupted,
        ObjectOutcome.Failed {

    /** Every line is delivered, diverted or dropped. */
    record Completed() implements ObjectOutcome {
    }

    /** The object does not exist (deleted since the notification). */
    record Missing() implements ObjectOutcome {
    }

    /** Lines before {@code resumeAt.nextLine()} are handled; the rest is for a continuation. */
    record Interrupted(ObjectTask resumeAt) implements ObjectOutcome {

        public Interrupted {
            Objects.requireNonNull(resumeAt, "resumeAt");
        }
    }

    /** A transient failure after the retries allowed (S3 read, PutRecords, failed log). */
    record Failed(RetryableException cause) implements ObjectOutcome {

        public Failed {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
