package io.github.logway.opensearch;

/**
 * The result of one action in a {@code _bulk} response.
 *
 * @param status the item's HTTP status
 * @param errorType {@code error.type}, or empty
 * @param reason {@code error.reason}, or empty
 */
record BulkItemResult(int status, String errorType, String reason) {

    /** An item with a 2xx status and no error. */
    static final BulkItemResult CREATED = new BulkItemResult(201, "", "");
}
