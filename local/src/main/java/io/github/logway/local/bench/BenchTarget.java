package io.github.logway.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import io.github.logway.core.BatchSummary;
import java.util.Objects;

/** One handler built for the bench, invoked on raw event JSON. */
interface BenchTarget extends AutoCloseable {

    /**
     * Deserialises the event as the Lambda Java runtime does and checks that it is the kind of event the function
     * takes, without running the handler.
     *
     * @throws IllegalArgumentException saying what is wrong with the JSON
     */
    void check(byte[] eventJson);

    /**
     * One invocation from raw event JSON: deserialisation (as the runtime does it on every invocation), then the
     * handler.
     */
    Run invoke(byte[] eventJson, Context context);

    /** Stops the handler's threads and the bench's stand-ins. */
    @Override
    void close();

    /**
     * What one invocation did.
     *
     * @param summary the handler's accounting, in log events
     * @param unhandled true when the response asks Lambda to re-deliver something (a checkpoint, or an SQS
     *     message reported as failed)
     */
    record Run(BatchSummary summary, boolean unhandled) {

        public Run {
            Objects.requireNonNull(summary, "summary");
        }
    }
}
