package io.github.logway.elb;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.log.LogLevel;
import io.github.logway.core.publish.FakeRecordPublisher;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.testing.events.FakeLambdaContext;
import io.github.logway.testing.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ElbLogsToKinesisHandlerTest {

    private static final String BUCKET = "alb-logs-111122223333";

    @Test
    void handleRequest_sqsEventAsTheRuntimeDeserialisesIt_readsBothObjectsAndAcknowledges() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-11-24T10:21:00Z"));
        InMemoryAccessLogSource s3 = new InMemoryAccessLogSource();
        FakeRecordPublisher kinesis = new FakeRecordPublisher();
        String keyA = "AWSLogs/111122223333/elasticloadbalancing/ap-northeast-1/2026/11/24/111122223333_"
                + "elasticloadbalancing_ap-northeast-1_app.shop-front.5f3c9e2a7b1d4c60_20261124T1015Z_203.0.113.9_"
                + "2k4x9q1z.log.gz";
        s3.put(BUCKET, keyA, Fixtures.gzip(Fixtures.logFile(List.of(Fixtures.albCase("http")))), "a");
        s3.put(BUCKET, keyA.replace("203.0.113.9_2k4x9q1z", "203.0.113.10_7h3m2c8v"),
                Fixtures.gzip(Fixtures.logFile(List.of(Fixtures.albCase("https"), Fixtures.albCase("h2")))), "b");
        ElbToKinesisConfig config = ElbToKinesisConfig.read(new EnvReader(Map.of("TARGET_STREAM_NAME", "router",
                "FAILED_LOG_S3_BUCKET", "failed-bucket")));
        ElbLogsToKinesisHandler handler = new ElbLogsToKinesisHandler(new ElbLogsToKinesis(config, s3, kinesis,
                new InMemoryContinuationQueue(), new InMemoryObjectStore(), clock, new SplittableRandom(1),
                clock::advance, Runnable::run, new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8),
                new JsonLogger("test", LogLevel.ERROR, new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8))));
        SQSEvent event = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader())
                .fromJson(Fixtures.text("events/sqs-event-s3-notification.json"));

        SQSBatchResponse response = handler.handleRequest(event,
                FakeLambdaContext.withRemainingTime(clock, Duration.ofMinutes(5)));

        assertThat(event.getRecords().get(0).getEventSourceArn())
                .isEqualTo("arn:aws:sqs:ap-northeast-1:111122223333:alb-log-objects");
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(kinesis.accepted()).hasSize(3);
    }
}
