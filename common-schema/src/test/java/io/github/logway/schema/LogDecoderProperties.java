package io.github.logway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.schema.decode.GzipDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LogDecoderProperties {

    private static final long ARRIVAL = Instant.parse("2026-11-24T10:15:30Z").toEpochMilli();
    private static final RecordSource SOURCE =
            new RecordSource("", "shardId-000000000000", "1", "pk", ARRIVAL);
    private final LogDecoder decoder = new LogDecoder(SchemaRules.DEFAULTS);

    @Property(tries = 200)
    void gzipThenDecode_returnsTheSameEventsAsThePlainRecord(
            @ForAll("lines") List<String> lines, @ForAll @IntRange(min = 1, max = 9) int level) {
        byte[] plain = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);

        List<String> fromPlain = texts(plain);
        List<String> fromGzip = texts(GzipDecoder.gzip(plain, level));

        assertThat(fromGzip).isEqualTo(fromPlain).isEqualTo(lines);
    }

    @Property(tries = 200)
    void ndjson_yieldsOneParsedEventPerLineInOrder(@ForAll("lines") List<String> lines) {
        List<DecodedEvent> out = new ArrayList<>();

        decoder.decode((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), SOURCE, out);

        assertThat(out).hasSize(lines.size()).allMatch(e -> e instanceof Parsed);
    }

    @Property(tries = 300)
    void anyBytes_yieldAtLeastOneEventAndNeverThrow(@ForAll @Size(max = 300) byte[] data) {
        List<DecodedEvent> out = new ArrayList<>();

        decoder.decode(data, SOURCE, out);

        assertThat(out).isNotEmpty();
        for (DecodedEvent event : out) {
            assertThat(event.ref().source()).isEqualTo(SOURCE);
        }
    }

    private List<String> texts(byte[] data) {
        List<DecodedEvent> out = new ArrayList<>();
        decoder.decode(data, SOURCE, out);
        List<String> texts = new ArrayList<>();
        for (DecodedEvent event : out) {
            texts.add(((Parsed) event).record().text());
        }
        return texts;
    }

    @Provide
    Arbitrary<List<String>> lines() {
        return line().list().ofMinSize(1).ofMaxSize(20);
    }

    private Arbitrary<String> line() {
        Arbitrary<String> type = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> id = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(36);
        Arbitrary<String> message = Arbitraries.strings().all().ofMaxLength(200)
                .filter(s -> s.codePoints().allMatch(cp -> Character.isDefined(cp)))
                .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
        Arbitrary<Long> offsetSeconds = Arbitraries.longs().between(-86_400L * 300, 86_400L * 6);
        return Combinators.combine(type, id, message, offsetSeconds).as((t, i, m, offset) ->
                "{\"log_type\":\"" + t + "\",\"log_id\":\"" + i + "\",\"time\":\""
                        + Instant.ofEpochMilli(ARRIVAL).plusSeconds(offset) + "\",\"message\":" + quote(m) + "}");
    }

    private static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
