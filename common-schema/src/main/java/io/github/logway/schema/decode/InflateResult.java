package io.github.logway.schema.decode;

import io.github.logway.schema.RejectReason;
import java.util.Objects;

/**
 * The typed result of {@link GzipDecoder#inflate}: {@link Inflated} or {@link InflateFailed}. Switch over it
 * exhaustively; nothing throws for bad data.
 */
public sealed interface InflateResult {

    /**
     * The decompressed bytes of every gzip member, in order.
     *
     * @param bytes the output buffer; it may be larger than {@code length} and is not copied, so the caller owns it
     * @param length how many bytes of {@code bytes}, from index 0, hold the output
     */
    record Inflated(byte[] bytes, int length) implements InflateResult {

        /** Checks that {@code length} lies inside {@code bytes}. */
        public Inflated {
            Objects.requireNonNull(bytes, "bytes");
            Objects.checkFromIndexSize(0, length, bytes.length);
        }

        @Override
        public String toString() {
            return "Inflated[length=" + length + "]";
        }
    }

    /**
     * The input does not inflate.
     *
     * @param reason {@link RejectReason#CORRUPT_GZIP} (truncated or corrupt input) or
     *     {@link RejectReason#GZIP_TOO_LARGE} (the output passed the cap)
     * @param detail what went wrong and where, for the failed log; never holds payload bytes
     */
    record InflateFailed(RejectReason reason, String detail) implements InflateResult {

        /** Checks that both fields are present. */
        public InflateFailed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
