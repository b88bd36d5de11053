package io.github.logway.elb;

import java.util.Arrays;

/**
 * Splits one access-log line into its space-separated fields, positionally, as the ALB and Classic ELB
 * documentation describes them: a field is either a run of non-space bytes or a double-quoted string (which may
 * hold spaces and {@code \"} escapes) followed by a space or the end of the line.
 *
 * <p>Works on the line's UTF-8 bytes without copying them. Reused line after line; not thread-safe.
 */
final class FieldTokenizer {

    /** Fields kept per line; a line with more is malformed (today's ALB format has 33). */
    static final int MAX_FIELDS = 128;

    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private final boolean[] quoted = new boolean[MAX_FIELDS];
    private final boolean[] escaped = new boolean[MAX_FIELDS];
    private byte[] line;
    private int count;
    private String error;
    private boolean nonAscii;

    /**
     * Splits {@code line[offset .. offset + length)}.
     *
     * @return {@code false} when the line is malformed; {@link #error()} says why
     */
    boolean tokenize(byte[] bytes, int offset, int length) {
        this.line = bytes;
        this.count = 0;
        this.error = null;
        this.nonAscii = false;
        int end = offset + length;
        int i = offset;
        if (length == 0) {
            error = "empty line";
            return false;
        }
        while (true) {
            if (count == MAX_FIELDS) {
                error = "more than " + MAX_FIELDS + " fields";
                return false;
            }
            if (i < end && bytes[i] == '"') {
                int close = closingQuote(bytes, i + 1, end);
                if (close < 0) {
                    error = "field " + (count + 1) + " has no closing quote";
                    return false;
                }
                add(i + 1, close, true);
                i = close + 1;
                if (i < end && bytes[i] != ' ') {
                    error = "field " + count + " has text after its closing quote";
                    return false;
                }
            } else {
                int space = i;
                byte seen = 0;
                while (space < end && bytes[space] != ' ') {
                    seen |= bytes[space];
                    space++;
                }
                if (seen < 0) {
                    nonAscii = true;
                }
                add(i, space, false);
                i = space;
            }
            if (i >= end) {
                return true;
            }
            i++; // the separating space
            if (i == end) {
                // A trailing space ends the line with an empty field: tolerated, ignored.
                return true;
            }
        }
    }

    private int closingQuote(byte[] bytes, int from, int end) {
        boolean sawEscape = false;
        for (int i = from; i < end; i++) {
            byte b = bytes[i];
            if (b < 0) {
                nonAscii = true;
            }
            if (b == '\\' && i + 1 < end && (bytes[i + 1] == '"' || bytes[i + 1] == '\\')) {
                sawEscape = true;
                i++;
            } else if (b == '"') {
                escaped[count] = sawEscape;
                return i;
            }
        }
        return -1;
    }

    private void add(int start, int end, boolean isQuoted) {
        starts[count] = start;
        ends[count] = end;
        quoted[count] = isQuoted;
        if (!isQuoted) {
            escaped[count] = false;
        }
        count++;
    }

    int count() {
        return count;
    }

    /** Whether the line tokenized last holds a byte outside ASCII (it must then be checked as UTF-8). */
    boolean hasNonAscii() {
        return nonAscii;
    }

    String error() {
        return error;
    }

    byte[] line() {
        return line;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    int length(int field) {
        return ends[field] - starts[field];
    }

    boolean isQuoted(int field) {
        return quoted[field];
    }

    /** Whether the quoted field holds {@code \"} or {@code \\} escapes. */
    boolean hasEscapes(int field) {
        return escaped[field];
    }

    /** Whether the field is {@code -} (quoted or not): the log's way of saying "no value". */
    boolean isDash(int field) {
        return ends[field] - starts[field] == 1 && line[starts[field]] == '-';
    }

    /** The field's bytes with {@code \"} and {@code \\} unescaped. */
    byte[] unescaped(int field) {
        byte[] out = new byte[length(field)];
        int n = 0;
        for (int i = starts[field]; i < ends[field]; i++) {
            byte b = line[i];
            if (b == '\\' && i + 1 < ends[field] && (line[i + 1] == '"' || line[i + 1] == '\\')) {
                i++;
                b = line[i];
            }
            out[n++] = b;
        }
        return Arrays.copyOf(out, n);
    }
}
