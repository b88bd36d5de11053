package io.github.logway.local.esm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.testing.servers.SqsEndpoint;
import io.github.logway.testing.servers.WithLocalServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The local SQS event source mapping on a real SQS server (ElasticMQ). */
@WithLocalServers
class SqsEventSourceMappingIT {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:sqs-esm-it";
    /** Short, so a message left for retry reappears quickly; not shorter than the function timeout. */
    private static final String VISIBILITY_TIMEOUT_SECONDS = "3";
    private static final SqsEsmSettings SETTINGS = SqsEsmSettings.DEFAULTS
            .withMaximumBatchingWindow(Duration.ofSeconds(1)).withPollWait(Duration.ofSeconds(1))
            .withFunctionTimeout(Duration.ofSeconds(2));

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

    /** One delivery of one message to the function. */
    private record Delivery(String body, String receiveCount, String eventSourceArn, String region) {
    }

    @Test
    void mapping_withPartialBatchResponse_deletesTheOthersAndRedeliversTheFailedMessage(SqsEndpoint endpoint)
            throws Exception {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        RequestHandler<SQSEvent, SQSBatchResponse> handler = (event, context) -> {
            batchSizes.add(event.getRecords().size());
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                String count = message.getAttributes().get("ApproximateReceiveCount");
                deliveries.add(new Delivery(message.getBody(), count, message.getEventSourceArn(),
                        message.getAwsRegion()));
                if (message.getBody().equals("m-2") && count.equals("1")) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        };
        try (SqsClient sqs = endpoint.newSqsClient()) {
            String queueUrl = createQueue(sqs, "hc-sqs-esm-partial", Map.of());
            for (int i = 0; i < 5; i++) {
                String body = "m-" + i;
                sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
            }

            SqsEsmStats stats = run(sqs, queueUrl, endpoint.queueArn("hc-sqs-esm-partial"), SETTINGS, handler);

            assertThat(deliveries).extracting(Delivery::body)
                    .containsExactlyInAnyOrder("m-0", "m-1", "m-2", "m-3", "m-4", "m-2");
            assertThat(deliveries).filteredOn(delivery -> delivery.body().equals("m-2"))
                    .extracting(Delivery::receiveCount).containsExactly("1", "2");
            assertThat(deliveries).filteredOn(delivery -> !delivery.body().equals("m-2"))
                    .extracting(Delivery::receiveCount).containsOnly("1");
            assertThat(deliveries).extracting(Delivery::eventSourceArn)
                    .containsOnly(endpoint.queueArn("hc-sqs-esm-partial"));
            assertThat(deliveries).extracting(Delivery::region).containsOnly(endpoint.region());
            assertThat(batchSizes.get(0)).as("the batching window gathers the five messages").isEqualTo(5);
            assertThat(stats.partialFailures()).isEqualTo(1);
            assertThat(stats.messagesDeleted()).isEqualTo(5);
            assertThat(stats.messagesLeftForRetry()).isEqualTo(1);
            assertThat(stats.functionErrors()).isZero();
        }
    }

    @Test
    void mapping_whenFunctionKeepsFailing_leavesTheMessageToTheQueuesRedrivePolicy(SqsEndpoint endpoint)
            throws Exception {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        RequestHandler<SQSEvent, SQSBatchResponse> handler = (event, context) -> {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                deliveries.add(new Delivery(message.getBody(), message.getAttributes().get("ApproximateReceiveCount"),
                        message.getEventSourceArn(), message.getAwsRegion()));
                if (message.getBody().equals("poison")) {
                    throw new IllegalStateException("cannot handle " + message.getMessageId());
                }
            }
            return new SQSBatchResponse(List.of());
        };
        try (SqsClient sqs = endpoint.newSqsClient()) {
            String dlqUrl = createQueue(sqs, "hc-sqs-esm-dlq", Map.of());
            String redrive = "{\"maxReceiveCount\":\"2\",\"deadLetterTargetArn\":\""
                    + endpoint.queueArn("hc-sqs-esm-dlq") + "\"}";
            String queueUrl = createQueue(sqs, "hc-sqs-esm-redrive", Map.of(QueueAttributeName.REDRIVE_POLICY, redrive));
            for (String body : List.of("ok-1", "poison", "ok-2")) {
                sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
            }

            SqsEsmStats stats = run(sqs, queueUrl, endpoint.queueArn("hc-sqs-esm-redrive"),
                    SETTINGS.withBatchSize(1).withMaximumBatchingWindow(Duration.ZERO), handler);

            assertThat(deliveries).filteredOn(delivery -> delivery.body().equals("poison"))
                    .extracting(Delivery::receiveCount).containsExactly("1", "2");
            assertThat(deliveries).filteredOn(delivery -> delivery.body().startsWith("ok-"))
                    .extracting(Delivery::body).containsExactlyInAnyOrder("ok-1", "ok-2");
            assertThat(stats.functionErrors()).isEqualTo(2);
            assertThat(stats.messagesDeleted()).isEqualTo(2);
            List<Message> deadLetters = sqs.receiveMessage(request -> request.queueUrl(dlqUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(2)).messages();
            assertThat(deadLetters).extracting(Message::body).containsExactly("poison");
        }
    }

