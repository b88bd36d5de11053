package io.github.logway.schema.decode;

import io.github.logway.schema.RejectReason;
import io.github.logway.schema.decode.InflateResult.InflateFailed;
import io.github.logway.schema.decode.InflateResult.Inflated;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Gzip sniffing and size-capped inflation of record data (PRODUCT.md §2: gzip, magic {@code 1F 8B}, decompressed
 * size capped).
 *
 * <p>The gzip container (RFC 1952) is read here: header flags, the CRC-32 and ISIZE trailer, and concatenated
 * members (what {@code cat a.gz b.gz} yields). The deflate body is inflated by {@link Inflater}, one per thread.
 * Output never grows past the cap: a gzip bomb is stopped as soon as it passes it.
 */
public final class GzipDecoder {

    /** ID1, the first gzip magic byte (RFC 1952 §2.3.1). */
    private static final int GZIP_ID1 = 0x1F;
    /** ID2, the second gzip magic byte (RFC 1952 §2.3.1). */
    private static final int GZIP_ID2 = 0x8B;
    /** CM value for deflate, the only compression method RFC 1952 defines. */
    private static final int GZIP_METHOD_DEFLATE = 8;
    /** Fixed part of a member header, bytes: ID1 ID2 CM FLG MTIME(4) XFL OS (RFC 1952 §2.3). */
    private static final int GZIP_FIXED_HEADER_BYTES = 10;
    /** Member trailer, bytes: CRC32(4) ISIZE(4), little-endian (RFC 1952 §2.3). */
    private static final int GZIP_TRAILER_BYTES = 8;
    /** FLG.FHCRC: a CRC16 of the header follows it (RFC 1952 §2.3.1). */
    private static final int FLAG_HEADER_CRC = 0x02;
    /** FLG.FEXTRA: an extra field of XLEN bytes follows (RFC 1952 §2.3.1). */
    private static final int FLAG_EXTRA = 0x04;
    /** FLG.FNAME: a zero-terminated file name follows (RFC 1952 §2.3.1). */
    private static final int FLAG_NAME = 0x08;
    /** FLG.FCOMMENT: a zero-terminated comment follows (RFC 1952 §2.3.1). */
    private static final int FLAG_COMMENT = 0x10;
    /** FLG bits 5 to 7 are reserved and must be zero (RFC 1952 §2.3.1). */
    private static final int FLAGS_RESERVED = 0xE0;
    /** XFL for maximum compression (RFC 1952 §2.3.1). */
    private static final int XFL_MAX_COMPRESSION = 2;
    /** XFL for fastest compression (RFC 1952 §2.3.1). */
    private static final int XFL_FASTEST = 4;
    /** OS value "unknown" (RFC 1952 §2.3.1): the output does not depend on the machine. */
    private static final int OS_UNKNOWN = 255;
    /** Deflate cannot expand data more than about 1032:1 (RFC 1951 length/distance limits), output bytes per input byte. */
    private static final long MAX_DEFLATE_EXPANSION_RATIO = 1032;
    /** Output buffer guess, output bytes per input byte, when the trailer gives no usable size hint. */
    private static final long INITIAL_EXPANSION_GUESS = 4;
    /** Smallest output buffer worth allocating, bytes. */
    private static final int MIN_OUTPUT_BUFFER_BYTES = 256;
    /** Largest byte array HotSpot allocates reliably (a few header words below {@code Integer.MAX_VALUE}). */
    private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    /** Chunk used by {@link #gzip} to drain the deflater, bytes. */
    private static final int DEFLATE_CHUNK_BYTES = 64 * 1024;

    /** Raw-deflate inflaters (the gzip framing is read here), one per thread, reset before each member. */
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private GzipDecoder() {
    }

    /**
     * Whether the bytes start with the gzip magic {@code 1F 8B}.
     *
     * @param data the buffer
     * @param offset where the record starts in {@code data}
     * @param length the record's length, bytes
     * @return true if {@code length >= 2} and the range starts with {@code 1F 8B}
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not lie inside {@code data}
     */
    public static boolean isGzip(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return length >= 2 && (data[offset] & 0xFF) == GZIP_ID1 && (data[offset + 1] & 0xFF) == GZIP_ID2;
    }

