package io.github.logway.opensearch;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer whose array is handed to the HTTP client without copying. Reused across requests
 * and invocations by one sink (not thread-safe).
 */
final class ByteSink extends OutputStream {

    private byte[] bytes;
    private int size;

    ByteSink(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    /** Empties the buffer, keeping its capacity. */
    void reset() {
        size = 0;
    }

    /** Grows the array to hold at least {@code capacity} bytes. */
    void ensureCapacity(long capacity) {
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("buffer of " + capacity + " bytes is too large");
        }
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.max(capacity, Math.min(Integer.MAX_VALUE - 8L, bytes.length * 2L)));
        }
    }

    @Override
    public void write(int b) {
        ensureCapacity(size + 1L);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensureCapacity((long) size + length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Writes bytes with CR and LF replaced by spaces (same length): JSON whitespace, kept on one line. */
    void writeOneLine(byte[] source, int offset, int length) {
        ensureCapacity((long) size + length);
        int start = size;
        System.arraycopy(source, offset, bytes, start, length);
        size += length;
        for (int i = start; i < size; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                bytes[i] = ' ';
            }
        }
    }

    /** The backing array; valid bytes are {@code [0, size())}. */
    byte[] array() {
        return bytes;
    }

    /** Number of valid bytes. */
    int size() {
        return size;
    }

    /** A copy of the valid bytes. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
