package io.github.logway.local.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.testing.servers.KinesisEndpoint;
import io.github.logway.testing.servers.KinesisStreams;
import io.github.logway.testing.servers.WithLocalServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The local event source mapping reading a real Kinesis server (kinesis-local). */
@WithLocalServers
class KinesisEventSourceMappingIT {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:esm-it";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void mapping_deliversEveryRecordOfEveryShard_andResumesFromABatchItemFailure(KinesisEndpoint endpoint)
            throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        RequestHandler<KinesisEvent, StreamsEventResponse> handler = (event, context) -> {
            List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
                String text = StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString();
                if (text.equals("record-7") && failedOnce.compareAndSet(false, true)) {
                    failures.add(new StreamsEventResponse.BatchItemFailure(record.getKinesis().getSequenceNumber()));
                    break;
                }
                seen.add(text);
            }
            return new StreamsEventResponse(failures);
        };
        try (KinesisClient kinesis = endpoint.newKinesisClient()) {
            String stream = "esm-partial";
            KinesisStreams.createActive(kinesis, stream, 2);
            List<String> sent = put(kinesis, stream, 30);

            EsmStats stats = run(kinesis, endpoint.streamArn("000000000000", stream),
                    EsmSettings.DEFAULTS.withBatchSize(10).withRetryDelay(Duration.ZERO), handler,
                    new CopyOnWriteArrayList<>());

            assertThat(seen).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(stats.partialFailures()).isEqualTo(1);
            assertThat(stats.recordsCompleted()).isEqualTo(30);
            assertThat(stats.recordsDiscarded()).isZero();
        }
    }

    @Test
    void mapping_withBisect_discardsOnlyThePoisonRecordToTheOnFailureDestination(KinesisEndpoint endpoint)
            throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        RequestHandler<KinesisEvent, StreamsEventResponse> handler = (event, context) -> {
            List<String> batch = new ArrayList<>();
            for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
                batch.add(StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString());
            }
            if (batch.contains("record-4")) {
                throw new IllegalStateException("poison record");
            }
            seen.addAll(batch);
            return new StreamsEventResponse(new ArrayList<>());
        };
        List<OnFailureRecord> discarded = Collections.synchronizedList(new ArrayList<>());
        try (KinesisClient kinesis = endpoint.newKinesisClient()) {
            String stream = "esm-poison";
            KinesisStreams.createActive(kinesis, stream, 1);
            List<String> sent = put(kinesis, stream, 12);

            EsmStats stats = run(kinesis, endpoint.streamArn("000000000000", stream),
                    EsmSettings.DEFAULTS.withBatchSize(12).withBisect(true).withMaximumRetryAttempts(1)
                            .withRetryDelay(Duration.ZERO), handler, discarded);

            List<String> expected = new ArrayList<>(sent);
            expected.remove("record-4");
            assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(discarded).singleElement().satisfies(record -> {
                assertThat(record.condition()).isEqualTo(OnFailureRecord.RETRY_ATTEMPTS_EXHAUSTED);
                assertThat(record.records()).singleElement().satisfies(r ->
                        assertThat(new String(r.data(), StandardCharsets.UTF_8)).isEqualTo("record-4"));
            });
            assertThat(stats.bisections()).isPositive();
        }
    }

    private EsmStats run(KinesisClient kinesis, String streamArn, EsmSettings settings,
            RequestHandler<KinesisEvent, StreamsEventResponse> handler, List<OnFailureRecord> discarded)
            throws InterruptedException {
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        try (HandlerInvoker<KinesisEvent, StreamsEventResponse> invoker = new HandlerInvoker<>(handler,
                KinesisEvent.class, StreamsEventResponse.class, "esm-it", FUNCTION, 512, Clock.systemUTC(), out);
             KinesisEventSourceMapping mapping = new KinesisEventSourceMapping(kinesis, streamArn, settings, invoker,
                     discarded::add, FUNCTION, Clock.systemUTC(), Sleeper.SYSTEM, out)) {
            mapping.start();
            assertThat(mapping.awaitIdle(Duration.ofSeconds(60))).as("drained; log: %s", log).isTrue();
            return mapping.stats();
        }
    }

    private static List<String> put(KinesisClient kinesis, String stream, int count) {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = "record-" + i;
            String key = "pk-" + i;
            kinesis.putRecord(request -> request.streamName(stream).partitionKey(key)
                    .data(SdkBytes.fromUtf8String(text)));
            sent.add(text);
        }
        return sent;
    }
}