    @Test
    void mapping_whenResponseNamesAMessageNotInTheBatch_deletesNothingAndRetriesTheBatch(SqsEndpoint endpoint)
            throws Exception {
        AtomicBoolean answeredBadly = new AtomicBoolean();
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        RequestHandler<SQSEvent, SQSBatchResponse> handler = (event, context) -> {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                deliveries.add(new Delivery(message.getBody(), message.getAttributes().get("ApproximateReceiveCount"),
                        message.getEventSourceArn(), message.getAwsRegion()));
            }
            if (answeredBadly.compareAndSet(false, true)) {
                return new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("not-a-message-id")));
            }
            return new SQSBatchResponse(List.of());
        };
        try (SqsClient sqs = endpoint.newSqsClient()) {
            String queueUrl = createQueue(sqs, "hc-sqs-esm-invalid", Map.of());
            sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody("only"));

            SqsEsmStats stats = run(sqs, queueUrl, endpoint.queueArn("hc-sqs-esm-invalid"), SETTINGS, handler);

            assertThat(deliveries).extracting(Delivery::receiveCount).containsExactly("1", "2");
            assertThat(stats.invalidResponses()).isEqualTo(1);
            assertThat(stats.messagesDeleted()).isEqualTo(1);
        }
    }

    @Test
    void start_whenVisibilityTimeoutShorterThanFunctionTimeout_isRefusedAsLambdaDoes(SqsEndpoint endpoint) {
        try (SqsClient sqs = endpoint.newSqsClient();
             SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs,
                     createQueue(sqs, "hc-sqs-esm-short-visibility", Map.of()),
                     endpoint.queueArn("hc-sqs-esm-short-visibility"),
                     SETTINGS.withFunctionTimeout(Duration.ofSeconds(60)),
                     (event, timeout) -> new FunctionInvoker.Returned("null"), Clock.systemUTC(), Sleeper.SYSTEM,
                     out)) {
            assertThatThrownBy(mapping::start)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Queue visibility timeout: 3 seconds is less than Function timeout: 60"
                            + " seconds");
        }
    }

    private static String createQueue(SqsClient sqs, String name, Map<QueueAttributeName, String> attributes) {
        Map<QueueAttributeName, String> all = new java.util.HashMap<>(attributes);
        all.put(QueueAttributeName.VISIBILITY_TIMEOUT, VISIBILITY_TIMEOUT_SECONDS);
        return sqs.createQueue(request -> request.queueName(name).attributes(all)).queueUrl();
    }

    private SqsEsmStats run(SqsClient sqs, String queueUrl, String queueArn, SqsEsmSettings settings,
            RequestHandler<SQSEvent, SQSBatchResponse> handler) throws InterruptedException {
        try (HandlerInvoker<SQSEvent, SQSBatchResponse> invoker = new HandlerInvoker<>(handler, SQSEvent.class,
                SQSBatchResponse.class, "sqs-esm-it", FUNCTION, 512, Clock.systemUTC(), out);
             SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, queueUrl, queueArn, settings, invoker,
                     Clock.systemUTC(), Sleeper.SYSTEM, out)) {
            mapping.start();
            assertThat(mapping.awaitIdle(Duration.ofSeconds(30))).as("drained; log: %s", log).isTrue();
            return mapping.stats();
        }
    }
}
