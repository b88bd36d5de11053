package io.github.logway.elb;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a stream into lines without holding more than one line (plus a read buffer) in memory.
 *
 * <p>After {@link #next()} returns {@code true}, the current line is {@code buffer()[offset() .. offset() +
 * length())}, without its {@code \n} or {@code \r\n}; it stays valid until the next call. {@link #lineStart()} is
 * the number of stream bytes before the line, so a plain-text object can be resumed there with a ranged GET. A
 * line longer than {@code maxLineBytes} is cut to that size and flagged {@link #truncated()}; the rest of it is
 * read and dropped, so one huge line never exhausts memory.
 *
 * <p>Not thread-safe.
 */
public final class LineReader implements Closeable {

    /** Bytes read from the stream at once: 64 KiB. */
    static final int READ_BUFFER_BYTES = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf = new byte[READ_BUFFER_BYTES];
    /** Start of unconsumed bytes in {@link #buf}. */
    private int pos;
    /** End of valid bytes in {@link #buf}. */
    private int limit;
    /** Stream bytes before {@code buf[pos]}. */
    private long consumed;
    private boolean eof;

    /** The array holding the current line: {@link #buf}, or a copy for a cut line. */
    private byte[] lineBuffer = buf;
    private int lineOffset;
    private int lineLength;
    private long lineStart;
    private boolean truncated;

    /**
     * @param in the stream, already decompressed; closed by {@link #close()}
     * @param maxLineBytes the longest line kept whole, at least 1
     */
    public LineReader(InputStream in, int maxLineBytes) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Advances to the next line.
     *
     * @return {@code false} at the end of the stream (a final line without a newline is still returned)
     * @throws IOException from the stream (a broken connection, corrupt gzip)
     */
    public boolean next() throws IOException {
        truncated = false;
        lineStart = consumed;
        int scanned = 0;
        while (true) {
            int newline = indexOfNewline(pos + scanned, limit);
            if (newline >= 0) {
                if (newline - pos > maxLineBytes + 1) {
                    cutLongLine();
                } else {
                    finishLine(pos, newline, newline + 1);
                }
                return true;
            }
            if (limit - pos > maxLineBytes + 1) {
                cutLongLine();
                return true;
            }
            if (eof) {
                if (pos == limit) {
                    lineBuffer = buf;
                    lineOffset = pos;
                    lineLength = 0;
                    return false;
                }
                finishLine(pos, limit, limit);
                return true;
            }
            scanned = limit - pos;
            fill();
        }
    }

    /** Keeps the first {@code maxLineBytes} of the current line in their own array and drops the rest of it. */
    private void cutLongLine() throws IOException {
        byte[] kept = Arrays.copyOfRange(buf, pos, pos + maxLineBytes);
        while (true) {
            int newline = indexOfNewline(pos, limit);
            if (newline >= 0) {
                consumed += newline + 1 - pos;
                pos = newline + 1;
                break;
            }
            consumed += limit - pos;
            pos = limit;
            if (eof) {
                break;
            }
            fill();
        }
        lineBuffer = kept;
        lineOffset = 0;
        lineLength = kept.length;
        truncated = true;
    }

    /**
     * Skips {@code count} lines without returning them (resuming a gzip object: the lines already sent are
     * skipped unparsed).
     *
     * @return the lines skipped, less than {@code count} only when the stream ends first
     */
    public long skipLines(long count) throws IOException {
        long skipped = 0;
        boolean insideLine = false;
        while (skipped < count) {
            int newline = indexOfNewline(pos, limit);
            if (newline >= 0) {
                consumed += newline + 1 - pos;
                pos = newline + 1;
                skipped++;
                insideLine = false;
                continue;
            }
            if (pos < limit) {
                insideLine = true;
                consumed += limit - pos;
                pos = limit;
            }
            if (eof) {
                return insideLine ? skipped + 1 : skipped;
            }
            fill();
        }
        return skipped;
    }

    public byte[] buffer() {
        return lineBuffer;
    }

    public int offset() {
        return lineOffset;
    }

    public int length() {
        return lineLength;
    }

    /** Whether the current line was longer than the limit and is cut. */
    public boolean truncated() {
        return truncated;
    }

    /** Stream bytes before the current line. */
    public long lineStart() {
        return lineStart;
    }

    /** Stream bytes consumed so far: the start of the next line. */
    public long consumed() {
        return consumed;
    }

    /** A copy of the current line. */
    public byte[] copyLine() {
        return Arrays.copyOfRange(lineBuffer, lineOffset, lineOffset + lineLength);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void finishLine(int start, int end, int next) {
        int contentEnd = end;
        if (contentEnd > start && buf[contentEnd - 1] == '\r') {
            contentEnd--;
        }
        lineBuffer = buf;
        lineOffset = start;
        lineLength = contentEnd - start;
        consumed += next - pos;
        pos = next;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads more bytes, moving the unconsumed ones to the start of the buffer first. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

}
