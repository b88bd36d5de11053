package io.github.logway.opensearch;

import io.github.logway.schema.LogRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@code _bulk} NDJSON: per record a {@code create} action line ({@code _index}, {@code _id} = {@code
 * log_id} unless {@link DocumentIdMode#NONE}) and the record's original bytes as the source line, never
 * re-serialised. A record's JSON may contain line breaks between tokens (a pretty-printed object): they are
 * written as spaces, which keeps the document identical and one line long.
 *
 * <p>{@link BulkItem#encodedSize()} is exactly what {@link #encode} writes for the item, so chunks can be sized
 * before encoding.
 */
final class BulkEncoder {

    private static final byte[] CREATE_INDEX = "{\"create\":{\"_index\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "\",\"_id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_WITH_QUOTE = "\"}}\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final DocumentIdMode documentId;

    BulkEncoder(DocumentIdMode documentId) {
        this.documentId = Objects.requireNonNull(documentId, "documentId");
    }

    /**
     * The action of one record.
     *
     * @param position the record's index in the sink input
     * @param index the target index
     * @param record the record
     * @return the item with its encoded action line
     */
    BulkItem item(int position, String index, LogRecord record) {
        byte[] line = new byte[CREATE_INDEX.length + escapedLength(index) + END_WITH_QUOTE.length
                + (documentId == DocumentIdMode.LOG_ID ? ID.length + escapedLength(record.logId()) : 0)];
        int at = put(line, 0, CREATE_INDEX);
        at = putEscaped(line, at, index);
        if (documentId == DocumentIdMode.LOG_ID) {
            at = put(line, at, ID);
            at = putEscaped(line, at, record.logId());
        }
        at = put(line, at, END_WITH_QUOTE);
        if (at != line.length) {
            throw new AssertionError("action line length " + at + " != " + line.length);
        }
        return new BulkItem(position, index, line, record);
    }

    /**
     * Splits items into chunks of at most {@code maxBytes} encoded bytes and {@code maxActions} actions, in
     * order. Every item must fit alone ({@code encodedSize() <= maxBytes}).
     *
     * @param items the items, in order
     * @param maxBytes body cap in bytes
     * @param maxActions action cap
     * @return the chunks
     */
    static List<List<BulkItem>> chunk(List<BulkItem> items, int maxBytes, int maxActions) {
        List<List<BulkItem>> chunks = new ArrayList<>();
        List<BulkItem> current = new ArrayList<>();
        long currentBytes = 0;
        for (BulkItem item : items) {
            int size = item.encodedSize();
            if (size > maxBytes) {
                throw new IllegalArgumentException("item of " + size + " bytes exceeds the cap of " + maxBytes);
            }
            if (!current.isEmpty() && (current.size() == maxActions || currentBytes + size > maxBytes)) {
                chunks.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(item);
            currentBytes += size;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** The encoded size of a chunk: the sum of its items' sizes. */
    static long encodedSize(List<BulkItem> chunk) {
        long total = 0;
        for (BulkItem item : chunk) {
            total += item.encodedSize();
        }
        return total;
    }

    /**
     * Writes the NDJSON body of a chunk.
     *
     * @param chunk the items
     * @param body receives the bytes (reset first)
     */
    static void encode(List<BulkItem> chunk, ByteSink body) {
        body.reset();
        body.ensureCapacity(encodedSize(chunk));
        for (BulkItem item : chunk) {
            body.write(item.actionLine(), 0, item.actionLine().length);
            LogRecord record = item.record();
            body.writeOneLine(record.buffer(), record.offset(), record.length());
            body.write('\n');
        }
    }

    private static int put(byte[] target, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, target, at, bytes.length);
        return at + bytes.length;
    }

    /** Length of {@code text} as the UTF-8 content of a JSON string. */
    static int escapedLength(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                length += 2;
            } else if (c < 0x20) {
                length += 6;
            } else if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length += 3; // a lone surrogate is written as U+FFFD, 3 bytes
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static int putEscaped(byte[] target, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                target[at++] = '\\';
                target[at++] = (byte) c;
            } else if (c < 0x20) {
                target[at++] = '\\';
                target[at++] = 'u';
                target[at++] = '0';
                target[at++] = '0';
                target[at++] = HEX[c >> 4];
                target[at++] = HEX[c & 0xF];
            } else if (c < 0x80) {
                target[at++] = (byte) c;
            } else if (c < 0x800) {
                target[at++] = (byte) (0xC0 | (c >> 6));
                target[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                target[at++] = (byte) (0xF0 | (codePoint >> 18));
                target[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                target[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                target[at++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate cannot come from valid UTF-8 input; write U+FFFD (3 bytes) like a decoder would.
                target[at++] = (byte) 0xEF;
                target[at++] = (byte) 0xBF;
                target[at++] = (byte) 0xBD;
            } else {
                target[at++] = (byte) (0xE0 | (c >> 12));
                target[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                target[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return at;
    }
}
