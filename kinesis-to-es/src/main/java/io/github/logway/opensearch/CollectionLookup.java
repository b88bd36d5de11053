package io.github.logway.opensearch;

import java.util.Objects;

/** What the OpenSearch Serverless control plane said about one collection ({@code BatchGetCollection}). */
sealed interface CollectionLookup {

    /** The collection type of a search collection: accepts client-supplied document ids. */
    String SEARCH = "SEARCH";

    /** The collection type of a time-series collection: refuses client-supplied document ids. */
    String TIMESERIES = "TIMESERIES";

    /** The collection type of a vector search collection. */
    String VECTORSEARCH = "VECTORSEARCH";

    /**
     * The collection exists.
     *
     * @param type its type as AWS writes it ({@link #SEARCH}, {@link #TIMESERIES}, {@link #VECTORSEARCH}), kept as
     *     text so that a type added later does not fail the cold start
     */
    record Found(String type) implements CollectionLookup {
        public Found {
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * The role may not call {@code aoss:BatchGetCollection} (HTTP 403, {@code AccessDeniedException}).
     *
     * @param detail the service's error type and message
     */
    record AccessDenied(String detail) implements CollectionLookup {
        public AccessDenied {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * No answer that says the type: a network error or timeout, another error status, an unknown collection id,
     * an unreadable body.
     *
     * @param detail what happened
     */
    record Unavailable(String detail) implements CollectionLookup {
        public Unavailable {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
