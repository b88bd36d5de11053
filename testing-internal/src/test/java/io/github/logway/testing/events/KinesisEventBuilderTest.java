package io.github.logway.testing.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KinesisEventBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode lambdaSampleEvent() throws IOException {
        try (InputStream in = KinesisEventBuilder.class.getResourceAsStream("/events/kinesis-event.json")) {
            assertThat(in).as("fixture events/kinesis-event.json").isNotNull();
            return JSON.readTree(in);
        }
    }

    @Test
    void toJson_hasTheFieldsAndValueTypesOfTheLambdaSampleEvent() throws IOException {
        JsonNode built = JSON.readTree(KinesisEventBuilder.ofNdjson("{\"a\":1}\n{\"a\":2}\n").toJson());

        assertThat(fieldTypes(built)).isEqualTo(fieldTypes(lambdaSampleEvent()));
    }

    @Test
    void toJson_ordersFieldsAsLambdaDoes() throws IOException {
        JsonNode sampleRecord = lambdaSampleEvent().get("Records").get(0);
        JsonNode builtRecord = JSON.readTree(KinesisEventBuilder.ofLines(List.of("x")).toJson()).get("Records").get(0);

        assertThat(fieldNames(builtRecord)).containsExactlyElementsOf(fieldNames(sampleRecord));
        assertThat(fieldNames(builtRecord.get("kinesis"))).containsExactlyElementsOf(fieldNames(sampleRecord.get("kinesis")));
    }

    @Test
    void toJson_readByTheLambdaRuntimeSerializer_equalsBuild() {
        KinesisEventBuilder builder = KinesisEventBuilder.ofPayloads(List.of(new byte[] {0, 1, 2, (byte) 0xff}, "b".getBytes(StandardCharsets.UTF_8)))
                .streamArn("arn:aws:kinesis:eu-west-1:210987654321:stream/orders")
                .shardId("shardId-000000000004")
                .partitionKey("orders-7");

        KinesisEvent deserialized = LambdaEventSerializers.serializerFor(KinesisEvent.class, getClass().getClassLoader())
                .fromJson(builder.toJson());

        assertThat(deserialized).isEqualTo(builder.build());
    }

    @Test
    void ofNdjson_makesOneRecordPerNonBlankLineWithTheLineBytesAsData() {
        KinesisEvent event = KinesisEventBuilder.ofNdjson("{\"m\":\"\u00e9\"}\r\n\n{\"m\":2}\n").build();

        assertThat(event.getRecords())
                .extracting(record -> StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString())
                .containsExactly("{\"m\":\"\u00e9\"}", "{\"m\":2}");
    }

    @Test
    void toJson_encodesDataAsBase64OfThePayload() throws IOException {
        byte[] payload = {31, (byte) 139, 8, 0, 0};
        JsonNode built = JSON.readTree(KinesisEventBuilder.ofPayloads(List.of(payload)).toJson());

        assertThat(Base64.getDecoder().decode(built.at("/Records/0/kinesis/data").asText())).isEqualTo(payload);
    }

    @Test
    void sequenceNumbers_haveFiftySixDigitsAndIncrease() {
        List<String> sequenceNumbers = KinesisEventBuilder.ofLines(List.of("a", "b", "c")).build().getRecords().stream()
                .map(record -> record.getKinesis().getSequenceNumber())
                .toList();

        assertThat(sequenceNumbers).allSatisfy(number -> assertThat(number).matches("\\d{56}"));
        assertThat(sequenceNumbers).extracting(BigInteger::new).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void firstSequenceNumber_isTheFirstRecordsSequenceNumber() {
        BigInteger first = new BigInteger("49600000000000000000000000000000000000000000000000000001");

        KinesisEvent event = KinesisEventBuilder.ofLines(List.of("a")).firstSequenceNumber(first).build();

        assertThat(event.getRecords().get(0).getKinesis().getSequenceNumber()).isEqualTo(first.toString());
    }

    @Test
    void eventId_isShardIdColonSequenceNumber() {
        KinesisEvent.KinesisEventRecord record =
                KinesisEventBuilder.ofLines(List.of("a", "b")).shardId("shardId-000000000002").build().getRecords().get(1);

        assertThat(record.getEventID()).isEqualTo("shardId-000000000002:" + record.getKinesis().getSequenceNumber());
    }

    @Test
    void awsRegion_isTheRegionOfTheStreamArn() {
        KinesisEvent.KinesisEventRecord record = KinesisEventBuilder.ofLines(List.of("a"))
                .streamArn("arn:aws:kinesis:ap-southeast-2:123456789012:stream/logs")
                .build()
                .getRecords()
                .get(0);

        assertThat(record.getAwsRegion()).isEqualTo("ap-southeast-2");
        assertThat(record.getEventSourceARN()).isEqualTo("arn:aws:kinesis:ap-southeast-2:123456789012:stream/logs");
    }

    @Test
    void toJson_writesArrivalTimesAsEpochSecondsWithMillisecondFraction() throws IOException {
        JsonNode built = JSON.readTree(KinesisEventBuilder.ofLines(List.of("a", "b"))
                .arrivals(Instant.parse("2026-01-15T10:20:30.123Z"), Duration.ofMillis(250))
                .toJson());

        assertThat(built.at("/Records/0/kinesis/approximateArrivalTimestamp").decimalValue())
                .isEqualByComparingTo("1768472430.123");
        assertThat(built.at("/Records/1/kinesis/approximateArrivalTimestamp").decimalValue())
                .isEqualByComparingTo("1768472430.373");
    }

    @Test
    void ofPayloads_keepsItsOwnCopyOfThePayloads() {
        byte[] payload = "before".getBytes(StandardCharsets.UTF_8);
        KinesisEventBuilder builder = KinesisEventBuilder.ofPayloads(List.of(payload));

        payload[0] = 'X';

        assertThat(builder.build().getRecords().get(0).getKinesis().getData())
                .isEqualTo(ByteBuffer.wrap("before".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void streamArn_whenNotAKinesisStreamArn_throws() {
        assertThatThrownBy(() -> KinesisEventBuilder.ofLines(List.of("a")).streamArn("arn:aws:sqs:us-east-1:123456789012:q"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a Kinesis stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME): "
                        + "arn:aws:sqs:us-east-1:123456789012:q");
    }

    /** Every field path (arrays as {@code []}) with the JSON type of its value. */
    private static Map<String, JsonNodeType> fieldTypes(JsonNode root) {
        Map<String, JsonNodeType> types = new TreeMap<>();
        collect("", root, types);
        return types;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNodeType> types) {
        types.put(path, node.getNodeType());
        if (node.isArray()) {
            node.forEach(element -> collect(path + "[]", element, types));
        } else if (node.isObject()) {
            node.properties().forEach(field -> collect(path + "." + field.getKey(), field.getValue(), types));
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
