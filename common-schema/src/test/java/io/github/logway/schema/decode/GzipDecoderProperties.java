package io.github.logway.schema.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.schema.RejectReason;
import io.github.logway.schema.decode.InflateResult.InflateFailed;
import io.github.logway.schema.decode.InflateResult.Inflated;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class GzipDecoderProperties {

    @Property
    void inflate_whenGzipped_returnsOriginalBytes(@ForAll @Size(max = 5000) byte[] data,
            @ForAll @IntRange(min = 0, max = 9) int level) {
        byte[] gzip = GzipDecoder.gzip(data, level);

        assertThat(GzipDecoder.isGzip(gzip, 0, gzip.length)).isTrue();
        assertThat(GzipDecoder.inflate(gzip, 0, gzip.length, Integer.MAX_VALUE))
                .isInstanceOfSatisfying(Inflated.class, inflated ->
                        assertThat(Arrays.copyOf(inflated.bytes(), inflated.length())).isEqualTo(data));
    }

    @Property
    void inflate_whenMembersConcatenated_returnsEveryMembersBytesInOrder(
            @ForAll @Size(min = 1, max = 5) List<@Size(max = 2000) byte[]> members) throws IOException {
        byte[][] gzips = members.stream().map(member -> GzipDecoder.gzip(member, 6)).toArray(byte[][]::new);
        byte[] gzip = GzipDecoderTest.concat(gzips);
        byte[] expected;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            expected = in.readAllBytes(); // the JDK reads concatenated members too
        }

        Inflated inflated = (Inflated) GzipDecoder.inflate(gzip, 0, gzip.length, Integer.MAX_VALUE);

        assertThat(Arrays.copyOf(inflated.bytes(), inflated.length()))
                .isEqualTo(expected)
                .isEqualTo(GzipDecoderTest.concat(members.toArray(byte[][]::new)));
    }

    @Property
    void inflate_succeedsExactlyWhenOutputFitsTheCap(@ForAll @Size(max = 3000) byte[] data,
            @ForAll @IntRange(min = 1, max = 3500) int cap) {
        byte[] gzip = GzipDecoder.gzip(data, 6);

        InflateResult result = GzipDecoder.inflate(gzip, 0, gzip.length, cap);

        if (data.length <= cap) {
            assertThat(result).isInstanceOf(Inflated.class);
            assertThat(((Inflated) result).bytes().length).isLessThanOrEqualTo(cap);
        } else {
            assertThat(result).isInstanceOfSatisfying(InflateFailed.class,
                    failed -> assertThat(failed.reason()).isEqualTo(RejectReason.GZIP_TOO_LARGE));
        }
    }

    @Property
    void inflate_whenAnyByteFlipped_rejectsOrReturnsOriginalBytes(@ForAll @Size(min = 1, max = 2000) byte[] data,
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll byte mask) {
        byte[] gzip = GzipDecoder.gzip(data, 6);
        int at = position % gzip.length;
        gzip[at] ^= mask == 0 ? 1 : mask;

        InflateResult result = GzipDecoder.inflate(gzip, 0, gzip.length, 1 << 20);

        // Either the flip is caught (CRC-32 detects every burst of up to 32 bits), or it hit bits nothing reads:
        // MTIME, XFL, OS, or the padding after the last deflate block. Never different bytes.
        if (result instanceof Inflated inflated) {
            assertThat(Arrays.copyOf(inflated.bytes(), inflated.length())).isEqualTo(data);
        } else {
            assertThat(((InflateFailed) result).reason()).isEqualTo(RejectReason.CORRUPT_GZIP);
        }
    }
}
