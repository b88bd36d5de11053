package io.github.logway.opensearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code _bulk} response bodies with Jackson's streaming parser. When {@code errors} is {@code false} and
 * comes before {@code items} (as OpenSearch and Elasticsearch write it) the items are not read at all.
 */
final class BulkResponseParser {

    private static final JsonFactory JSON = new JsonFactory();

    private BulkResponseParser() {}

    /**
     * Parses a response body.
     *
     * @param body the bytes
     * @param offset where the JSON starts
     * @param length its length
     * @return the response
     * @throws IOException when the body is not a {@code _bulk} response
     */
    static BulkResponse parse(byte[] body, int offset, int length) throws IOException {
        try (JsonParser parser = JSON.createParser(body, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a _bulk response must be a JSON object");
            }
            Boolean errors = null;
            List<BulkItemResult> items = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("errors")) {
                    errors = value == JsonToken.VALUE_TRUE;
                    if (!errors && items == null) {
                        return new BulkResponse(false, List.of());
                    }
                } else if (field.equals("items") && value == JsonToken.START_ARRAY) {
                    items = readItems(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (errors == null || items == null && errors) {
                throw new IOException("a _bulk response needs 'errors' and, with errors, 'items'");
            }
            return new BulkResponse(errors, items == null ? List.of() : items);
        }
    }

    private static List<BulkItemResult> readItems(JsonParser parser) throws IOException {
        List<BulkItemResult> items = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            // {"create": {...}} (or index/update/delete): one field whose value is the result
            BulkItemResult result = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    result = readResult(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (result == null) {
                throw new IOException("a _bulk item without a result object");
            }
            items.add(result);
        }
        return items;
    }

    private static BulkItemResult readResult(JsonParser parser) throws IOException {
        int status = -1;
        String type = "";
        String reason = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("status") && value == JsonToken.VALUE_NUMBER_INT) {
                status = parser.getIntValue();
            } else if (field.equals("error") && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String errorField = parser.currentName();
                    JsonToken errorValue = parser.nextToken();
                    if (errorField.equals("type") && errorValue == JsonToken.VALUE_STRING) {
                        type = parser.getText();
                    } else if (errorField.equals("reason") && errorValue == JsonToken.VALUE_STRING) {
                        reason = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
            } else if (field.equals("error") && value == JsonToken.VALUE_STRING) {
                reason = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        if (status < 0) {
            throw new IOException("a _bulk item result without a status");
        }
        return new BulkItemResult(status, type, reason);
    }
}
