package io.github.logway.core;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Objects;

/**
 * A Lambda handler that can also report the accounting of an invocation. Every Logway function implements it
 * beside {@code RequestHandler}, so the command line's {@code invoke} and {@code bench} read the counts from the
 * sinks themselves rather than guessing them from the response.
 *
 * @param <I> the event type
 * @param <O> the response type
 */
public interface MeasuredHandler<I, O> {

    /** Handles one event exactly as {@code handleRequest} does, and returns the response with the accounting. */
    Handled<O> handleMeasured(I event, Context context);

    /**
     * @param response what {@code handleRequest} returns
     * @param summary the invocation's accounting, in log events
     */
    record Handled<O>(O response, BatchSummary summary) {
        public Handled {
            Objects.requireNonNull(summary, "summary");
        }
    }
}
