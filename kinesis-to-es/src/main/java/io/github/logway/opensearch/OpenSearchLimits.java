package io.github.logway.opensearch;

/** Service limits and defaults of the OpenSearch sink, each with the limit it follows. */
final class OpenSearchLimits {

    /**
     * Default {@code BULK_MAX_BYTES}: 10 MiB. Amazon OpenSearch Service's smallest instance types accept HTTP
     * request payloads of 10 MiB and answer 413 above; larger types accept 100 MiB.
     */
    static final int DEFAULT_BULK_MAX_BYTES = 10 * 1024 * 1024;

    /** Largest {@code BULK_MAX_BYTES}: 100 MiB, the HTTP payload limit of the largest managed instance types. */
    static final int LARGEST_BULK_MAX_BYTES = 100 * 1024 * 1024;

    /** Smallest {@code BULK_MAX_BYTES}: 1 KiB, so one action line and a small document always fit. */
    static final int SMALLEST_BULK_MAX_BYTES = 1024;

    /** Default {@code BULK_MAX_ACTIONS}: 500 documents per {@code _bulk} request, a common sweet spot. */
    static final int DEFAULT_BULK_MAX_ACTIONS = 500;

    /** Largest {@code BULK_MAX_ACTIONS}: 10,000, beyond which a request is mostly waiting on one shard. */
    static final int LARGEST_BULK_MAX_ACTIONS = 10_000;

    /** Default {@code ES_REQUEST_TIMEOUT_MS}: 30 s, under the 60 s idle timeout of the managed service's load balancer. */
    static final int DEFAULT_REQUEST_TIMEOUT_MILLIS = 30_000;

    /** Largest {@code ES_REQUEST_TIMEOUT_MS}: 900,000 ms, Lambda's maximum function timeout of 15 minutes. */
    static final int LARGEST_REQUEST_TIMEOUT_MILLIS = 900_000;

    /** Connect timeout: 10 s. A reachable domain answers a TCP handshake in milliseconds. */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    /**
     * Connect timeout of the cold-start OpenSearch Serverless control-plane call ({@code BatchGetCollection}): 1 s.
     * With {@link #CONTROL_PLANE_RESPONSE_TIMEOUT_MILLIS}, the call takes at most 3 s of Lambda's 10 s init phase.
     */
    static final int CONTROL_PLANE_CONNECT_TIMEOUT_MILLIS = 1_000;

    /** Response timeout of the cold-start {@code BatchGetCollection} call: 2 s; the API answers in milliseconds. */
    static final int CONTROL_PLANE_RESPONSE_TIMEOUT_MILLIS = 2_000;

    /** Largest {@code ES_RETENTION_DAYS}: 36,500 days (100 years); 0 turns retention off. */
    static final int LARGEST_RETENTION_DAYS = 36_500;

    /** OpenSearch index names are at most 255 bytes (UTF-8). */
    static final int MAX_INDEX_NAME_BYTES = 255;

    /** Pooled connections per route: a Lambda invocation sends one {@code _bulk} request at a time. */
    static final int MAX_CONNECTIONS_PER_ROUTE = 4;

    /** Longest error reason kept in a failed-log detail, in characters; OpenSearch reasons can quote the document. */
    static final int MAX_REASON_CHARS = 1_000;

    private OpenSearchLimits() {}
}
