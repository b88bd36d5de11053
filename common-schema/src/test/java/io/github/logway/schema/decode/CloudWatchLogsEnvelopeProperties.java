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

        assertThat(CloudWatchLogsEnvelope.parse(new JsonFactory(), json, 0, json.length))
                .isEqualTo(new DataMessage("123456789012", logGroup, logStream, events));
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
}
