package io.github.logway.schema.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.schema.RejectReason;
import io.github.logway.schema.decode.InflateResult.InflateFailed;
import io.github.logway.schema.decode.InflateResult.Inflated;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipDecoderTest {

    private static final int CAP = 1024 * 1024;
    private static final byte[] TEXT = ("{\"log_type\":\"app\",\"log_id\":\"1\",\"time\":\"2026-11-24T10:15:30Z\"}\n")
            .repeat(50).getBytes(StandardCharsets.UTF_8);

    @Test
    void isGzip_whenMagicPresent_returnsTrue() {
        assertThat(GzipDecoder.isGzip(GzipDecoder.gzip(TEXT, 6), 0, 2)).isTrue();
    }

    @Test
    void isGzip_whenJson_returnsFalse() {
        assertThat(GzipDecoder.isGzip(TEXT, 0, TEXT.length)).isFalse();
    }

    @Test
    void isGzip_whenShorterThanMagic_returnsFalse() {
        assertThat(GzipDecoder.isGzip(new byte[] {0x1F, (byte) 0x8B}, 0, 1)).isFalse();
    }

    @Test
    void isGzip_whenMagicAtOffset_returnsTrue() {
        byte[] data = {'x', 0x1F, (byte) 0x8B, 'y'};

        assertThat(GzipDecoder.isGzip(data, 1, 2)).isTrue();
        assertThat(GzipDecoder.isGzip(data, 0, 3)).isFalse();
    }

    @Test
    void isGzip_whenRangeOutsideArray_throwsIndexOutOfBounds() {
        assertThatThrownBy(() -> GzipDecoder.isGzip(new byte[2], 1, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void inflate_whenSingleMember_returnsOriginalBytes() {
        assertInflatesTo(GzipDecoder.gzip(TEXT, 6), TEXT);
    }

    @Test
    void inflate_whenWrittenByGzipOutputStream_returnsOriginalBytes() throws IOException {
        assertInflatesTo(jdkGzip(TEXT), TEXT);
    }

    @Test
    void gzip_whenReadByGzipInputStream_returnsOriginalBytes() throws IOException {
        byte[] gzip = GzipDecoder.gzip(TEXT, Deflater.BEST_COMPRESSION);

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertThat(in.readAllBytes()).isEqualTo(TEXT);
        }
    }

    @Test
    void gzip_whenSameInput_returnsSameBytes() {
        assertThat(GzipDecoder.gzip(TEXT, 1)).isEqualTo(GzipDecoder.gzip(TEXT, 1));
    }

    @Test
    void gzip_whenLevelOutOfRange_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> GzipDecoder.gzip(TEXT, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inflate_whenConcatenatedMembers_returnsJoinedBytes() {
        byte[] first = "first\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second\n".getBytes(StandardCharsets.UTF_8);
        byte[] data = concat(GzipDecoder.gzip(first, 6), GzipDecoder.gzip(new byte[0], 6), GzipDecoder.gzip(second, 1));

        assertInflatesTo(data, concat(first, second));
    }

    @Test
    void inflate_whenEmptyMember_returnsNoBytes() {
        assertInflatesTo(GzipDecoder.gzip(new byte[0], 6), new byte[0]);
    }

    @Test
    void inflate_whenRangeInsideLargerArray_readsOnlyTheRange() {
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);
        byte[] padded = concat("garbage".getBytes(StandardCharsets.US_ASCII), gzip, new byte[] {1, 2, 3});

        Inflated inflated = (Inflated) GzipDecoder.inflate(padded, 7, gzip.length, CAP);

        assertThat(Arrays.copyOf(inflated.bytes(), inflated.length())).isEqualTo(TEXT);
    }

    @Test
    void inflate_whenHeaderHasExtraNameCommentAndHeaderCrc_returnsOriginalBytes() {
        assertInflatesTo(withFullHeader(GzipDecoder.gzip(TEXT, 6), true), TEXT);
    }

    @Test
    void inflate_whenHeaderCrcWrong_returnsCorruptGzip() {
        assertCorrupt(withFullHeader(GzipDecoder.gzip(TEXT, 6), false), "header CRC mismatch");
    }

    @Test
    void inflate_whenTruncatedAnywhere_returnsCorruptGzip() {
        byte[] gzip = withFullHeader(GzipDecoder.gzip(TEXT, 6), true);

        for (int length = 0; length < gzip.length; length++) {
            InflateResult result = GzipDecoder.inflate(gzip, 0, length, CAP);
            assertThat(result).as("prefix of %d bytes", length)
                    .isInstanceOfSatisfying(InflateFailed.class,
                            failed -> assertThat(failed.reason()).isEqualTo(RejectReason.CORRUPT_GZIP));
        }
    }

    @Test
    void inflate_whenTruncatedInBody_saysTruncatedDeflateData() {
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);

        assertCorrupt(Arrays.copyOf(gzip, gzip.length - 20), "truncated deflate data in gzip member 0");
    }

    @Test
    void inflate_whenTruncatedInTrailer_saysTruncatedTrailer() {
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);

        assertCorrupt(Arrays.copyOf(gzip, gzip.length - 3), "truncated trailer of gzip member 0");
    }

    @Test
    void inflate_whenCrcMismatch_returnsCorruptGzip() {
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);
        gzip[gzip.length - 8] ^= 1;

        assertCorrupt(gzip, "CRC-32 mismatch in gzip member 0");
    }

    @Test
    void inflate_whenSizeMismatch_returnsCorruptGzip() {
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);
        gzip[gzip.length - 4] ^= 1;

        assertCorrupt(gzip, "size mismatch in gzip member 0");
    }

    @Test
    void inflate_whenDeflateDataInvalid_returnsCorruptGzip() {
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);
        gzip[10] = 0x07; // BFINAL=1, BTYPE=11: a reserved block type (RFC 1951 §3.2.3)

        assertCorrupt(gzip, "invalid deflate data in gzip member 0");
    }

    @Test
    void inflate_whenReservedFlagSet_returnsCorruptGzip() {
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);
        gzip[3] = 0x20;

        assertCorrupt(gzip, "reserved header flags");
    }

    @Test
    void inflate_whenMethodIsNotDeflate_returnsCorruptGzip() {
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);
        gzip[2] = 7;

        assertCorrupt(gzip, "compression method 7");
    }

    @Test
    void inflate_whenNoMagic_returnsCorruptGzip() {
        assertCorrupt(TEXT, "no gzip magic");
    }

    @Test
    void inflate_whenTrailingBytesAreNotAMember_returnsCorruptGzip() {
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);

        assertCorrupt(concat(gzip, new byte[] {'\n'}), "trailing data after gzip member 0 at byte " + gzip.length);
    }

    @Test
    void inflate_whenTrailingZeros_returnsCorruptGzip() {
        assertCorrupt(concat(GzipDecoder.gzip(TEXT, 6), new byte[8]), "trailing data after gzip member 0");
    }

    @Test
    void inflate_whenSecondMemberTruncated_returnsCorruptGzip() {
        byte[] second = GzipDecoder.gzip(TEXT, 6);

        assertCorrupt(concat(GzipDecoder.gzip(TEXT, 6), Arrays.copyOf(second, 5)), "truncated header of gzip member 1");
    }

    @Test
    void inflate_whenOutputEqualsCap_returnsInflated() {
        InflateResult result = GzipDecoder.inflate(GzipDecoder.gzip(TEXT, 6), 0,
                GzipDecoder.gzip(TEXT, 6).length, TEXT.length);

        assertThat(result).isInstanceOfSatisfying(Inflated.class, inflated ->
                assertThat(inflated.length()).isEqualTo(TEXT.length));
    }

    @Test
    void inflate_whenOutputOneByteOverCap_returnsGzipTooLarge() {
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);

        assertThat(GzipDecoder.inflate(gzip, 0, gzip.length, TEXT.length - 1))
                .isEqualTo(new InflateFailed(RejectReason.GZIP_TOO_LARGE,
                        "gzip output passes the cap of " + (TEXT.length - 1) + " bytes in member 0"));
    }

    @Test
    void inflate_whenConcatenatedMembersTogetherPassCap_returnsGzipTooLarge() {
        byte[] gzip = concat(GzipDecoder.gzip(TEXT, 6), GzipDecoder.gzip(TEXT, 6));

        InflateResult result = GzipDecoder.inflate(gzip, 0, gzip.length, TEXT.length + 1);

        assertThat(result).isInstanceOfSatisfying(InflateFailed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(RejectReason.GZIP_TOO_LARGE);
            assertThat(failed.detail()).endsWith("in member 1");
        });
    }

    @Test
    void inflate_whenGzipBomb_stopsAtCapAndAllocatesAboutTheCap() {
        byte[] member = GzipDecoder.gzip(new byte[16 * 1024 * 1024], Deflater.BEST_COMPRESSION);
        byte[] bomb = concat(member, member, member, member, member, member, member, member); // 128 MiB of zeros
        GzipDecoder.inflate(member, 0, member.length, CAP); // warm up: class loading, thread-local inflater
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(threadId);
        InflateResult result = GzipDecoder.inflate(bomb, 0, bomb.length, CAP);
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertThat(result).isInstanceOfSatisfying(InflateFailed.class,
                failed -> assertThat(failed.reason()).isEqualTo(RejectReason.GZIP_TOO_LARGE));
        assertThat(allocated).isLessThan(3L * CAP);
    }

    @Test
    void inflate_whenCapNotPositive_throwsIllegalArgumentException() {
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);

        assertThatThrownBy(() -> GzipDecoder.inflate(gzip, 0, gzip.length, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDecompressedBytes must be positive: 0");
    }

    @Test
    void inflate_whenTrailerClaimsHugeSize_stillInflatesExactly() {
        // A lying ISIZE only sizes the first buffer; the size check then rejects the member.
        byte[] gzip = GzipDecoder.gzip(TEXT, 6);
        gzip[gzip.length - 1] = 0x7F;

        assertCorrupt(gzip, "size mismatch in gzip member 0");
    }

    @Test
    void inflate_whenCalledFromManyThreads_returnsEachCallersBytes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                int seed = task;
                results.add(pool.submit(() -> {
                    byte[] data = new byte[1000 + seed * 997];
                    new Random(seed).nextBytes(data);
                    byte[] gzip = GzipDecoder.gzip(data, seed % 10);
                    Inflated inflated = (Inflated) GzipDecoder.inflate(gzip, 0, gzip.length, CAP);
                    return Arrays.equals(inflated.bytes(), 0, inflated.length(), data, 0, data.length);
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertInflatesTo(byte[] gzip, byte[] expected) {
        InflateResult result = GzipDecoder.inflate(gzip, 0, gzip.length, CAP);

        assertThat(result).isInstanceOfSatisfying(Inflated.class, inflated ->
                assertThat(Arrays.copyOf(inflated.bytes(), inflated.length())).isEqualTo(expected));
    }

    private static void assertCorrupt(byte[] gzip, String detailPart) {
        InflateResult result = GzipDecoder.inflate(gzip, 0, gzip.length, CAP);

        assertThat(result).isInstanceOfSatisfying(InflateFailed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(RejectReason.CORRUPT_GZIP);
            assertThat(failed.detail()).contains(detailPart);
        });
    }

    /** Rewrites a minimal member with FEXTRA, FNAME, FCOMMENT and FHCRC set, the header CRC right or wrong. */
    static byte[] withFullHeader(byte[] minimalMember, boolean rightHeaderCrc) {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(0x1F);
        header.write(0x8B);
        header.write(8);
        header.write(0x02 | 0x04 | 0x08 | 0x10);
        header.writeBytes(new byte[] {0x12, 0x34, 0x56, 0x78, 0, 3}); // MTIME, XFL, OS (Unix)
        header.writeBytes(new byte[] {6, 0, 'A', 'P', 2, 0, 0x11, 0x22}); // XLEN=6: one subfield "AP" of 2 bytes
        header.writeBytes("logs.ndjson\0".getBytes(StandardCharsets.ISO_8859_1));
        header.writeBytes("written by a test\0".getBytes(StandardCharsets.ISO_8859_1));
        CRC32 crc = new CRC32();
        crc.update(header.toByteArray());
        int headerCrc = (int) crc.getValue() ^ (rightHeaderCrc ? 0 : 1);
        header.write(headerCrc);
        header.write(headerCrc >>> 8);
        return concat(header.toByteArray(), Arrays.copyOfRange(minimalMember, 10, minimalMember.length));
    }

    static byte[] jdkGzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
