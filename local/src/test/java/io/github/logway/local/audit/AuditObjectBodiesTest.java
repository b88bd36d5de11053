package io.github.logway.local.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** S3 bodies as kinesis-to-s3 writes them: gzip (several members too), zstd, plain, empty. */
class AuditObjectBodiesTest {

    private static final byte[] TEXT = "{\"log_id\":\"a\"}\n{\"log_id\":\"b\"}\n".getBytes(StandardCharsets.UTF_8);

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(data);
        }
        return bytes.toByteArray();
    }

    private static String read(byte[] body, String contentEncoding) throws Exception {
        try (InputStream in = ObjectBodies.open(new ByteArrayInputStream(body), contentEncoding)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void open_whenGzipWithoutContentEncoding_inflatesByMagicBytes() throws Exception {
        assertThat(read(gzip(TEXT), null)).isEqualTo(new String(TEXT, StandardCharsets.UTF_8));
    }

    @Test
    void open_whenGzipHasTwoMembers_readsBoth() throws Exception {
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        twice.write(gzip(TEXT));
        twice.write(gzip(TEXT));

        assertThat(read(twice.toByteArray(), "gzip")).isEqualTo(new String(TEXT, StandardCharsets.UTF_8).repeat(2));
    }

    @Test
    void open_whenZstd_decompressesByMagicBytesAndByContentEncoding() throws Exception {
        byte[] zstd = Zstd.compress(TEXT, 3);

        assertThat(read(zstd, null)).isEqualTo(new String(TEXT, StandardCharsets.UTF_8));
        assertThat(read(zstd, "zstd")).isEqualTo(new String(TEXT, StandardCharsets.UTF_8));
    }

    @Test
    void open_whenPlainOrEmpty_returnsTheBytes() throws Exception {
        assertThat(read(TEXT, null)).isEqualTo(new String(TEXT, StandardCharsets.UTF_8));
        assertThat(read(new byte[0], null)).isEmpty();
    }
}
