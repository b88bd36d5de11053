package io.github.logway.local.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.testing.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ShardProcessorTest {

    private static final String STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/router";
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:to-s3";
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final ManualClock clock = ManualClock.at(START.plusSeconds(1));
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<OnFailureRecord> discarded = new ArrayList<>();
    private final List<List<String>> invokedWith = new ArrayList<>();

    @Test
    void process_whenFunctionSucceeds_completesTheBatchInOneInvocation() {
        ShardProcessor processor = processor(EsmSettings.DEFAULTS, batch -> ok());

        processor.process(records(5));

        assertThat(invokedWith).hasSize(1);
        assertThat(processor.stats().recordsCompleted()).isEqualTo(5);
        assertThat(discarded).isEmpty();
    }

    @Test
    void process_whenFunctionReportsABatchItemFailure_resumesFromThatSequence() {
        List<StreamRecord> records = records(5);
        ShardProcessor processor = processor(EsmSettings.DEFAULTS,
                batch -> invokedWith.size() == 1 ? failureAt(records.get(2)) : ok());

        processor.process(records);

        assertThat(invokedWith).hasSize(2);
        assertThat(invokedWith.get(1)).containsExactly(seq(records, 2), seq(records, 3), seq(records, 4));
        assertThat(processor.stats().partialFailures()).isEqualTo(1);
        assertThat(processor.stats().recordsCompleted()).isEqualTo(5);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void process_whenSeveralItemsFail_resumesFromTheLowest() {
        List<StreamRecord> records = records(5);
        ShardProcessor processor = processor(EsmSettings.DEFAULTS, batch -> invokedWith.size() == 1
                ? new FunctionInvoker.Returned("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + seq(records, 3)
                        + "\"},{\"itemIdentifier\":\"" + seq(records, 1) + "\"}]}")
                : ok());

        processor.process(records);

        assertThat(invokedWith.get(1)).first().isEqualTo(seq(records, 1));
    }

    @Test
    void process_whenFunctionKeepsFailing_discardsTheBatchAfterTheRetries() throws Exception {
        List<StreamRecord> records = records(4);
        ShardProcessor processor = processor(EsmSettings.DEFAULTS.withMaximumRetryAttempts(2),
                batch -> new FunctionInvoker.Failed("java.lang.IllegalStateException", "sink down"));

        processor.process(records);

        assertThat(invokedWith).hasSize(3);
        assertThat(discarded).singleElement().satisfies(record -> {
            assertThat(record.condition()).isEqualTo(OnFailureRecord.RETRY_ATTEMPTS_EXHAUSTED);
            assertThat(record.approximateInvokeCount()).isEqualTo(3);
            assertThat(record.records()).isEqualTo(records);
        });
        JsonNode json = new ObjectMapper().readTree(discarded.get(0).toJson(false));
        assertThat(json.path("requestContext").path("functionArn").asText()).isEqualTo(FUNCTION);
        assertThat(json.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
        assertThat(json.path("KinesisBatchInfo").path("startSequenceNumber").asText()).isEqualTo(seq(records, 0));
        assertThat(json.path("KinesisBatchInfo").path("endSequenceNumber").asText()).isEqualTo(seq(records, 3));
        assertThat(json.path("KinesisBatchInfo").path("batchSize").asInt()).isEqualTo(4);
        assertThat(json.path("KinesisBatchInfo").path("shardId").asText()).isEqualTo("shardId-000000000000");
        assertThat(json.has("payload")).isFalse();
        assertThat(processor.stats().recordsDiscarded()).isEqualTo(4);
    }

    @Test
    void process_whenBisectIsOn_isolatesThePoisonRecord() {
        List<StreamRecord> records = records(8);
        String poison = seq(records, 5);
        ShardProcessor processor = processor(EsmSettings.DEFAULTS.withBisect(true).withMaximumRetryAttempts(1),
                batch -> batch.contains(poison) ? new FunctionInvoker.Failed("Error", "poison") : ok());

        processor.process(records);

        assertThat(discarded).singleElement().satisfies(record ->
                assertThat(record.records()).extracting(StreamRecord::sequenceNumber).containsExactly(poison));
        assertThat(processor.stats().recordsCompleted()).isEqualTo(7);
        assertThat(processor.stats().bisections()).isEqualTo(3);
    }

    @Test
    void process_whenItemIdentifierIsEmpty_treatsTheWholeBatchAsFailed() {
        List<StreamRecord> records = records(3);
        ShardProcessor processor = processor(EsmSettings.DEFAULTS.withMaximumRetryAttempts(0),
                batch -> new FunctionInvoker.Returned("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}"));

        processor.process(records);

        assertThat(discarded).singleElement().satisfies(record -> {
            assertThat(record.records()).hasSize(3);
            assertThat(record.functionError()).isEqualTo("InvalidBatchItemFailures");
        });
    }

    @Test
    void process_whenItemIdentifierIsNotInTheBatch_treatsTheWholeBatchAsFailed() {
        ShardProcessor processor = processor(EsmSettings.DEFAULTS.withMaximumRetryAttempts(1),
                batch -> new FunctionInvoker.Returned("{\"batchItemFailures\":[{\"itemIdentifier\":\"42\"}]}"));

        processor.process(records(2));

        assertThat(invokedWith).hasSize(2);
        assertThat(discarded).singleElement().satisfies(record -> assertThat(record.records()).hasSize(2));
    }

    @Test
    void process_whenPartialResponsesAreNotReported_ignoresTheResponse() {
        List<StreamRecord> records = records(3);
        ShardProcessor processor = processor(EsmSettings.DEFAULTS.withReportBatchItemFailures(false),
                batch -> failureAt(records.get(0)));

        processor.process(records);

        assertThat(invokedWith).hasSize(1);
        assertThat(processor.stats().recordsCompleted()).isEqualTo(3);
    }

    @Test
    void process_whenRecordsAreOlderThanTheMaximumAge_discardsThemWithoutInvoking() {
        List<StreamRecord> records = records(3);
        clock.advance(Duration.ofMinutes(10));
        ShardProcessor processor =
                processor(EsmSettings.DEFAULTS.withMaximumRecordAge(Duration.ofSeconds(60)), batch -> ok());

        processor.process(records);

        assertThat(invokedWith).isEmpty();
        assertThat(discarded).singleElement().satisfies(record -> {
            assertThat(record.condition()).isEqualTo(OnFailureRecord.RECORD_AGE_EXCEEDED);
            assertThat(record.records()).hasSize(3);
        });
    }

    @Test
    void eventJson_isWhatTheJavaRuntimeDeserialisesIntoAKinesisEvent() {
        List<StreamRecord> records = records(2);
        String json = new KinesisEventJson(STREAM, "arn:aws:iam::000000000000:role/logway").write(records);

        KinesisEvent event = LambdaEventSerializers.serializerFor(KinesisEvent.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(event.getRecords()).hasSize(2);
        KinesisEvent.KinesisEventRecord first = event.getRecords().get(0);
        assertThat(first.getEventID()).isEqualTo("shardId-000000000000:" + seq(records, 0));
        assertThat(first.getEventSourceARN()).isEqualTo(STREAM);
        assertThat(first.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(first.getKinesis().getPartitionKey()).isEqualTo("pk-0");
        assertThat(first.getKinesis().getApproximateArrivalTimestamp().toInstant()).isEqualTo(START);
        assertThat(StandardCharsets.UTF_8.decode(first.getKinesis().getData()).toString()).isEqualTo("record-0");
    }

    private ShardProcessor processor(EsmSettings settings, Function<List<String>, FunctionInvoker.Invocation> behaviour) {
        KinesisEventJson events = new KinesisEventJson(STREAM, "arn:aws:iam::000000000000:role/logway");
        FunctionInvoker invoker = (eventJson, timeout) -> {
            List<String> sequences = sequencesIn(eventJson);
            invokedWith.add(sequences);
            return behaviour.apply(sequences);
        };
        return new ShardProcessor(settings, events, invoker, discarded::add, FUNCTION, clock, sleeps::add,
                new SplittableRandom(1));
    }

    private static List<String> sequencesIn(String eventJson) {
        try {
            List<String> sequences = new ArrayList<>();
            for (JsonNode record : new ObjectMapper().readTree(eventJson).path("Records")) {
                sequences.add(record.path("kinesis").path("sequenceNumber").asText());
            }
            return sequences;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static FunctionInvoker.Invocation ok() {
        return new FunctionInvoker.Returned("{\"batchItemFailures\":[]}");
    }

    private static FunctionInvoker.Invocation failureAt(StreamRecord record) {
        return new FunctionInvoker.Returned(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + record.sequenceNumber() + "\"}]}");
    }

    private static List<StreamRecord> records(int n) {
        List<StreamRecord> records = new ArrayList<>();
        BigInteger first = new BigInteger("49590338271490256608559692538361571095921575989136588898");
        for (int i = 0; i < n; i++) {
            records.add(new StreamRecord("shardId-000000000000", first.add(BigInteger.valueOf(i * 1000L)).toString(),
                    "pk-" + i, ("record-" + i).getBytes(StandardCharsets.UTF_8), START.plusMillis(i)));
        }
        return records;
    }

    private static String seq(List<StreamRecord> records, int i) {
        return records.get(i).sequenceNumber();
    }
}
