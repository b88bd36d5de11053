package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser and the per-item classification on real {@code _bulk} response bodies (see bulk-responses/README.md). */
class BulkResponseClassifierTest {

    private static BulkResponse parse(String resource) throws IOException {
        byte[] body = TestRecords.resource("/bulk-responses/" + resource);
        return BulkResponseParser.parse(body, 0, body.length);
    }

    private static List<ItemVerdict> verdicts(BulkResponse response) {
        return response.items().stream().map(ItemVerdict::of).toList();
    }

    @Test
    void parse_whenErrorsFalse_skipsItems() throws IOException {
        BulkResponse response = parse("success.json");

        assertThat(response.errors()).isFalse();
        assertThat(response.items()).isEmpty();
    }

    @Test
    void classify_whenAllDuplicates_acceptsEvery409() throws IOException {
        BulkResponse response = parse("duplicates-409.json");

        assertThat(response.errors()).isTrue();
        assertThat(response.items()).extracting(BulkItemResult::status).containsExactly(409, 409);
        assertThat(verdicts(response)).containsOnly(ItemVerdict.ACCEPTED);
    }

    @Test
    void classify_whenMappingConflictCreatedAndDuplicate_refusesOnlyTheConflictWithTypeAndReason() throws IOException {
        BulkResponse response = parse("mixed-mapping-conflict-created-duplicate.json");

        assertThat(response.items()).extracting(BulkItemResult::status).containsExactly(400, 201, 409);
        List<ItemVerdict> verdicts = verdicts(response);
        assertThat(verdicts.get(0)).isEqualTo(new ItemVerdict.Refused("mapper_parsing_exception: failed to parse"
                + " field [status] of type [long] in document with id 'id-3'. Preview of field's value:"
                + " 'not-a-number'"));
        assertThat(verdicts.get(1)).isEqualTo(ItemVerdict.ACCEPTED);
        assertThat(verdicts.get(2)).isEqualTo(ItemVerdict.ACCEPTED);
    }

    @Test
    void classify_when429Items_retriesThemAndAcceptsTheCreatedOne() throws IOException {
        BulkResponse response = parse("items-429-and-created.json");

        List<ItemVerdict> verdicts = verdicts(response);
        assertThat(verdicts).hasSize(4);
        assertThat(verdicts.subList(0, 3)).allSatisfy(verdict -> assertThat(verdict)
                .isInstanceOfSatisfying(ItemVerdict.RetryLater.class, later -> assertThat(later.cause())
                        .startsWith("HTTP 429 rejected_execution_exception: rejected execution of")));
        assertThat(verdicts.get(3)).isEqualTo(ItemVerdict.ACCEPTED);
    }

    @Test
    void classify_when5xxItem_retriesIt() {
        ItemVerdict verdict = ItemVerdict.of(new BulkItemResult(503, "unavailable_shards_exception", "primary shard is not active"));

        assertThat(verdict).isEqualTo(new ItemVerdict.RetryLater(
                "HTTP 503 unavailable_shards_exception: primary shard is not active"));
    }

    @Test
    void classify_whenServerlessRefusesDocumentId_reportsMisconfiguration() {
        ItemVerdict verdict = ItemVerdict.of(new BulkItemResult(400, "illegal_argument_exception",
                "Document ID is not supported in create/index operation request"));

        assertThat(verdict).isInstanceOfSatisfying(ItemVerdict.Misconfigured.class,
                misconfigured -> assertThat(misconfigured.message()).contains("ES_DOCUMENT_ID=none"));
    }

    @Test
    void classify_whenReasonIsHuge_cutsTheDetail() {
        ItemVerdict verdict = ItemVerdict.of(new BulkItemResult(400, "mapper_parsing_exception", "x".repeat(5000)));

        assertThat(((ItemVerdict.Refused) verdict).detail()).hasSize(OpenSearchLimits.MAX_REASON_CHARS + 3);
    }

    @Test
    void parse_whenRequestLevelError_failsAsNotABulkResponse() {
        byte[] body = TestRecords.resource("/bulk-responses/request-level-429.json");

        assertThatThrownBy(() -> BulkResponseParser.parse(body, 0, body.length))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("needs 'errors'");
    }

    @Test
    void parse_whenItemsComeBeforeErrors_readsThemAnyway() throws IOException {
        byte[] body = "{\"items\":[{\"create\":{\"status\":201}}],\"errors\":false}".getBytes(StandardCharsets.UTF_8);

        BulkResponse response = BulkResponseParser.parse(body, 0, body.length);

        assertThat(response.errors()).isFalse();
        assertThat(response.items()).containsExactly(new BulkItemResult(201, "", ""));
    }
}
