package io.github.logway.opensearch;

import java.util.Objects;

/** What the sink does with one {@code _bulk} item result (PRODUCT.md §5). */
sealed interface ItemVerdict {

    /** Stored, or already there (409 of {@code create}): delivered. */
    record Accepted() implements ItemVerdict {}

    /** Throttled (429) or a server error (5xx): send the item again after a backoff. */
    record RetryLater(String cause) implements ItemVerdict {
        public RetryLater {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** Refused for good (mapping conflict, bad document): divert with OpenSearch's error. */
    record Refused(String detail) implements ItemVerdict {
        public Refused {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** A refusal that is the configuration's fault, not the record's: fail the invocation with this message. */
    record Misconfigured(String message) implements ItemVerdict {
        public Misconfigured {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The shared instance of {@link Accepted}. */
    ItemVerdict ACCEPTED = new Accepted();

    /** HTTP 409 on {@code create}: a document with this {@code _id} exists. */
    int CONFLICT = 409;

    /** HTTP 429: the node's write queue is full. */
    int TOO_MANY_REQUESTS = 429;

    /**
     * What OpenSearch Serverless time-series collections answer to an action carrying {@code _id} (the wording
     * of the AWS documentation; checked by substring, case-insensitively).
     */
    String SERVERLESS_ID_REFUSAL = "document id is not supported";

    /**
     * Classifies one item.
     *
     * @param result the item result
     * @return the verdict
     */
    static ItemVerdict of(BulkItemResult result) {
        int status = result.status();
        if (status >= 200 && status < 300 || status == CONFLICT) {
            return ACCEPTED;
        }
        String detail = describe(result);
        if (status == TOO_MANY_REQUESTS || status >= 500) {
            return new RetryLater("HTTP " + status + " " + detail);
        }
        if (result.reason().toLowerCase(java.util.Locale.ROOT).contains(SERVERLESS_ID_REFUSAL)) {
            return new Misconfigured("OpenSearch refused a document id (" + detail + "): an OpenSearch Serverless"
                    + " time-series collection accepts no _id; set ES_DOCUMENT_ID=none (and lose idempotency) or"
                    + " use a search collection");
        }
        return new Refused(detail);
    }

    /** {@code <error type>: <reason>}, cut to a bounded length. */
    static String describe(BulkItemResult result) {
        String text = result.errorType().isEmpty() && result.reason().isEmpty()
                ? "status " + result.status()
                : result.errorType() + ": " + result.reason();
        return text.length() <= OpenSearchLimits.MAX_REASON_CHARS
                ? text
                : text.substring(0, OpenSearchLimits.MAX_REASON_CHARS) + "...";
    }
}