    /**
     * Inflates one or more concatenated gzip members, checking each member's header, CRC-32 and size.
     *
     * <p>Returns {@link InflateFailed} with {@link RejectReason#CORRUPT_GZIP} for anything that is not a complete,
     * intact gzip stream (truncated header, body or trailer; bad flags or method; invalid deflate data; CRC or
     * size mismatch; trailing bytes that are not another member), and with {@link RejectReason#GZIP_TOO_LARGE}
     * as soon as the output passes {@code maxDecompressedBytes}. The output buffer never grows past the cap.
     *
     * @param data the buffer
     * @param offset where the record starts in {@code data}
     * @param length the record's length, bytes
     * @param maxDecompressedBytes the largest accepted output, bytes (positive); output of exactly this size is
     *     accepted
     * @return the inflated bytes, or why they could not be inflated
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not lie inside {@code data}
     * @throws IllegalArgumentException if {@code maxDecompressedBytes} is not positive
     */
    public static InflateResult inflate(byte[] data, int offset, int length, int maxDecompressedBytes) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (maxDecompressedBytes <= 0) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive: " + maxDecompressedBytes);
        }
        Inflater inflater = INFLATERS.get();
        try {
            return new Inflation(data, offset, length, Math.min(maxDecompressedBytes, MAX_ARRAY_BYTES), inflater)
                    .run();
        } finally {
            inflater.reset(); // drops the reference to the input
        }
    }

    /**
     * Compresses bytes into one gzip member with a minimal header (no name, MTIME 0, OS unknown), so equal input
     * always gives equal output. For tests, benchmarks and producers.
     *
     * @param data the bytes to compress
     * @param level deflate level, {@link Deflater#DEFAULT_COMPRESSION} or 0 to 9
     * @return one complete gzip member
     * @throws IllegalArgumentException if the level is out of range
     */
    public static byte[] gzip(byte[] data, int level) {
        Objects.requireNonNull(data, "data");
        Deflater deflater = new Deflater(level, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + GZIP_FIXED_HEADER_BYTES
                    + GZIP_TRAILER_BYTES + MIN_OUTPUT_BUFFER_BYTES);
            int extraFlags = level == Deflater.BEST_COMPRESSION ? XFL_MAX_COMPRESSION
                    : level == Deflater.BEST_SPEED ? XFL_FASTEST : 0;
            out.write(GZIP_ID1);
            out.write(GZIP_ID2);
            out.write(GZIP_METHOD_DEFLATE);
            out.write(0); // FLG
            writeIntLittleEndian(out, 0); // MTIME: none
            out.write(extraFlags);
            out.write(OS_UNKNOWN);
            deflater.setInput(data);
            deflater.finish();
            byte[] chunk = new byte[DEFLATE_CHUNK_BYTES];
            while (!deflater.finished()) {
                int produced = deflater.deflate(chunk);
                out.write(chunk, 0, produced);
            }
            CRC32 crc = new CRC32();
            crc.update(data);
            writeIntLittleEndian(out, (int) crc.getValue());
            writeIntLittleEndian(out, data.length);
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    /** The state of one {@link #inflate} call: a cursor over the input and the growing output. */
    private static final class Inflation {
        private final byte[] input;
        private final int inputStart;
        private final int inputEnd;
        private final int cap;
        private final Inflater inflater;
        private final byte[] probe = new byte[1];
        private int position;
        private byte[] output;
        private int outputLength;

        Inflation(byte[] input, int offset, int length, int cap, Inflater inflater) {
            this.input = input;
            this.inputStart = offset;
            this.inputEnd = offset + length;
            this.cap = cap;
            this.inflater = inflater;
            this.position = offset;
            this.output = new byte[initialOutputBytes(length)];
        }

        /**
         * Sizes the first buffer from the last member's ISIZE (exact for a single member under 4 GiB), unless
         * deflate could not have produced that much from this input; never above the cap.
         */
        private int initialOutputBytes(int length) {
            long limit = Math.min(cap, Math.max(MIN_OUTPUT_BUFFER_BYTES, length * MAX_DEFLATE_EXPANSION_RATIO));
            long guess = length * INITIAL_EXPANSION_GUESS;
            if (length >= GZIP_FIXED_HEADER_BYTES + GZIP_TRAILER_BYTES) {
                long sizeHint = readIntLittleEndian(inputEnd - Integer.BYTES) & 0xFFFF_FFFFL;
                if (sizeHint <= limit) {
                    guess = sizeHint;
                }
            }
            return (int) Math.min(limit, Math.max(MIN_OUTPUT_BUFFER_BYTES, guess));
        }

        InflateResult run() {
            int member = 0;
            do {
                InflateFailed failure = readMember(member);
                if (failure != null) {
                    return failure;
                }
                member++;
            } while (position < inputEnd);
            return new Inflated(output, outputLength);
        }

        /** Reads the member at {@link #position}; returns the failure, or {@code null} once the member is read. */
        private InflateFailed readMember(int member) {
            int headerStart = position;
            if (inputEnd - position < 2 || (input[position] & 0xFF) != GZIP_ID1
                    || (input[position + 1] & 0xFF) != GZIP_ID2) {
                return member == 0 ? corrupt("no gzip magic")
                        : corrupt("trailing data after gzip member " + (member - 1) + " at byte " + relative());
            }
            if (inputEnd - position < GZIP_FIXED_HEADER_BYTES) {
                return corrupt("truncated header of gzip member " + member);
            }
            int method = input[position + 2] & 0xFF;
            if (method != GZIP_METHOD_DEFLATE) {
                return corrupt("gzip member " + member + " uses compression method " + method + ", not deflate");
            }
            int flags = input[position + 3] & 0xFF;
            if ((flags & FLAGS_RESERVED) != 0) {
                return corrupt("gzip member " + member + " sets reserved header flags " + Integer.toHexString(flags));
            }
            position += GZIP_FIXED_HEADER_BYTES;
            if ((flags & FLAG_EXTRA) != 0) {
                if (inputEnd - position < 2) {
                    return corrupt("truncated extra field length in gzip member " + member);
                }
                int extraBytes = (input[position] & 0xFF) | (input[position + 1] & 0xFF) << 8;
                position += 2;
                if (inputEnd - position < extraBytes) {
                    return corrupt("truncated extra field in gzip member " + member);
                }
                position += extraBytes;
            }
            if ((flags & FLAG_NAME) != 0 && !skipZeroTerminated()) {
                return corrupt("truncated file name in gzip member " + member);
            }
            if ((flags & FLAG_COMMENT) != 0 && !skipZeroTerminated()) {
                return corrupt("truncated comment in gzip member " + member);
            }
            if ((flags & FLAG_HEADER_CRC) != 0) {
                if (inputEnd - position < 2) {
                    return corrupt("truncated header CRC in gzip member " + member);
                }
                CRC32 headerCrc = new CRC32();
                headerCrc.update(input, headerStart, position - headerStart);
                int expected = (input[position] & 0xFF) | (input[position + 1] & 0xFF) << 8;
                if (((int) headerCrc.getValue() & 0xFFFF) != expected) {
                    return corrupt("header CRC mismatch in gzip member " + member);
                }
                position += 2;
            }
            return readBodyAndTrailer(member);
        }

        private boolean skipZeroTerminated() {
            while (position < inputEnd) {
                if (input[position++] == 0) {
                    return true;
                }
            }
            return false;
        }

        private InflateFailed readBodyAndTrailer(int member) {
            int memberOutputStart = outputLength;
            inflater.reset();
            inflater.setInput(input, position, inputEnd - position);
            try {
                while (!inflater.finished()) {
                    int produced;
                    if (outputLength == output.length) {
                        // Full buffer: inflate one byte aside to learn whether more output exists before growing.
                        produced = inflater.inflate(probe, 0, 1);
                        if (produced > 0) {
                            if (output.length >= cap) {
                                return new InflateFailed(RejectReason.GZIP_TOO_LARGE,
                                        "gzip output passes the cap of " + cap + " bytes in member " + member);
                            }
                            output = Arrays.copyOf(output, (int) Math.min(cap, Math.max(MIN_OUTPUT_BUFFER_BYTES,
                                    2L * output.length)));
                            output[outputLength++] = probe[0];
                        }
                    } else {
                        produced = inflater.inflate(output, outputLength, output.length - outputLength);
                        outputLength += produced;
                    }
                    if (produced == 0 && !inflater.finished()) {
                        if (inflater.needsDictionary()) {
                            return corrupt("deflate data of gzip member " + member + " asks for a preset dictionary");
                        }
                        if (inflater.needsInput()) {
                            return corrupt("truncated deflate data in gzip member " + member);
                        }
                    }
                }
            } catch (DataFormatException e) {
                return corrupt("invalid deflate data in gzip member " + member + ": " + e.getMessage());
            }
            position = inputEnd - inflater.getRemaining();
            if (inputEnd - position < GZIP_TRAILER_BYTES) {
                return corrupt("truncated trailer of gzip member " + member);
            }
            int memberOutputBytes = outputLength - memberOutputStart;
            CRC32 crc = new CRC32();
            crc.update(output, memberOutputStart, memberOutputBytes);
            if ((int) crc.getValue() != readIntLittleEndian(position)) {
                return corrupt("CRC-32 mismatch in gzip member " + member);
            }
            if (memberOutputBytes != readIntLittleEndian(position + Integer.BYTES)) {
                return corrupt("size mismatch in gzip member " + member + ": inflated " + memberOutputBytes
                        + " bytes, trailer says " + Integer.toUnsignedString(readIntLittleEndian(position + 4)));
            }
            position += GZIP_TRAILER_BYTES;
            return null;
        }

        private int readIntLittleEndian(int at) {
            return (input[at] & 0xFF) | (input[at + 1] & 0xFF) << 8 | (input[at + 2] & 0xFF) << 16
                    | (input[at + 3] & 0xFF) << 24;
        }

        private int relative() {
            return position - inputStart;
        }

        private static InflateFailed corrupt(String detail) {
            return new InflateFailed(RejectReason.CORRUPT_GZIP, detail);
        }
    }
}
