package io.github.logway.opensearch;

import io.github.logway.core.Deadline;
import io.github.logway.core.DeliveryOutcome;
import io.github.logway.core.FatalException;
import io.github.logway.core.LogSink;
import io.github.logway.core.retry.Backoff;
import io.github.logway.schema.LogRecord;
import io.github.logway.schema.RejectReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Indexes log records with {@code _bulk} (PRODUCT.md §5) and reports one {@link DeliveryOutcome} per record.
 *
 * <ul>
 *   <li>A log type that makes no valid index name is diverted ({@code invalid_log_type}) before sending; a record
 *       whose action alone passes {@code BULK_MAX_BYTES} is diverted ({@code record_too_large_for_target}).
 *   <li>Records go in chunks capped by {@code BULK_MAX_BYTES} (uncompressed) and {@code BULK_MAX_ACTIONS}.
 *   <li>Per item: 2xx and 409 delivered; 429 and 5xx sent again after a backoff (only those items) while attempts
 *       and the deadline allow, then {@code Retryable}; other statuses diverted ({@code rejected_by_sink}) with
 *       {@code "<error type>: <reason>"}.
 *   <li>Per request: 413 halves the chunk (a single item is then {@code record_too_large_for_target}); 429, 5xx,
 *       timeouts and I/O errors are retried like items; 401 and 403 throw {@link FatalException} naming the likely
 *       IAM or access-policy cause; any other status throws {@link FatalException} too.
 *   <li>After a chunk ends with retryable items, later chunks are not sent (they are {@code Retryable}): the
 *       checkpoint would re-deliver them anyway.
 * </ul>
 *
 * <p>Not thread-safe: one instance per handler, reused across invocations (it keeps its body buffers).
 */
final class OpenSearchSink implements LogSink {

    /** {@code filter_path} keeps the response to the fields the classifier reads: far fewer bytes per item. */
    static final String BULK_PATH = "/_bulk?filter_path=errors,items.*.status,items.*.error.type,items.*.error.reason";

    static final String NDJSON = "application/x-ndjson";

    /** HTTP 413: the body is larger than the domain accepts. */
    private static final int PAYLOAD_TOO_LARGE = 413;

    /** A first body buffer of 1 MiB; it grows to the largest chunk once. */
    private static final int INITIAL_BODY_BYTES = 1024 * 1024;

    private final OpenSearchTransport transport;
    private final IndexNames indexNames;
    private final BulkEncoder encoder;
    private final int maxBytes;
    private final int maxActions;
    private final boolean gzip;
    private final Duration requestTimeout;
    private final Backoff backoff;
    private final ByteSink body = new ByteSink(INITIAL_BODY_BYTES);
    private final ByteSink compressed = new ByteSink(16);

