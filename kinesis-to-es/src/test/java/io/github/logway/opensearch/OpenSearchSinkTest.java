package io.github.logway.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.Deadline;
import io.github.logway.core.DeliveryOutcome;
import io.github.logway.core.FatalException;
import io.github.logway.core.retry.Backoff;
import io.github.logway.core.retry.RetryPolicy;
import io.github.logway.schema.LogRecord;
import io.github.logway.schema.RejectReason;
import io.github.logway.testing.time.ManualClock;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpenSearchSinkTest {

    private static final String MIXED = "/bulk-responses/mixed-mapping-conflict-created-duplicate.json";

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-24T10:20:00Z"));
    private final List<Duration> sleeps = new ArrayList<>();
    private final CannedTransport transport = new CannedTransport();

    private OpenSearchSink sink(int maxBytes, int maxActions, boolean gzip) {
        Backoff backoff = new Backoff(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1)),
                new SplittableRandom(7), duration -> {
                    sleeps.add(duration);
                    clock.advance(duration);
                });
        return new OpenSearchSink(transport, new IndexNames("logs", ZoneOffset.UTC),
                new BulkEncoder(DocumentIdMode.LOG_ID), maxBytes, maxActions, gzip, Duration.ofSeconds(30), backoff);
    }

    private OpenSearchSink sink() {
        return sink(1024 * 1024, 500, false);
    }

    private Deadline deadline() {
        return Deadline.at(clock.instant().plusSeconds(60), clock);
    }

    private static List<LogRecord> records(int count) {
        List<LogRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(TestRecords.record("app", "id-" + i, "2026-11-24T10:15:30Z"));
        }
        return records;
    }

    @Test
    void deliver_whenAllCreated_deliversEveryRecordInOneRequest() {
        transport.thenFixture(200, "/bulk-responses/success.json");

        List<DeliveryOutcome> outcomes = sink().deliver(records(2), deadline());

        assertThat(outcomes).containsExactly(DeliveryOutcome.DELIVERED, DeliveryOutcome.DELIVERED);
        assertThat(transport.bulkRequests()).hasSize(1);
        CannedTransport.Sent request = transport.bulkRequests().get(0);
        assertThat(request.call().pathAndQuery()).isEqualTo(OpenSearchSink.BULK_PATH);
        assertThat(request.call().contentType()).isEqualTo("application/x-ndjson");
        assertThat(request.bodyText()).isEqualTo(
                "{\"create\":{\"_index\":\"logs-app-20261124\",\"_id\":\"id-0\"}}\n"
                        + records(2).get(0).text() + "\n"
                        + "{\"create\":{\"_index\":\"logs-app-20261124\",\"_id\":\"id-1\"}}\n"
                        + records(2).get(1).text() + "\n");
    }

    @Test
    void deliver_whenMappingConflict_divertsItWithTypeAndReasonAndDeliversTheRest() {
        transport.thenFixture(200, MIXED);

        List<DeliveryOutcome> outcomes = sink().deliver(records(3), deadline());

        assertThat(outcomes).containsExactly(
                new DeliveryOutcome.Diverted(RejectReason.REJECTED_BY_SINK, "mapper_parsing_exception: failed to"
                        + " parse field [status] of type [long] in document with id 'id-3'. Preview of field's"
                        + " value: 'not-a-number'"),
                DeliveryOutcome.DELIVERED,
                DeliveryOutcome.DELIVERED);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void deliver_when429Items_resendsOnlyThoseAfterABackoff() {
        transport.thenFixture(200, "/bulk-responses/items-429-and-created.json")
                .then(200, "{\"errors\":false}");

        List<DeliveryOutcome> outcomes = sink().deliver(records(4), deadline());

        assertThat(outcomes).containsOnly(DeliveryOutcome.DELIVERED);
        assertThat(transport.bulkRequests()).hasSize(2);
        String retry = transport.bulkRequests().get(1).bodyText();
        assertThat(retry).contains("\"_id\":\"id-0\"", "\"_id\":\"id-1\"", "\"_id\":\"id-2\"")
                .doesNotContain("\"_id\":\"id-3\"");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void deliver_whenItemsStay429_leavesThemRetryableAfterTheLastAttempt() {
        String rejected = "{\"create\":{\"status\":429,\"error\":{\"type\":\"rejected_execution_exception\","
                + "\"reason\":\"rejected execution\"}}}";
        transport.thenFixture(200, "/bulk-responses/items-429-and-created.json")
                .otherwise(request -> new HttpResult(200, ("{\"errors\":true,\"items\":[" + rejected + "," + rejected
                        + "," + rejected + "]}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        List<DeliveryOutcome> outcomes = sink().deliver(records(4), deadline());

        assertThat(outcomes.get(3)).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(outcomes.subList(0, 3)).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(DeliveryOutcome.Retryable.class,
                        retryable -> assertThat(retryable.cause()).startsWith("HTTP 429 rejected_execution_exception")));
        assertThat(transport.bulkRequests()).extracting(CannedTransport.Sent::actions).containsExactly(4, 3, 3, 3);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void deliver_whenRequestLevel429ThenTimeoutThenSuccess_retriesTheWholeChunk() {
        transport.thenFixture(429, "/bulk-responses/request-level-429.json")
                .thenFail(new SocketTimeoutException("Read timed out"))
                .then(200, "{\"errors\":false}");

        List<DeliveryOutcome> outcomes = sink().deliver(records(3), deadline());

        assertThat(outcomes).containsOnly(DeliveryOutcome.DELIVERED);
        assertThat(transport.bulkRequests()).extracting(CannedTransport.Sent::actions).containsExactly(3, 3, 3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void deliver_when5xxPersists_stopsAndLeavesLaterChunksUnsent() {
        transport.otherwise(request -> new HttpResult(503, "{\"error\":\"unavailable\"}".getBytes()));

        List<DeliveryOutcome> outcomes = sink(1024 * 1024, 2, false).deliver(records(5), deadline());

        assertThat(transport.bulkRequests()).hasSize(4).allSatisfy(sent -> assertThat(sent.actions()).isEqualTo(2));
        assertThat(outcomes.subList(0, 2)).allSatisfy(outcome -> assertThat(((DeliveryOutcome.Retryable) outcome).cause())
                .startsWith("_bulk request answered HTTP 503"));
        assertThat(outcomes.subList(2, 5)).allSatisfy(outcome -> assertThat(((DeliveryOutcome.Retryable) outcome).cause())
                .startsWith("not sent: _bulk request answered HTTP 503"));
    }

    @Test
    void deliver_when413_halvesTheChunkUntilItFits() {
        transport.then(413, "").then(200, "{\"errors\":false}").then(413, "").then(200, "{\"errors\":false}")
                .then(200, "{\"errors\":false}");

        List<DeliveryOutcome> outcomes = sink().deliver(records(4), deadline());

        assertThat(outcomes).containsOnly(DeliveryOutcome.DELIVERED);
        assertThat(transport.bulkRequests()).extracting(CannedTransport.Sent::actions).containsExactly(4, 2, 2, 1, 1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void deliver_when413ForOneRecord_divertsItAsTooLarge() {
        transport.then(413, "");

        List<DeliveryOutcome> outcomes = sink().deliver(records(1), deadline());

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(DeliveryOutcome.Diverted.class,
                diverted -> assertThat(diverted.reason()).isEqualTo(RejectReason.RECORD_TOO_LARGE_FOR_TARGET));
    }

    @Test
    void deliver_when403_throwsFatalNamingTheAccessPolicy() {
        transport.then(403, "{\"message\":\"User: arn:aws:sts::123456789012:assumed-role/fn is not authorized\"}");

        assertThatThrownBy(() -> sink().deliver(records(1), deadline()))
                .isInstanceOf(FatalException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("access policy")
                .hasMessageContaining("fine-grained access control");
    }

    @Test
    void deliver_whenServerlessRefusesIds_throwsFatalNamingEsDocumentId() {
        transport.then(200, "{\"errors\":true,\"items\":[{\"create\":{\"status\":400,\"error\":{\"type\":"
                + "\"illegal_argument_exception\",\"reason\":\"Document ID is not supported in create/index"
                + " operation request\"}}}]}");

        assertThatThrownBy(() -> sink().deliver(records(1), deadline()))
                .isInstanceOf(FatalException.class)
                .hasMessageContaining("ES_DOCUMENT_ID=none");
    }

    @Test
    void deliver_whenLogTypeMakesNoIndexName_divertsItWithoutSending() {
        LogRecord bad = TestRecords.record("a*b", "id-9", "2026-11-24T10:15:30Z");
        transport.then(200, "{\"errors\":false}");

        List<DeliveryOutcome> outcomes = sink().deliver(List.of(bad, records(1).get(0)), deadline());

        assertThat(outcomes.get(0)).isEqualTo(new DeliveryOutcome.Diverted(RejectReason.INVALID_LOG_TYPE,
                "index name 'logs-a*b-yyyyMMdd' must not contain any of \\ / * ? \" < > | , # : or whitespace"));
        assertThat(outcomes.get(1)).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(transport.bulkRequests().get(0).actions()).isEqualTo(1);
    }

    @Test
    void deliver_whenRecordAloneExceedsTheByteCap_divertsItAsTooLarge() {
        LogRecord big = TestRecords.record("{\"log_type\":\"app\",\"log_id\":\"big\",\"time\":\"2026-11-24T10:15:30Z\","
                + "\"message\":\"" + "x".repeat(2000) + "\"}", "app", "big", Instant.parse("2026-11-24T10:15:30Z"));

        List<DeliveryOutcome> outcomes = sink(1024, 500, false).deliver(List.of(big), deadline());

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(DeliveryOutcome.Diverted.class,
                diverted -> assertThat(diverted.reason()).isEqualTo(RejectReason.RECORD_TOO_LARGE_FOR_TARGET));
        assertThat(transport.sent()).isEmpty();
    }

    @Test
    void deliver_whenDeadlinePassed_sendsNothingAndLeavesAllRetryable() {
        Deadline passed = Deadline.at(clock.instant().minusSeconds(1), clock);

        List<DeliveryOutcome> outcomes = sink().deliver(records(2), passed);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class));
        assertThat(transport.sent()).isEmpty();
    }

    @Test
    void deliver_whenGzip_sendsACompressedBodyWithTheSameNdjson() {
        transport.then(200, "{\"errors\":false}");

        sink(1024 * 1024, 500, true).deliver(records(2), deadline());

        CannedTransport.Sent request = transport.bulkRequests().get(0);
        assertThat(request.call().gzip()).isTrue();
        assertThat(request.actions()).isEqualTo(2);
        assertThat(request.call().length()).isLessThan(request.bodyText().length());
    }

    @Test
    void deliver_whenJsonHasLineBreaks_sendsTheDocumentOnOneLine() {
        String pretty = "{\n  \"log_type\": \"app\",\r\n  \"log_id\": \"p1\",\n  \"time\": \"2026-11-24T10:15:30Z\"\n}";
        transport.then(200, "{\"errors\":false}");

        sink().deliver(List.of(TestRecords.record(pretty, "app", "p1", Instant.parse("2026-11-24T10:15:30Z"))),
                deadline());

        String body = transport.bulkRequests().get(0).bodyText();
        assertThat(body.split("\n")).hasSize(2);
        assertThat(body.split("\n")[1]).isEqualTo(pretty.replace('\n', ' ').replace('\r', ' '));
    }
}
