package io.github.logway.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.schema.FieldNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the line parser on damaged real lines: it never throws, and what it converts is valid JSON. */
class AccessLogParserProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LINES = new ArrayList<>();

    static {
        LINES.addAll(Fixtures.cases("alb-cases.txt").values());
        LINES.addAll(Fixtures.cases("classic-cases.txt").values());
    }

    private final AccessLogParser parser = new AccessLogParser(FieldNames.DEFAULTS, "alb", "elb");

    @Property(tries = 1000)
    void parse_damagedLine_neverThrowsAndConvertsOnlyToValidJson(@ForAll("damagedLines") byte[] line) {
        assertThatCode(() -> parser.parse(line, 0, line.length, "id")).doesNotThrowAnyException();
        LineOutcome outcome = parser.parse(line, 0, line.length, "id");
        if (outcome instanceof ConvertedLine converted) {
            assertThatCode(() -> JSON.readTree(converted.json())).doesNotThrowAnyException();
            assertThat(new String(converted.json(), 0, converted.schemaHeaderBytes(), StandardCharsets.UTF_8))
                    .startsWith("{\"log_type\":");
        }
    }

    @Property(tries = 200)
    void parse_realLineAtAnyOffsetInABuffer_givesTheSameRecord(@ForAll("realLines") String text,
            @ForAll("padding") int padding) throws Exception {
        byte[] bare = text.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[bare.length + 2 * padding];
        System.arraycopy(bare, 0, padded, padding, bare.length);
        java.util.Arrays.fill(padded, 0, padding, (byte) '"');

        LineOutcome alone = parser.parse(bare, 0, bare.length, "id");
        LineOutcome inBuffer = parser.parse(padded, padding, bare.length, "id");

        assertThat(inBuffer).isEqualTo(alone);
        if (alone instanceof ConvertedLine converted) {
            JsonNode record = JSON.readTree(converted.json());
            assertThat(record.get("log_id").asText()).isEqualTo("id");
        }
    }

    @Provide
    Arbitrary<String> realLines() {
        return Arbitraries.of(LINES);
    }

    @Provide
    Arbitrary<Integer> padding() {
        return Arbitraries.integers().between(0, 40);
    }

    /** A real line with 1 to 4 bytes replaced (any byte value) or the line cut short. */
    @Provide
    Arbitrary<byte[]> damagedLines() {
        Arbitrary<String> line = Arbitraries.of(LINES);
        Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, 10_000).list().ofMinSize(1)
                .ofMaxSize(4);
        Arbitrary<List<Byte>> values = Arbitraries.bytes().list().ofSize(4);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Boolean> cutIt = Arbitraries.of(true, false);
        return Combinators.combine(line, positions, values, cut, cutIt).as((text, at, bytes, cutAt, doCut) -> {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < at.size(); i++) {
                data[at.get(i) % data.length] = bytes.get(i);
            }
            if (doCut) {
                data = java.util.Arrays.copyOf(data, cutAt % (data.length + 1));
            }
            return data;
        });
    }
}
