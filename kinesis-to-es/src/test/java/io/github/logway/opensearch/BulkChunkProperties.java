package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.schema.LogRecord;
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

/** Invariants of chunking and encoding {@code _bulk} bodies. */
class BulkChunkProperties {

    private static final Instant TIME = Instant.parse("2026-11-24T10:15:30Z");

    @Property
    void chunk_neverExceedsTheByteOrActionCapAndKeepsOrder(@ForAll("items") List<BulkItem> items,
            @ForAll @IntRange(min = 600, max = 20_000) int maxBytes, @ForAll @IntRange(min = 1, max = 50) int maxActions) {
        List<BulkItem> fitting = items.stream().filter(item -> item.encodedSize() <= maxBytes).toList();

        List<List<BulkItem>> chunks = BulkEncoder.chunk(fitting, maxBytes, maxActions);

        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk).isNotEmpty().hasSizeLessThanOrEqualTo(maxActions);
            assertThat(BulkEncoder.encodedSize(chunk)).isLessThanOrEqualTo(maxBytes);
        });
        assertThat(chunks.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(fitting);
    }

    @Property
    void encode_writesExactlyTheEstimatedSize(@ForAll("items") List<BulkItem> items) {
        ByteSink body = new ByteSink(16);

        BulkEncoder.encode(items, body);

        assertThat((long) body.size()).isEqualTo(BulkEncoder.encodedSize(items));
        String text = new String(body.toByteArray(), StandardCharsets.UTF_8);
        assertThat(text.split("\n", -1)).hasSize(items.size() * 2 + 1);
    }

    @Property
    void item_actionLineIsJsonNamingIndexAndEscapedId(@ForAll("logIds") String logId) throws Exception {
        BulkItem item = new BulkEncoder(DocumentIdMode.LOG_ID).item(0, "logs-app-20261124", record(logId, 10));

        com.fasterxml.jackson.databind.JsonNode action = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(item.actionLine());

        assertThat(action.get("create").get("_index").asText()).isEqualTo("logs-app-20261124");
        assertThat(action.get("create").get("_id").asText()).isEqualTo(logId);
        assertThat(item.actionLine()[item.actionLine().length - 1]).isEqualTo((byte) '\n');
    }

    @Provide
    Arbitrary<List<BulkItem>> items() {
        BulkEncoder withIds = new BulkEncoder(DocumentIdMode.LOG_ID);
        BulkEncoder withoutIds = new BulkEncoder(DocumentIdMode.NONE);
        Arbitrary<BulkItem> item = Combinators.combine(logIds(), Arbitraries.integers().between(0, 3000),
                Arbitraries.of(true, false)).as((logId, padding, ids) ->
                        (ids ? withIds : withoutIds).item(0, "logs-app-20261124", record(logId, padding)));
        return item.list().ofMaxSize(60).map(list -> {
            List<BulkItem> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                BulkItem original = list.get(i);
                numbered.add(new BulkItem(i, original.index(), original.actionLine(), original.record()));
            }
            return numbered;
        });
    }

    @Provide
    Arbitrary<String> logIds() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(80)
                .filter(s -> s.codePoints().allMatch(Character::isValidCodePoint))
                .filter(s -> !hasLoneSurrogate(s));
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static LogRecord record(String logId, int padding) {
        String json = "{\"log_type\":\"app\",\"time\":\"2026-11-24T10:15:30Z\",\"pad\":\"" + "x".repeat(padding)
                + "\",\"line\":\"a\nb\"}";
        return TestRecords.record(json.replace("a\nb", "a b"), "app", logId, TIME);
    }
}
