package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.local.servers.LocalServer;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import io.github.logway.testing.servers.OpenSearchNodes;
import io.github.logway.testing.servers.WithLocalServers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real 429s: a node with one write thread and a write queue of one ({@code thread_pool.write.size=1},
 * {@code thread_pool.write.queue_size=1}) under eight concurrent handlers rejects bulk shard requests (items with
 * status 429) and whole requests (HTTP 429). The sink retries only what was rejected; whatever is still left
 * after its attempts stays behind the checkpoint and is re-delivered, as Lambda would. Nothing is lost.
 */
@WithLocalServers
class KinesisToOpenSearchThrottlingIT {

    private static final int HANDLERS = 8;
    private static final int RECORDS_PER_EVENT = 1_500;
    private static final int LOG_TYPES = 6;

    private static LocalServer node;

    @BeforeAll
    static void startTinyQueueNode() {
        node = OpenSearchNodes.start("opensearch-tiny-queue",
                Map.of("thread_pool.write.size", "1", "thread_pool.write.queue_size", "1"));
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.stop();
        }
    }

    /** Counts the 429s OpenSearch really answered, at request and item level. */
    private static final class CountingTransport implements OpenSearchTransport {
        private final OpenSearchTransport delegate;
        private final AtomicInteger requestLevel429 = new AtomicInteger();
        private final AtomicInteger itemLevel429 = new AtomicInteger();

        CountingTransport(OpenSearchTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public HttpResult send(HttpCall call) throws IOException {
            HttpResult result = delegate.send(call);
            if (result.status() == 429) {
                requestLevel429.incrementAndGet();
            }
            String body = result.bodyText();
            int at = 0;
            while ((at = body.indexOf("\"status\":429", at)) >= 0) {
                itemLevel429.incrementAndGet();
                at++;
            }
            return result;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Test
    void handle_underConcurrentLoadOnATinyWriteQueue_retries429sAndLosesNothing() throws Exception {
        String prefix = "throttle-" + Long.toString(System.nanoTime(), 36);
        KinesisToOpenSearchConfig config = KinesisToOpenSearchConfig.read(new EnvReader(Map.of(
                "ES_HOST", node.httpUri().toString(), "ES_AUTH", "none", "INDEX_NAME_PREFIX", prefix,
                "FAILED_LOG_S3_BUCKET", "failed", "ES_INSTALL_TEMPLATE", "false", "BULK_MAX_ACTIONS", "250")));
        Clock clock = Clock.systemUTC();
        InMemoryObjectStore failedLog = new InMemoryObjectStore();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        List<CountingTransport> transports = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(HANDLERS);
        List<Future<Integer>> invocations = new ArrayList<>();
        for (int h = 0; h < HANDLERS; h++) {
            CountingTransport transport = new CountingTransport(
                    new ApacheOpenSearchTransport(config.endpoint(), RequestSigner.NONE, Duration.ofSeconds(5)));
            transports.add(transport);
            KinesisToOpenSearchHandler handler = new KinesisToOpenSearchHandler(config, transport, failedLog, clock,
                    quiet, new JsonLogger("it", LogLevel.ERROR, quiet), Sleeper.SYSTEM);
            KinesisEventBuilder events = KinesisEventBuilder.ofLines(lines(h));
            invocations.add(pool.submit(() -> deliverUntilHandled(handler, events, clock)));
        }
        int invocationsTotal = 0;
        for (Future<Integer> invocation : invocations) {
            invocationsTotal += invocation.get();
        }
        pool.shutdown();

        int requestLevel = transports.stream().mapToInt(t -> t.requestLevel429.get()).sum();
        int itemLevel = transports.stream().mapToInt(t -> t.itemLevel429.get()).sum();
        System.out.printf("[throttling IT] HTTP 429 responses: %d, 429 items: %d, invocations: %d%n", requestLevel,
                itemLevel, invocationsTotal);
        assertThat(requestLevel + itemLevel).as("OpenSearch answered 429 at least once").isPositive();
        assertThat(failedLog.objects()).isEmpty();
        OpenSearchTestClient client = new OpenSearchTestClient(node.httpUri());
        client.refresh(prefix + "-*");
        assertThat(client.count(prefix + "-*")).isEqualTo((long) HANDLERS * RECORDS_PER_EVENT);
        transports.forEach(CountingTransport::close);
    }

    /** Invokes like Lambda: re-delivers from the reported checkpoint until the batch is handled. */
    private static int deliverUntilHandled(KinesisToOpenSearchHandler handler, KinesisEventBuilder events, Clock clock) {
        KinesisEvent event = events.build();
        for (int invocation = 1; ; invocation++) {
            KinesisBatchProcessor.Result result = handler.process(event,
                    FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(2)));
            List<StreamsEventResponse.BatchItemFailure> failures = result.response().getBatchItemFailures();
            if (failures.isEmpty()) {
                return invocation;
            }
            if (invocation == 20) {
                throw new AssertionError("still not handled after 20 invocations: " + result.summary());
            }
            BigInteger checkpoint = new BigInteger(failures.get(0).getItemIdentifier());
            List<KinesisEvent.KinesisEventRecord> rest = new ArrayList<>();
            for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
                if (new BigInteger(record.getKinesis().getSequenceNumber()).compareTo(checkpoint) >= 0) {
                    rest.add(record);
                }
            }
            KinesisEvent redelivery = new KinesisEvent();
            redelivery.setRecords(rest);
            event = redelivery;
        }
    }

    private static List<String> lines(int handler) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < RECORDS_PER_EVENT; i++) {
            lines.add("{\"log_type\":\"type" + (i % LOG_TYPES) + "\",\"log_id\":\"h" + handler + "-" + i
                    + "\",\"time\":\"2026-01-15T10:00:00Z\",\"message\":\"" + "m".repeat(300) + "\"}");
        }
        return lines;
    }
}
