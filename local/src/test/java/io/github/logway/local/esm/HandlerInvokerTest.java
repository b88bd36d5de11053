package io.github.logway.local.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandlerInvokerTest {

    private static final String EVENT = new KinesisEventJson("arn:aws:kinesis:us-east-1:000000000000:stream/s",
            "arn:aws:iam::000000000000:role/r").write(List.of(new StreamRecord("shardId-000000000001", "7", "pk",
                    "hello".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-11-24T10:00:00Z"))));

    private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void invoke_passesTheDeserialisedEventAndSerialisesTheResponse() {
        AtomicInteger remaining = new AtomicInteger();
        RequestHandler<KinesisEvent, StreamsEventResponse> handler = (event, context) -> {
            remaining.set(context.getRemainingTimeInMillis());
            String sequence = event.getRecords().get(0).getKinesis().getSequenceNumber();
            return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequence)));
        };

        FunctionInvoker.Invocation result;
        try (HandlerInvoker<KinesisEvent, StreamsEventResponse> invoker = invoker(handler)) {
            result = invoker.invoke(EVENT, Duration.ofSeconds(30));
        }

        assertThat(result).isInstanceOf(FunctionInvoker.Returned.class);
        assertThat(((FunctionInvoker.Returned) result).responseJson())
                .contains("\"batchItemFailures\"").contains("\"itemIdentifier\":\"7\"");
        assertThat(remaining.get()).isBetween(1, 30_000);
    }

    @Test
    void invoke_whenHandlerThrows_reportsAFunctionError() {
        try (HandlerInvoker<KinesisEvent, StreamsEventResponse> invoker = invoker((event, context) -> {
            throw new IllegalStateException("boom");
        })) {
            FunctionInvoker.Invocation result = invoker.invoke(EVENT, Duration.ofSeconds(5));

            assertThat(result).isEqualTo(new FunctionInvoker.Failed("java.lang.IllegalStateException", "boom"));
        }
    }

    @Test
    void invoke_whenHandlerRunsPastTheTimeout_reportsTaskTimedOut() {
        try (HandlerInvoker<KinesisEvent, StreamsEventResponse> invoker = invoker((event, context) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new StreamsEventResponse();
        })) {
            FunctionInvoker.Invocation result = invoker.invoke(EVENT, Duration.ofMillis(200));

            assertThat(result).isInstanceOf(FunctionInvoker.Failed.class);
            assertThat(((FunctionInvoker.Failed) result).errorMessage()).startsWith("Task timed out");
        }
    }

    private HandlerInvoker<KinesisEvent, StreamsEventResponse> invoker(
            RequestHandler<KinesisEvent, StreamsEventResponse> handler) {
        return new HandlerInvoker<>(handler, KinesisEvent.class, StreamsEventResponse.class, "to-s3",
                "arn:aws:lambda:us-east-1:000000000000:function:to-s3", 512, Clock.systemUTC(), log);
    }
}
