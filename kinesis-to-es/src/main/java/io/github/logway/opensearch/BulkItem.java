package io.github.logway.opensearch;

import io.github.logway.schema.LogRecord;
import java.util.Objects;

/**
 * One {@code create} action of a {@code _bulk} request: the encoded action line and the record whose original
 * bytes are the source line.
 *
 * @param position the record's index in the sink's input (outcomes are matched by it)
 * @param index the target index
 * @param actionLine the UTF-8 action line including its trailing newline
 * @param record the record
 */
record BulkItem(int position, String index, byte[] actionLine, LogRecord record) {

    BulkItem {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(actionLine, "actionLine");
        Objects.requireNonNull(record, "record");
    }

    /** Bytes this item adds to a {@code _bulk} body: action line, source, newline. */
    int encodedSize() {
        return actionLine.length + record.length() + 1;
    }
}
