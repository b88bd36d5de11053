package io.github.logway.local.esm;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Invokes a Java {@link RequestHandler} in this JVM the way the Lambda Java runtime does: the event JSON is
 * deserialised with {@code aws-lambda-java-serialization} into the handler's input type, the handler runs with
 * a {@link LocalLambdaContext} whose deadline is the function's timeout, and the response is serialised back to
 * JSON. An exception, or a run past the timeout, is a function error ("Task timed out" for the latter; the
 * handler thread is interrupted).
 *
 * @param <I> the event type, e.g. {@code KinesisEvent}
 * @param <O> the response type, e.g. {@code StreamsEventResponse}
 */
public final class HandlerInvoker<I, O> implements FunctionInvoker, AutoCloseable {

    private final RequestHandler<I, O> handler;
    private final PojoSerializer<I> input;
    private final PojoSerializer<O> output;
    private final String functionName;
    private final String functionArn;
    private final int memoryMb;
    private final Clock clock;
    private final PrintStream log;
    private final ExecutorService executor;

    public HandlerInvoker(RequestHandler<I, O> handler, Class<I> inputType, Class<O> outputType, String functionName,
            String functionArn, int memoryMb, Clock clock, PrintStream log) {
        this.handler = Objects.requireNonNull(handler, "handler");
        ClassLoader loader = handler.getClass().getClassLoader();
        this.input = LambdaEventSerializers.serializerFor(inputType, loader);
        this.output = LambdaEventSerializers.serializerFor(outputType, loader);
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.functionArn = Objects.requireNonNull(functionArn, "functionArn");
        this.memoryMb = memoryMb;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lambda-" + functionName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Invocation invoke(String eventJson, Duration timeout) {
        I event = input.fromJson(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)));
        LocalLambdaContext context = new LocalLambdaContext(UUID.randomUUID().toString(), functionName, functionArn,
                memoryMb, timeout, clock, log);
        Future<O> result = executor.submit(() -> handler.handleRequest(event, context));
        try {
            O response = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response == null) {
                return new Returned("null");
            }
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            output.toJson(response, json);
            return new Returned(json.toString(StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            result.cancel(true);
            return new Failed("Sandbox.Timedout", "Task timed out after " + timeout.toMillis() / 1000.0 + " seconds");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Failed(cause.getClass().getName(), String.valueOf(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            return new Failed("Interrupted", "the runner was stopped");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
