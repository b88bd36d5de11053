package io.github.logway.opensearch;

import io.github.logway.core.config.ConfigException;
import io.github.logway.core.log.JsonLogger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cold-start check of {@code ES_DOCUMENT_ID} against the type of the OpenSearch Serverless collection
 * (PRODUCT.md §3 and §5): a time-series collection refuses client-supplied document ids, so {@code
 * ES_DOCUMENT_ID=log_id} there fails the cold start with a {@link ConfigException} saying what to set, instead of
 * failing the first invocation.
 *
 * <p>The type comes from the control plane ({@code aoss:BatchGetCollection}). The check is advisory: when the
 * call is denied, fails or times out, one warning is logged and the function starts; a refused document id is
 * then still caught at the first {@code _bulk} answer ({@link ItemVerdict.Misconfigured}).
 */
final class ServerlessCollectionCheck {

    /** The IAM action the check needs. */
    static final String PERMISSION = "aoss:BatchGetCollection";

    /** Looks up one collection on the control plane. */
    @FunctionalInterface
    interface Lookup {
        CollectionLookup lookUp(ServerlessCollection collection);
    }

    private static final String NOT_CHECKED = "OpenSearch Serverless collection type not checked";
    private static final String FALLBACK = "a document id refused by a time-series collection fails the first"
            + " invocation instead";

    private final Lookup lookup;
    private final JsonLogger logger;

    ServerlessCollectionCheck(Lookup lookup, JsonLogger logger) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /**
     * Runs the check when the configuration targets OpenSearch Serverless ({@code ES_AUTH=sigv4},
     * {@code ES_SIGV4_SERVICE=aoss}); does nothing otherwise.
     *
     * @param config the configuration
     * @return what the control plane said, or empty when nothing was asked
     * @throws ConfigException when the collection is a time-series collection and {@code ES_DOCUMENT_ID=log_id}
     */
    Optional<CollectionLookup> run(KinesisToOpenSearchConfig config) {
        if (!config.serverless()) {
            return Optional.empty();
        }
        Optional<ServerlessCollection> collection = ServerlessCollection.ofEndpoint(config.endpoint());
        if (collection.isEmpty()) {
            logger.warn(NOT_CHECKED, Map.of("reason", KinesisToOpenSearchConfig.ES_HOST + " " + config.endpoint().getHost()
                    + " is not a collection endpoint <collection-id>.<region>.aoss.amazonaws.com", "fallback", FALLBACK));
            return Optional.empty();
        }
        String id = collection.get().id();
        CollectionLookup answer = lookup.lookUp(collection.get());
        if (answer instanceof CollectionLookup.Found found) {
            checkType(id, found.type(), config.documentId());
        } else if (answer instanceof CollectionLookup.AccessDenied denied) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("collection_id", id);
            fields.put("missing_permission", PERMISSION);
            fields.put("error", denied.detail());
            fields.put("fallback", FALLBACK);
            logger.warn(NOT_CHECKED + ": the function's role lacks " + PERMISSION, fields);
        } else if (answer instanceof CollectionLookup.Unavailable unavailable) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("collection_id", id);
            fields.put("permission", PERMISSION);
            fields.put("error", unavailable.detail());
            fields.put("fallback", FALLBACK);
            logger.warn(NOT_CHECKED, fields);
        } else {
            throw new AssertionError("unknown lookup " + answer);
        }
        return Optional.of(answer);
    }

    private void checkType(String id, String type, DocumentIdMode documentId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("collection_id", id);
        fields.put("collection_type", type);
        fields.put("document_id", documentId.name().toLowerCase(java.util.Locale.ROOT));
        if (type.equals(CollectionLookup.TIMESERIES) && documentId == DocumentIdMode.LOG_ID) {
            throw new ConfigException(List.of(KinesisToOpenSearchConfig.ES_DOCUMENT_ID + "='log_id': collection " + id
                    + " is an OpenSearch Serverless time-series collection, which refuses client-supplied document ids;"
                    + " set " + KinesisToOpenSearchConfig.ES_DOCUMENT_ID + "=none (OpenSearch then generates the ids,"
                    + " so records Lambda re-delivers or replay sends again are indexed twice) or index into a search"
                    + " collection"));
        }
        if (documentId == DocumentIdMode.NONE && type.equals(CollectionLookup.SEARCH)) {
            logger.warn(KinesisToOpenSearchConfig.ES_DOCUMENT_ID + "=none on a search collection: re-delivered records"
                    + " are indexed twice; " + KinesisToOpenSearchConfig.ES_DOCUMENT_ID + "=log_id would make indexing"
                    + " idempotent", fields);
            return;
        }
        if (documentId == DocumentIdMode.LOG_ID && !type.equals(CollectionLookup.SEARCH)) {
            logger.warn("OpenSearch Serverless collection of type " + type + " may refuse client-supplied document"
                    + " ids; if the first invocation fails on a refused document id, set "
                    + KinesisToOpenSearchConfig.ES_DOCUMENT_ID + "=none", fields);
            return;
        }
        logger.info("OpenSearch Serverless collection type checked", fields);
    }
}