    /**
     * @param transport sends the requests
     * @param indexNames names the daily indices
     * @param encoder builds action lines
     * @param maxBytes {@code BULK_MAX_BYTES}
     * @param maxActions {@code BULK_MAX_ACTIONS}
     * @param gzip {@code BULK_GZIP}
     * @param requestTimeout {@code ES_REQUEST_TIMEOUT_MS}, shortened to the time left before the deadline
     * @param backoff retry attempts and waits for 429, 5xx and timeouts
     */
    OpenSearchSink(OpenSearchTransport transport, IndexNames indexNames, BulkEncoder encoder, int maxBytes,
            int maxActions, boolean gzip, Duration requestTimeout, Backoff backoff) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.indexNames = Objects.requireNonNull(indexNames, "indexNames");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (maxBytes <= 0 || maxActions <= 0) {
            throw new IllegalArgumentException("caps must be positive: " + maxBytes + " bytes, " + maxActions);
        }
        this.maxBytes = maxBytes;
        this.maxActions = maxActions;
        this.gzip = gzip;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    @Override
    public List<DeliveryOutcome> deliver(List<LogRecord> records, Deadline deadline) {
        DeliveryOutcome[] outcomes = new DeliveryOutcome[records.size()];
        List<BulkItem> items = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            LogRecord record = records.get(i);
            String index = indexNames.indexOf(record);
            if (index == null) {
                outcomes[i] = new DeliveryOutcome.Diverted(RejectReason.INVALID_LOG_TYPE,
                        indexNames.problemWithLogType(record.logType()));
                continue;
            }
            BulkItem item = encoder.item(i, index, record);
            if (item.encodedSize() > maxBytes) {
                outcomes[i] = new DeliveryOutcome.Diverted(RejectReason.RECORD_TOO_LARGE_FOR_TARGET,
                        "the _bulk action is " + item.encodedSize() + " bytes; BULK_MAX_BYTES is " + maxBytes);
                continue;
            }
            items.add(item);
        }
        Deque<List<BulkItem>> chunks = new ArrayDeque<>(BulkEncoder.chunk(items, maxBytes, maxActions));
        String stopCause = null;
        while (!chunks.isEmpty()) {
            List<BulkItem> chunk = chunks.poll();
            if (stopCause == null) {
                stopCause = send(chunk, chunks, deadline, outcomes);
            } else {
                markRetryable(chunk, outcomes, "not sent: " + stopCause);
            }
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                throw new IllegalStateException("no outcome for record " + i);
            }
        }
        return Arrays.asList(outcomes);
    }

    /**
     * Sends one chunk until every item has a final outcome or retries run out.
     *
     * @return {@code null} when every item is settled, else why the rest were left {@code Retryable}
     */
    private String send(List<BulkItem> chunk, Deque<List<BulkItem>> chunks, Deadline deadline,
            DeliveryOutcome[] outcomes) {
        List<BulkItem> pending = chunk;
        String cause = "deadline reached before sending";
        for (int attempt = 1; ; attempt++) {
            if (deadline.isExpired()) {
                markRetryable(pending, outcomes, cause);
                return cause;
            }
            HttpResult result;
            try {
                result = transport.send(bulkCall(pending, deadline));
            } catch (IOException e) {
                result = null;
                cause = "_bulk request failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (result != null) {
                int status = result.status();
                if (result.successful()) {
                    List<BulkItem> retry = new ArrayList<>();
                    cause = classifyItems(pending, result, outcomes, retry);
                    pending = retry;
                    if (pending.isEmpty()) {
                        return null;
                    }
                } else if (status == PAYLOAD_TOO_LARGE) {
                    if (pending.size() == 1) {
                        BulkItem item = pending.get(0);
                        outcomes[item.position()] = new DeliveryOutcome.Diverted(
                                RejectReason.RECORD_TOO_LARGE_FOR_TARGET,
                                "OpenSearch answered 413 to a _bulk request of this one record ("
                                        + item.encodedSize() + " bytes)");
                        return null;
                    }
                    int half = pending.size() / 2;
                    chunks.addFirst(List.copyOf(pending.subList(half, pending.size())));
                    chunks.addFirst(List.copyOf(pending.subList(0, half)));
                    return null;
                } else if (status == 401 || status == 403) {
                    throw new FatalException(accessDenied(status, result));
                } else if (status == ItemVerdict.TOO_MANY_REQUESTS || status >= 500) {
                    cause = "_bulk request answered HTTP " + status + " " + errorSummary(result);
                } else {
                    throw new FatalException("OpenSearch refused the _bulk request with HTTP " + status + " "
                            + errorSummary(result) + "; check ES_HOST and the cluster's API compatibility");
                }
            }
            if (!backoff.canRetry(attempt) || !backoff.sleepBeforeRetry(attempt, deadline)) {
                markRetryable(pending, outcomes, cause);
                return cause;
            }
        }
    }

    /** Sets outcomes of settled items; adds items to retry to {@code retry}; returns the last retry cause. */
    private static String classifyItems(List<BulkItem> pending, HttpResult result, DeliveryOutcome[] outcomes,
            List<BulkItem> retry) {
        BulkResponse response;
        try {
            response = BulkResponseParser.parse(result.body(), 0, result.body().length);
        } catch (IOException e) {
            retry.addAll(pending);
            return "unreadable _bulk response: " + e.getMessage();
        }
        if (!response.errors()) {
            for (BulkItem item : pending) {
                outcomes[item.position()] = DeliveryOutcome.DELIVERED;
            }
            return null;
        }
        if (response.items().size() != pending.size()) {
            retry.addAll(pending);
            return "_bulk response has " + response.items().size() + " items for " + pending.size() + " actions";
        }
        String cause = null;
        for (int k = 0; k < pending.size(); k++) {
            BulkItem item = pending.get(k);
            ItemVerdict verdict = ItemVerdict.of(response.items().get(k));
            if (verdict instanceof ItemVerdict.Accepted) {
                outcomes[item.position()] = DeliveryOutcome.DELIVERED;
            } else if (verdict instanceof ItemVerdict.Refused refused) {
                outcomes[item.position()] = new DeliveryOutcome.Diverted(RejectReason.REJECTED_BY_SINK,
                        refused.detail());
            } else if (verdict instanceof ItemVerdict.RetryLater later) {
                retry.add(item);
                cause = later.cause();
            } else if (verdict instanceof ItemVerdict.Misconfigured misconfigured) {
                throw new FatalException(misconfigured.message());
            } else {
                throw new AssertionError("unknown verdict " + verdict);
            }
        }
        return cause;
    }

    private HttpCall bulkCall(List<BulkItem> items, Deadline deadline) {
        BulkEncoder.encode(items, body);
        Duration timeout = deadline.remaining().compareTo(requestTimeout) < 0 ? deadline.remaining() : requestTimeout;
        if (!gzip) {
            return new HttpCall("POST", BULK_PATH, NDJSON, body.array(), body.size(), false, timeout);
        }
        compressed.reset();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed, 64 * 1024)) {
            out.write(body.array(), 0, body.size());
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return new HttpCall("POST", BULK_PATH, NDJSON, compressed.array(), compressed.size(), true, timeout);
    }

    private static void markRetryable(List<BulkItem> items, DeliveryOutcome[] outcomes, String cause) {
        DeliveryOutcome retryable = new DeliveryOutcome.Retryable(cause);
        for (BulkItem item : items) {
            outcomes[item.position()] = retryable;
        }
    }

    static String accessDenied(int status, HttpResult result) {
        return "OpenSearch answered HTTP " + status + " " + errorSummary(result) + ": the function is not allowed"
                + " to write. Likely causes: the domain's access policy does not allow the function's role"
                + " (es:ESHttpPost, es:ESHttpPut on the domain ARN), fine-grained access control does not map the role"
                + " to a role with write and create_index permissions on the index pattern, an OpenSearch"
                + " Serverless data access policy lacks aoss:WriteDocument/aoss:CreateIndex, ES_SIGV4_SERVICE does"
                + " not match the endpoint (es for domains, aoss for Serverless), or ES_AUTH=basic credentials are"
                + " wrong";
    }

    /** The error type and reason of an error response, without anything else from the body. */
    static String errorSummary(HttpResult result) {
        String text = result.bodyText();
        if (text.length() > OpenSearchLimits.MAX_REASON_CHARS) {
            text = text.substring(0, OpenSearchLimits.MAX_REASON_CHARS) + "...";
        }
        return text.isEmpty() ? "(empty body)" : "(" + text.replace('\n', ' ') + ")";
    }
}
