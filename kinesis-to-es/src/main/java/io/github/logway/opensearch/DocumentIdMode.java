package io.github.logway.opensearch;

/** {@code ES_DOCUMENT_ID}: what becomes a document's {@code _id}. */
public enum DocumentIdMode {
    /** {@code _id} = {@code log_id}: re-delivered records are 409 duplicates, so indexing is idempotent. */
    LOG_ID,
    /** No {@code _id}: OpenSearch generates one. Needed by Serverless time-series collections; not idempotent. */
    NONE
}
