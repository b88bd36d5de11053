package io.github.logway.local.audit;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens an S3 object body as plain text, whichever way kinesis-to-s3 compressed it ({@code S3_COMPRESSION}:
 * gzip, zstd or none): by the object's {@code Content-Encoding}, else by the magic bytes.
 */
final class ObjectBodies {

    /** gzip's magic bytes, RFC 1952. */
    private static final int[] GZIP_MAGIC = {0x1F, 0x8B};
    /** A zstd frame's magic number 0xFD2FB528, little-endian (RFC 8878). */
    private static final int[] ZSTD_MAGIC = {0x28, 0xB5, 0x2F, 0xFD};
    private static final int BUFFER_BYTES = 64 * 1024;

    private ObjectBodies() {}

    /** How a body is compressed. */
    enum Encoding { GZIP, ZSTD, PLAIN }

    /**
     * The decoded body.
     *
     * @param body the raw body; closed with the returned stream
     * @param contentEncoding the object's {@code Content-Encoding}, may be null
     * @return a stream of the uncompressed bytes
     * @throws IOException when the body cannot be read or its header is corrupt
     */
    static InputStream open(InputStream body, String contentEncoding) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(body, BUFFER_BYTES);
        Encoding encoding = byContentEncoding(contentEncoding);
        if (encoding == null) {
            encoding = sniff(buffered);
        }
        return switch (encoding) {
            case GZIP -> new GZIPInputStream(buffered, BUFFER_BYTES);
            case ZSTD -> new ZstdInputStreamNoFinalizer(buffered);
            case PLAIN -> buffered;
        };
    }

    /** The encoding a {@code Content-Encoding} header names, or null when it names none of them. */
    static Encoding byContentEncoding(String contentEncoding) {
        if (contentEncoding == null) {
            return null;
        }
        return switch (contentEncoding.trim().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> Encoding.GZIP;
            case "zstd" -> Encoding.ZSTD;
            default -> null;
        };
    }

    /** The encoding the first bytes show; leaves the stream where it was. */
    static Encoding sniff(BufferedInputStream in) throws IOException {
        in.mark(ZSTD_MAGIC.length);
        int[] head = new int[ZSTD_MAGIC.length];
        int read = 0;
        while (read < head.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head[read++] = b;
        }
        in.reset();
        if (startsWith(head, read, ZSTD_MAGIC)) {
            return Encoding.ZSTD;
        }
        if (startsWith(head, read, GZIP_MAGIC)) {
            return Encoding.GZIP;
        }
        return Encoding.PLAIN;
    }

    private static boolean startsWith(int[] head, int length, int[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
