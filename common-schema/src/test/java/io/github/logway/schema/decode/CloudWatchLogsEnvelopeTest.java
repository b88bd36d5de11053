package io.github.logway.schema.decode;

import static io.github.logway.schema.decode.KplBytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.schema.decode.CwlParseResult.ControlMessage;
import io.github.logway.schema.decode.CwlParseResult.DataMessage;
import io.github.logway.schema.decode.CwlParseResult.MalformedEnvelope;
import io.github.logway.schema.decode.CwlParseResult.NotEnvelope;
import io.github.logway.schema.decode.InflateResult.Inflated;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudWatchLogsEnvelopeTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CAP = 64 * 1024 * 1024;

    @Test
    void parse_whenDataMessageFixtureArrivesGzipped_returnsEveryEvent() throws IOException {
        byte[] fixture = resource("/events/cwl-data-message.json");
        byte[] record = GzipDecoder.gzip(fixture, 6); // what the subscription filter puts into Kinesis

        assertThat(GzipDecoder.isGzip(record, 0, record.length)).isTrue();
        Inflated inflated = (Inflated) GzipDecoder.inflate(record, 0, record.length, CAP);
        CwlParseResult result = CloudWatchLogsEnvelope.parse(JSON, inflated.bytes(), 0, inflated.length());

        JsonNode expected = MAPPER.readTree(fixture);
        List<CwlEvent> expectedEvents = new ArrayList<>();
        expected.get("logEvents").forEach(event -> expectedEvents.add(new CwlEvent(event.get("id").asText(),
                event.get("timestamp").asLong(), event.get("message").asText())));
        assertThat(result).isEqualTo(new DataMessage("123456789012", "/aws/lambda/checkout-api",
                "2026/11/24/[$LATEST]4c8e2b1f0a9d4e6b8c7d5e3f2a1b0c9d", expectedEvents));
    }

    @Test
    void parse_whenDataMessageFixture_keepsMessagesExactly() throws IOException {
        DataMessage message = (DataMessage) parse(resource("/events/cwl-data-message.json"));

        assertThat(message.events()).hasSize(4);
        assertThat(message.events().get(0).id()).hasSize(56).containsOnlyDigits();
        assertThat(message.events().get(0).timestamp()).isEqualTo(1_795_515_330_123L);
        assertThat(MAPPER.readTree(message.events().get(1).message()).get("message").asText())
                .isEqualTo("payment retry for \"ユーザー\" 42");
        assertThat(message.events().get(3).message())
                .startsWith("REPORT RequestId: 3f9a6c1e-8b2d-4e7f-a5c0-1d9e8b7a6f54\tDuration: 812.47 ms")
                .endsWith("\t\n");
    }

    @Test
    void parse_whenControlMessageFixture_returnsControlMessage() throws IOException {
        byte[] record = GzipDecoder.gzip(resource("/events/cwl-control-message.json"), 6);
        Inflated inflated = (Inflated) GzipDecoder.inflate(record, 0, record.length, CAP);

        assertThat(CloudWatchLogsEnvelope.parse(JSON, inflated.bytes(), 0, inflated.length()))
                .isEqualTo(new ControlMessage("", ""));
    }

    @Test
    void parse_whenAppLogHasMessageTypeField_returnsNotEnvelope() {
        byte[] appLog = utf8("{\"log_type\":\"orders\",\"log_id\":\"7d1e\",\"time\":\"2026-11-24T10:15:30Z\","
                + "\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/orders\",\"message\":\"order created\"}");

        assertThat(parse(appLog)).isEqualTo(new NotEnvelope());
    }

    @Test
    void parse_whenLogEventsIsNotAnArray_returnsNotEnvelope() {
        assertThat(parse(utf8("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\",\"logStream\":\"s\","
                + "\"logEvents\":\"none\"}"))).isEqualTo(new NotEnvelope());
    }

    @Test
    void parse_whenMessageTypeIsNotAString_returnsNotEnvelope() {
        assertThat(parse(utf8("{\"messageType\":1,\"logGroup\":\"g\",\"logStream\":\"s\",\"logEvents\":[]}")))
                .isEqualTo(new NotEnvelope());
    }

    @Test
    void parse_whenLogStreamMissing_returnsNotEnvelope() {
        assertThat(parse(utf8("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\","
                + "\"logEvents\":[{\"id\":\"1\",\"timestamp\":1,\"message\":\"m\"}]}"))).isEqualTo(new NotEnvelope());
    }

    @Test
    void parse_whenInvalidJson_returnsNotEnvelope() throws IOException {
        byte[] fixture = resource("/events/cwl-data-message.json");

        assertThat(parse(Arrays.copyOf(fixture, fixture.length - 2))).isEqualTo(new NotEnvelope());
    }

    @Test
    void parse_whenNotUtf8_returnsNotEnvelope() {
        byte[] data = utf8("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\",\"logStream\":\"s\","
                + "\"logEvents\":[{\"id\":\"1\",\"timestamp\":1,\"message\":\"xx\"}]}");
        data[data.length - 6] = (byte) 0xC3; // starts a two-byte sequence that the next byte does not continue

        assertThat(parse(data)).isEqualTo(new NotEnvelope());
    }

    @Test
    void parse_whenJsonArray_returnsNotEnvelope() {
        assertThat(parse(utf8("[{\"messageType\":\"DATA_MESSAGE\"}]"))).isEqualTo(new NotEnvelope());
    }

    @Test
    void parse_whenEmptyInput_returnsNotEnvelope() {
        assertThat(parse(new byte[0])).isEqualTo(new NotEnvelope());
    }

    @Test
    void parse_whenContentFollowsTheObject_returnsNotEnvelope() throws IOException {
        byte[] fixture = resource("/events/cwl-control-message.json");

        assertThat(parse(GzipDecoderTest.concat(fixture, utf8("\n{}")))).isEqualTo(new NotEnvelope());
    }

    @Test
    void parse_whenKeysInAnotherOrderWithUnknownFields_returnsDataMessage() {
        byte[] data = utf8("{\"logEvents\":[{\"extra\":{\"a\":[1,2]},\"message\":\"m\",\"timestamp\":-5,\"id\":\"9\"}],"
                + "\"future\":{\"nested\":[{}]},\"logStream\":\"s\",\"logGroup\":\"g\",\"messageType\":\"DATA_MESSAGE\"}");

        assertThat(parse(data)).isEqualTo(new DataMessage("", "g", "s", List.of(new CwlEvent("9", -5, "m"))));
    }

    @Test
    void parse_whenRangeInsideLargerArray_readsOnlyTheRange() throws IOException {
        byte[] fixture = resource("/events/cwl-control-message.json");
        byte[] padded = GzipDecoderTest.concat(utf8("]]]"), fixture, utf8("{{{"));

        assertThat(CloudWatchLogsEnvelope.parse(JSON, padded, 3, fixture.length)).isEqualTo(new ControlMessage("", ""));
    }

    @Test
    void parse_whenUnknownMessageType_returnsMalformedEnvelope() {
        assertThat(parse(utf8("{\"messageType\":\"DATA\",\"logGroup\":\"g\",\"logStream\":\"s\","
                + "\"logEvents\":[{\"id\":\"1\",\"timestamp\":1,\"message\":\"m\"}]}")))
                .isEqualTo(new MalformedEnvelope("unknown messageType \"DATA\""));
    }

    @Test
    void parse_whenEventMessageIsNotAString_returnsMalformedEnvelope() {
        assertThat(parse(envelope("{\"id\":\"1\",\"timestamp\":1,\"message\":\"secret\"},"
                + "{\"id\":\"2\",\"timestamp\":2,\"message\":{\"text\":\"secret\"}}")))
                .isEqualTo(new MalformedEnvelope("logEvents[1] has no string message"));
    }

    @Test
    void parse_whenEventHasNoId_returnsMalformedEnvelope() {
        assertThat(parse(envelope("{\"timestamp\":1,\"message\":\"m\"}")))
                .isEqualTo(new MalformedEnvelope("logEvents[0] has no string id"));
    }

    @Test
    void parse_whenEventTimestampIsFractional_returnsMalformedEnvelope() {
        assertThat(parse(envelope("{\"id\":\"1\",\"timestamp\":1.5,\"message\":\"m\"}")))
                .isEqualTo(new MalformedEnvelope("logEvents[0] has no integer timestamp in epoch milliseconds"));
    }

    @Test
    void parse_whenEventTimestampOverflowsLong_returnsMalformedEnvelope() {
        assertThat(parse(envelope("{\"id\":\"1\",\"timestamp\":99999999999999999999,\"message\":\"m\"}")))
                .isEqualTo(new MalformedEnvelope("logEvents[0] has no integer timestamp in epoch milliseconds"));
    }

    @Test
    void parse_whenEventIsNotAnObject_returnsMalformedEnvelope() {
        assertThat(parse(envelope("\"just text\""))).isEqualTo(new MalformedEnvelope("logEvents[0] is not an object"));
    }

    @Test
    void parse_whenLogGroupIsNotAString_returnsMalformedEnvelope() {
        assertThat(parse(utf8("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":[\"g\"],\"logStream\":\"s\","
                + "\"logEvents\":[{\"id\":\"1\",\"timestamp\":1,\"message\":\"m\"}]}")))
                .isEqualTo(new MalformedEnvelope("logGroup is not a string"));
    }

    @Test
    void parse_whenDataMessageHasNoEvents_returnsMalformedEnvelope() {
        assertThat(parse(envelope(""))).isEqualTo(new MalformedEnvelope("DATA_MESSAGE without log events"));
    }

    @Test
    void parse_whenMalformedEnvelopeIsTruncated_returnsNotEnvelope() {
        byte[] data = envelope("{\"id\":\"1\",\"timestamp\":1,\"message\":7}");

        assertThat(parse(Arrays.copyOf(data, data.length - 1))).isEqualTo(new NotEnvelope());
    }

    @Test
    void event_toString_hidesMessage() {
        assertThat(new CwlEvent("1", 2, "secret")).hasToString("CwlEvent[id=1, timestamp=2, message=6 chars]");
    }

    private static byte[] envelope(String events) {
        return utf8("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"g\",\"logStream\":\"s\","
                + "\"subscriptionFilters\":[\"f\"],\"logEvents\":[" + events + "]}");
    }

    private static CwlParseResult parse(byte[] data) {
        return CloudWatchLogsEnvelope.parse(JSON, data, 0, data.length);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CloudWatchLogsEnvelopeTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
