package io.github.logway.s3;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The zstd compressor, in its own class so that zstd-jni (and its native library) is loaded only when
 * {@code S3_COMPRESSION=zstd}.
 */
final class ZstdBodies {

    private ZstdBodies() {
    }

    /** A zstd frame writer with a content checksum; close it to finish the frame and free native memory. */
    static OutputStream open(OutputStream out, int level) throws IOException {
        ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(out, level);
        zstd.setChecksum(true);
        return zstd;
    }
}
