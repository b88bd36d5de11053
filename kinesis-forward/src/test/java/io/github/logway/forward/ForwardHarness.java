package io.github.logway.forward;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.publish.FakeRecordPublisher;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.events.KinesisEventBuilder;
import io.github.logway.testing.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** A {@link KinesisForwarder} wired to a {@link FakeRecordPublisher} and an in-memory failed log. */
final class ForwardHarness {

    static final Duration REMAINING_TIME = Duration.ofMinutes(5);

    final ManualClock clock = ManualClock.at(KinesisEventBuilder.DEFAULT_FIRST_ARRIVAL.plusSeconds(5));
    final FakeRecordPublisher publisher = new FakeRecordPublisher();
    final InMemoryObjectStore failedLog = new InMemoryObjectStore();
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final KinesisForwarder forwarder;

    ForwardHarness(KinesisForwardConfig config) {
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        this.forwarder = new KinesisForwarder(config, publisher, failedLog, clock, new SplittableRandom(7),
                duration -> { }, Runnable::run, out, new JsonLogger("kinesis-forward", LogLevel.ERROR, out));
    }

    ForwardHarness(String... env) {
        this(ForwardTestData.config(env));
    }

    KinesisBatchProcessor.Result process(KinesisEvent event) {
        return forwarder.process(event, FakeLambdaContext.withRemainingTime(clock, REMAINING_TIME));
    }

    /** The data of every accepted entry, as text, in acceptance order. */
    List<String> acceptedTexts() {
        return publisher.accepted().stream()
                .map(entry -> new String(entry.data(), StandardCharsets.UTF_8))
                .toList();
    }

    List<PublishEntry> accepted() {
        return publisher.accepted();
    }

    /** Keys of the failed-log objects. */
    List<String> failedLogKeys() {
        return failedLog.keys("logway-failed");
    }
}
