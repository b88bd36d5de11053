package io.github.logway.schema.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.logway.schema.decode.CwlParseResult.DataMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CloudWatchLogsEnvelopeProperties {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] KEY = "\"logEvents\"".getBytes(StandardCharsets.US_ASCII);

    @Property
    void mayBeEnvelope_answersWhetherTheRangeContainsTheKey(@ForAll("nearMisses") byte[] data,
            @ForAll("fractions") double from, @ForAll("fractions") double to) {
        int offset = (int) (Math.min(from, to) * data.length);
        int length = (int) (Math.max(from, to) * data.length) - offset;

        assertThat(CloudWatchLogsEnvelope.mayBeEnvelope(data, offset, length))
                .isEqualTo(naiveContains(data, offset, length));
    }

    @Property(tries = 200)
    void parse_whenEnvelopeWrittenByJackson_returnsItsEvents(@ForAll("events") List<CwlEvent> events,
            @ForAll("texts") String logGroup, @ForAll("texts") String logStream) throws Exception {
        ObjectNode envelope = MAPPER.createObjectNode()
                .put("messageType", "DATA_MESSAGE")
                .put("owner", "123456789012")
                .put("logGroup", logGroup)
                .put("logStream", logStream);
        envelope.putArray("subscriptionFilters").add("f");
        ArrayNode logEvents = envelope.putArray("logEvents");
        events.forEach(event -> logEvents.addObject()
                .put("id", event.id()).put("timestamp", event.timestamp()).put("message", event.message()));
        byte[] json = MAPPER.writeValueAsBytes(envelope);

        assertThat(CloudWatchLogsEnvelope.mayBeEnvelope(json, 0, json.length)).isTrue();
        assertThat(CloudWatchLogsEnvelope.parse(new JsonFactory(), json, 0, json.length))
                .isEqualTo(new DataMessage("123456789012", logGroup, logStream, events));
    }

    @Provide
    Arbitrary<byte[]> nearMisses() {
        // Bytes from the key's own alphabet, with the key itself sometimes inserted: many partial matches.
        Arbitrary<byte[]> noise = Arbitraries.of((byte) '"', (byte) 'l', (byte) 'o', (byte) 'g', (byte) 'E',
                (byte) 'v', (byte) 'e', (byte) 'n', (byte) 't', (byte) 's', (byte) 'x', (byte) 0xFF)
                .array(byte[].class).ofMaxSize(60);
        return Combinators.combine(noise, Arbitraries.integers().between(-1, 60)).as((bytes, at) -> {
            if (at < 0 || at > bytes.length) {
                return bytes;
            }
            return GzipDecoderTest.concat(Arrays.copyOf(bytes, at), KEY,
                    Arrays.copyOfRange(bytes, at, bytes.length));
        });
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<List<CwlEvent>> events() {
        Arbitrary<String> ids = Arbitraries.strings().numeric().ofLength(56);
        return Combinators.combine(ids, Arbitraries.longs(), texts()).as(CwlEvent::new).list().ofMinSize(1)
                .ofMaxSize(20);
    }

    /** Any valid UTF-16 text, control characters and every plane included. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE)
                .list().ofMaxSize(50)
                .map(codePoints -> new String(codePoints.stream().mapToInt(Integer::intValue).toArray(), 0,
                        codePoints.size()));
    }

    private static boolean naiveContains(byte[] data, int offset, int length) {
        for (int start = offset; start + KEY.length <= offset + length; start++) {
            if (Arrays.equals(data, start, start + KEY.length, KEY, 0, KEY.length)) {
                return true;
            }
        }
        return false;
    }
}
