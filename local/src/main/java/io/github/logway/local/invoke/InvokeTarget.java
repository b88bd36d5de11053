package io.github.logway.local.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.github.logway.core.BatchSummary;
import io.github.logway.core.MeasuredHandler;
import io.github.logway.local.LambdaEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A real handler built for one {@code invoke}, run on raw event JSON the way the Lambda Java runtime runs it:
 * the event deserialised with {@code aws-lambda-java-serialization}, the response serialised back to JSON.
 *
 * @param <I> the event type
 * @param <O> the response type
 */
final class InvokeTarget<I, O> implements AutoCloseable {

    private final MeasuredHandler<I, O> handler;
    private final PojoSerializer<I> input;
    private final PojoSerializer<O> output;
    private final Predicate<O> asksForRedelivery;
    private final Runnable closer;

    /**
     * @param handler the handler
     * @param inputType its event class
     * @param outputType its response class
     * @param asksForRedelivery whether a response leaves something for Lambda to deliver again
     * @param closer releases the handler's clients and threads
     */
    InvokeTarget(MeasuredHandler<I, O> handler, Class<I> inputType, Class<O> outputType,
            Predicate<O> asksForRedelivery, Runnable closer) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.input = LambdaEventSerializers.serializerFor(inputType, inputType.getClassLoader());
        this.output = LambdaEventSerializers.serializerFor(outputType, outputType.getClassLoader());
        this.asksForRedelivery = Objects.requireNonNull(asksForRedelivery, "asksForRedelivery");
        this.closer = Objects.requireNonNull(closer, "closer");
    }

    /**
     * Deserialises the event and runs the handler once.
     *
     * @param eventJson the event file's bytes (checked before by {@link LambdaEvents})
     * @param context the invocation's context
     * @return the response JSON, the accounting and whether a record is left unhandled
     * @throws RuntimeException whatever the handler throws (a function error in Lambda)
     */
    Outcome invoke(byte[] eventJson, Context context) {
        I event = input.fromJson(new ByteArrayInputStream(eventJson));
        MeasuredHandler.Handled<O> handled = handler.handleMeasured(event, context);
        O response = handled.response();
        String json;
        if (response == null) {
            json = "null";
        } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            output.toJson(response, bytes);
            json = bytes.toString(StandardCharsets.UTF_8);
        }
        boolean unhandled = handled.summary().checkpoint() != null
                || (response != null && asksForRedelivery.test(response));
        return new Outcome(json, handled.summary(), unhandled);
    }

    @Override
    public void close() {
        closer.run();
    }

    /**
     * What one invocation did.
     *
     * @param responseJson the response as the Lambda runtime serialises it
     * @param summary the handler's accounting, in log events
     * @param unhandled true when the response asks Lambda to deliver something again
     */
    record Outcome(String responseJson, BatchSummary summary, boolean unhandled) {}
}
