package io.github.logway.opensearch;

import java.util.List;

/**
 * A parsed {@code _bulk} response body.
 *
 * @param errors the top-level {@code errors} flag: {@code false} means every item succeeded
 * @param items the item results in request order; empty when {@code errors} is {@code false} (not read)
 */
record BulkResponse(boolean errors, List<BulkItemResult> items) {

    BulkResponse {
        items = List.copyOf(items);
    }
}
