package io.github.logway.schema.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Builds KPL aggregates by hand for tests, independently of {@link KplAggregator}. */
final class KplBytes {

    static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A field of wire type 0. */
    KplBytes varint(int field, long value) {
        return tag(field, 0).rawVarint(value);
    }

    /** A field of wire type 2. */
    KplBytes bytes(int field, byte[] value) {
        tag(field, 2).rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    KplBytes string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    KplBytes message(int field, KplBytes message) {
        return bytes(field, message.toByteArray());
    }

    KplBytes tag(int field, int wireType) {
        return rawVarint((long) field << 3 | wireType);
    }

    KplBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    KplBytes rawVarint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Magic + these protobuf bytes + their MD5: a well-framed aggregate, whatever the protobuf holds. */
    byte[] framed() {
        return frame(toByteArray());
    }

    static byte[] frame(byte[] protobuf) {
        return GzipDecoderTest.concat(MAGIC, protobuf, md5(protobuf));
    }

    static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
