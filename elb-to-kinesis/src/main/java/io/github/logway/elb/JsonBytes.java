package io.github.logway.elb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal JSON writer into a reusable byte array, for the per-line hot path: field names are pre-encoded,
 * strings are copied from the line's UTF-8 bytes with only {@code "}, {@code \} and control characters escaped,
 * numbers are copied as they are (the caller checked their shape). Commas are placed automatically.
 *
 * <p>The caller guarantees valid UTF-8 input. Not thread-safe; {@link #reset()} before each record.
 */
final class JsonBytes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    /** Bytes a JSON string cannot hold as they are: {@code "}, {@code \\} and the control characters below 0x20. */
    private static final boolean[] NEEDS_ESCAPE = new boolean[256];

    static {
        for (int b = 0; b < 0x20; b++) {
            NEEDS_ESCAPE[b] = true;
        }
        NEEDS_ESCAPE['"'] = true;
        NEEDS_ESCAPE['\\'] = true;
    }

    private byte[] buf = new byte[2048];
    private int size;
    /** Whether the next value or name in the current container needs a comma before it. */
    private boolean needComma;

    void reset() {
        size = 0;
        needComma = false;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** A field name as written: {@code "name":}, pre-encoded once. */
    static byte[] name(String name) {
        StringBuilder text = new StringBuilder(name.length() + 3).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            } else if (c < 0x20) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.append("\":").toString().getBytes(StandardCharsets.UTF_8);
    }

    void startObject() {
        comma();
        put((byte) '{');
        needComma = false;
    }

    void endObject() {
        put((byte) '}');
        needComma = true;
    }

    void startArray() {
        put((byte) '[');
        needComma = false;
    }

    void endArray() {
        put((byte) ']');
        needComma = true;
    }

    /** Writes a pre-encoded {@code "name":}; a value must follow. */
    void field(byte[] encodedName) {
        comma();
        append(encodedName, 0, encodedName.length);
        needComma = false;
    }

    void nullValue() {
        comma();
        append(NULL, 0, NULL.length);
        needComma = true;
    }

    /** A number whose text is already valid JSON. */
    void number(byte[] bytes, int offset, int length) {
        comma();
        append(bytes, offset, length);
        needComma = true;
    }

    void string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        string(bytes, 0, bytes.length);
    }

    /** A string from UTF-8 bytes, escaped as JSON requires. Runs of plain bytes are copied in bulk. */
    void string(byte[] bytes, int offset, int length) {
        comma();
        ensure(length * 6 + 2);
        byte[] out = buf;
        int n = size;
        out[n++] = '"';
        int end = offset + length;
        int runStart = offset;
        for (int i = offset; i < end; i++) {
            if (NEEDS_ESCAPE[bytes[i] & 0xff]) {
                int run = i - runStart;
                System.arraycopy(bytes, runStart, out, n, run);
                n += run;
                n = escape(bytes[i], out, n);
                runStart = i + 1;
            }
        }
        int run = end - runStart;
        System.arraycopy(bytes, runStart, out, n, run);
        n += run;
        out[n++] = '"';
        size = n;
        needComma = true;
    }

    private static int escape(byte b, byte[] out, int n) {
        out[n++] = '\\';
        if (b == '"' || b == '\\') {
            out[n++] = b;
            return n;
        }
        out[n++] = 'u';
        out[n++] = '0';
        out[n++] = '0';
        out[n++] = HEX[(b >> 4) & 0x0f];
        out[n++] = HEX[b & 0x0f];
        return n;
    }

    private void comma() {
        if (needComma) {
            put((byte) ',');
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void append(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
