package io.github.logway.forward;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.logway.core.LogSink;

/** A {@link LogSink} of kinesis-forward: told about each invocation's input before it delivers. */
interface ForwardSink extends LogSink {

    /** Called once per invocation, before {@link #deliver}, with the event being processed. */
    void beginInvocation(KinesisEvent event);

    /** Called once per invocation after the event is processed, also when processing threw. */
    void endInvocation();
}
