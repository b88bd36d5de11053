package io.github.logway.elb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Deterministic {@code log_id}s for the lines of one S3 object, written as UUIDs (version 8, RFC 9562's
 * custom-hash version): the first 128 bits of the SHA-256 of {@code s3://bucket/key}, each half combined with the
 * line number by a bijective 64-bit mixer (the SplitMix64 finalizer). The same object line always gets the same
 * id, so a re-delivered or continued object is idempotent downstream. After the version and variant bits, 122
 * bits remain: ids collide only as random 122-bit values would.
 *
 * <p>SHA-256 runs once per object; a line costs two multiplications per half and the hex formatting. Not
 * thread-safe.
 */
public final class LogIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Characters of a UUID in its text form. */
    private static final int UUID_CHARS = 36;

    private final long high;
    private final long low;
    private final char[] text = new char[UUID_CHARS];

    private LogIds(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** The ids of the lines of {@code s3://bucket/key}. */
    public static LogIds forObject(String bucket, String key) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        byte[] digest = sha256(("s3://" + bucket + "/" + key).getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.wrap(digest);
        return new LogIds(bytes.getLong(), bytes.getLong());
    }

    /** The id of 1-based line {@code line}. */
    public String idFor(long line) {
        long hi = mix(high + line);
        long lo = mix(low ^ Long.rotateLeft(line, 32));
        hi = (hi & 0xffffffffffff0fffL) | 0x0000000000008000L; // version 8
        lo = (lo & 0x3fffffffffffffffL) | 0x8000000000000000L; // RFC 9562 variant
        int c = 0;
        c = hex(hi >>> 32, 8, c);
        text[c++] = '-';
        c = hex(hi >>> 16, 4, c);
        text[c++] = '-';
        c = hex(hi, 4, c);
        text[c++] = '-';
        c = hex(lo >>> 48, 4, c);
        text[c++] = '-';
        hex(lo, 12, c);
        return new String(text);
    }

    /** The SplitMix64 finalizer: a bijection on 64-bit values with good avalanche. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Writes the low {@code digits} hex digits of {@code value} at {@code at}; returns the next position. */
    private int hex(long value, int digits, int at) {
        for (int i = digits - 1; i >= 0; i--) {
            text[at + i] = HEX[(int) (value & 0x0f)];
            value >>>= 4;
        }
        return at + digits;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
