package io.github.logway.forward;

import static io.github.logway.forward.ForwardTestData.line;
import static io.github.logway.forward.ForwardTestData.lineOfSize;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.publish.KinesisRecordPublisher;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import io.github.logway.testing.servers.KinesaliteEndpoint;
import io.github.logway.testing.servers.KinesisStreams;
import io.github.logway.testing.servers.WithLocalServers;
import io.github.logway.testing.time.ManualClock;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * kinesis-forward against kinesalite, which refuses PutRecords requests over 500 entries or 5 MiB: batches just
 * over each limit are split so that the server refuses none.
 */
@WithLocalServers
class KinesisForwardKinesaliteIT {

    private static final ManualClock CLOCK = ManualClock.at(KinesisEventBuilder.DEFAULT_FIRST_ARRIVAL.plusSeconds(5));
    private static final long FIVE_MIB = 5L * 1024 * 1024;
    private static final int ONE_MIB = 1024 * 1024;
    private static final String KEY = KinesisEventBuilder.DEFAULT_PARTITION_KEY;

    private static KinesisBatchProcessor.Result forward(CountingPublisher publisher, String stream,
            KinesisEventBuilder event) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            KinesisForwarder forwarder = new KinesisForwarder(ForwardTestData.config("TARGET_STREAM_NAME=" + stream),
                    publisher, new InMemoryObjectStore(), CLOCK, new SplittableRandom(5), Sleeper.SYSTEM, threads,
                    quiet, new JsonLogger(KinesisForwarder.FUNCTION_NAME, LogLevel.ERROR, quiet));
            return forwarder.process(event.build(), FakeLambdaContext.withRemainingTime(CLOCK, Duration.ofMinutes(5)));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void batchOf501Records_isSplitAndStoredWithoutARefusedRequest(KinesaliteEndpoint kinesalite) throws Exception {
        try (KinesisClient client = kinesalite.newKinesisClient()) {
            KinesisStreams.createActive(client, "forward-it-501", 2);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 501; i++) {
                lines.add(line("orders", "id-" + i));
            }
            CountingPublisher publisher = new CountingPublisher(new KinesisRecordPublisher(client));

            KinesisBatchProcessor.Result result = forward(publisher, "forward-it-501", KinesisEventBuilder.ofLines(lines));

            assertThat(publisher.failures()).isEmpty();
            assertThat(publisher.requests()).extracting(List::size).containsExactlyInAnyOrder(500, 1);
            assertThat(result.response().getBatchItemFailures()).isEmpty();
            assertThat(KinesisStreams.readAll(client, "forward-it-501"))
                    .extracting(record -> record.data().asUtf8String())
                    .containsExactlyInAnyOrderElementsOf(lines);
        }
    }

    @Test
    void batchOfFiveMebibytesAndOneByte_isSplitAndStoredWithoutARefusedRequest(KinesaliteEndpoint kinesalite)
            throws Exception {
        try (KinesisClient client = kinesalite.newKinesisClient()) {
            KinesisStreams.createActive(client, "forward-it-5mib", 2);
            // Five records of 1 MiB - 100 bytes and one of 501 bytes, partition keys included: 5 MiB + 1 byte.
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                lines.add(lineOfSize("orders", "id-" + i, ONE_MIB - 100 - KEY.length()));
            }
            lines.add(lineOfSize("orders", "id-5", 501 - KEY.length()));
            long total = lines.stream().mapToLong(text -> text.length() + KEY.length()).sum();
            CountingPublisher publisher = new CountingPublisher(new KinesisRecordPublisher(client));

            KinesisBatchProcessor.Result result = forward(publisher, "forward-it-5mib", KinesisEventBuilder.ofLines(lines));

            assertThat(total).isEqualTo(FIVE_MIB + 1);
            assertThat(publisher.failures()).isEmpty();
            assertThat(publisher.requests()).hasSize(2).allSatisfy(request -> assertThat(
                    request.stream().mapToLong(PublishEntry::sizeBytes).sum()).isLessThanOrEqualTo(FIVE_MIB));
            assertThat(result.response().getBatchItemFailures()).isEmpty();
            assertThat(KinesisStreams.readAll(client, "forward-it-5mib"))
                    .extracting(record -> record.data().asUtf8String())
                    .containsExactlyInAnyOrderElementsOf(lines);
        }
    }
}
