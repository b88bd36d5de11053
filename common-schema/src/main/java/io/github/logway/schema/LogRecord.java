package io.github.logway.schema;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A valid log event: its original bytes (a slice of a shared buffer, never re-serialised) and the three
 * validated schema fields.
 *
 * <p>The bytes are the JSON object exactly as produced, without a trailing newline. Sinks write them unchanged.
 */
public final class LogRecord {

    private final byte[] buffer;
    private final int offset;
    private final int length;
    private final String logType;
    private final String logId;
    private final long timeEpochNanos;
    private final EventRef ref;

    public LogRecord(
            byte[] buffer, int offset, int length, String logType, String logId, long timeEpochNanos, EventRef ref) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.logType = Objects.requireNonNull(logType, "logType");
        this.logId = Objects.requireNonNull(logId, "logId");
        this.timeEpochNanos = timeEpochNanos;
        this.ref = Objects.requireNonNull(ref, "ref");
    }

    /** The shared buffer holding this record's bytes at {@link #offset()}; do not modify. */
    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    /** Length of the original JSON in bytes. */
    public int length() {
        return length;
    }

    /** A fresh copy of the original bytes. */
    public byte[] copyBytes() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    /** Writes the original bytes (no newline). */
    public void writeTo(OutputStream out) throws IOException {
        out.write(buffer, offset, length);
    }

    /** The original JSON as a string (tests and diagnostics; sinks use the bytes). */
    public String text() {
        return new String(buffer, offset, length, StandardCharsets.UTF_8);
    }

    public String logType() {
        return logType;
    }

    public String logId() {
        return logId;
    }

    /** The event time in nanoseconds since the epoch (UTC). */
    public long timeEpochNanos() {
        return timeEpochNanos;
    }

    /** The event time in milliseconds since the epoch, rounded down. */
    public long timeEpochMillis() {
        return Math.floorDiv(timeEpochNanos, 1_000_000L);
    }

    public Instant time() {
        return Instant.ofEpochSecond(Math.floorDiv(timeEpochNanos, 1_000_000_000L),
                Math.floorMod(timeEpochNanos, 1_000_000_000L));
    }

    public EventRef ref() {
        return ref;
    }

    public RecordSource source() {
        return ref.source();
    }

    @Override
    public String toString() {
        return "LogRecord[logType=" + logType + ", logId=" + logId + ", time=" + time() + ", bytes=" + length
                + ", ref=" + ref + "]";
    }
}
