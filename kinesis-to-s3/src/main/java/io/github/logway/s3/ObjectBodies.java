package io.github.logway.s3;

import io.github.logway.schema.LogRecord;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes the body of one object: the original log lines, each followed by {@code \n}, compressed with the
 * configured codec. Equal input gives byte-identical output (the gzip header carries no time), so a re-delivered
 * identical batch rewrites identical objects. Thread-safe: every call has its own compressor.
 */
final class ObjectBodies {

    /** Bytes gathered before one call into the compressor: fewer native calls than one per 500-byte line. */
    private static final int STAGING_BYTES = 64 * 1024;
    /** First guess of compressed size, as a fraction of the log text: JSON logs compress 5 to 15 times. */
    private static final int EXPECTED_RATIO = 6;
    private static final int MIN_OUTPUT_BYTES = 256;

    private final Compression compression;
    private final int level;

    ObjectBodies(Compression compression, int level) {
        this.compression = Objects.requireNonNull(compression, "compression");
        this.level = level;
    }

    /**
     * The body of the records at {@code indexes[from..to)} of {@code records}.
     *
     * @param textBytes the lines' bytes including their newlines (sizes the output buffer)
     */
    byte[] encode(List<LogRecord> records, int[] indexes, int from, int to, long textBytes) {
        if (compression == Compression.NONE) {
            return plain(records, indexes, from, to, textBytes);
        }
        ExposedOutput out = new ExposedOutput((int) Math.max(MIN_OUTPUT_BYTES, textBytes / EXPECTED_RATIO));
        try {
            OutputStream compressor = compression == Compression.GZIP
                    ? new LeveledGzipOutputStream(out, level)
                    : ZstdBodies.open(out, level);
            try (OutputStream lines = new BufferedOutputStream(compressor, STAGING_BYTES)) {
                for (int k = from; k < to; k++) {
                    records.get(indexes[k]).writeTo(lines);
                    lines.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory cannot fail", e);
        }
        return out.toExactArray();
    }

    private static byte[] plain(List<LogRecord> records, int[] indexes, int from, int to, long textBytes) {
        byte[] body = new byte[Math.toIntExact(textBytes)];
        int position = 0;
        for (int k = from; k < to; k++) {
            LogRecord record = records.get(indexes[k]);
            System.arraycopy(record.buffer(), record.offset(), body, position, record.length());
            position += record.length();
            body[position++] = '\n';
        }
        if (position != body.length) {
            throw new IllegalStateException("expected " + body.length + " bytes of text, wrote " + position);
        }
        return body;
    }

    /** gzip at a chosen level; the header is the JDK's fixed one (no name, no time). */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {

        LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
            super(out, STAGING_BYTES);
            def.setLevel(level);
        }
    }

    /** A byte array stream whose buffer is copied once, to its exact length, at the end. */
    private static final class ExposedOutput extends ByteArrayOutputStream {

        ExposedOutput(int initialBytes) {
            super(initialBytes);
        }

        byte[] toExactArray() {
            return buf.length == count ? buf : toByteArray();
        }
    }
}
