package io.github.logway.schema.decode;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over protobuf wire-format bytes (protobuf encoding guide: varints, tags, length-delimited fields).
 * Malformed input raises {@link MalformedProtobufException}, which its users turn into a typed result.
 */
final class ProtobufReader {

    /** A varint holds at most 64 bits: 10 groups of 7 bits (protobuf encoding guide). */
    private static final int MAX_VARINT_BYTES = 10;
    /** Field numbers are positive and at most 2^29 - 1 (protobuf language guide). */
    private static final long MAX_FIELD_NUMBER = (1L << 29) - 1;
    /** Bits of a tag that hold the wire type. */
    private static final int WIRE_TYPE_BITS = 3;

    private final byte[] buffer;
    private final int start;
    private final int limit;
    private int position;

    /** Reads {@code buffer[start, limit)}. */
    ProtobufReader(byte[] buffer, int start, int limit) {
        this.buffer = buffer;
        this.start = start;
        this.limit = limit;
        this.position = start;
    }

    boolean hasRemaining() {
        return position < limit;
    }

    /** Position relative to the start of this reader, for error details. */
    int offset() {
        return position - start;
    }

    /** The whole buffer this reader reads a range of. */
    byte[] buffer() {
        return buffer;
    }

    /** Absolute position in the buffer. */
    int position() {
        return position;
    }

    /** Reads a tag and returns it whole: field number {@code tag >>> 3}, wire type {@code tag & 7}. */
    long readTag() {
        int at = offset();
        long tag = readVarint();
        long field = tag >>> WIRE_TYPE_BITS;
        if (field == 0 || field > MAX_FIELD_NUMBER) {
            throw new MalformedProtobufException("invalid field number " + Long.toUnsignedString(field)
                    + " at byte " + at);
        }
        return tag;
    }

    static int fieldNumber(long tag) {
        return (int) (tag >>> WIRE_TYPE_BITS);
    }

    static int wireType(long tag) {
        return (int) (tag & ((1 << WIRE_TYPE_BITS) - 1));
    }

    /** Reads a varint as an unsigned 64-bit value. */
    long readVarint() {
        long value = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            if (position >= limit) {
                throw new MalformedProtobufException("truncated varint at byte " + offset());
            }
            byte b = buffer[position++];
            value |= (long) (b & 0x7F) << (7 * i);
            if (b >= 0) {
                return value;
            }
        }
        throw new MalformedProtobufException("varint longer than " + MAX_VARINT_BYTES + " bytes ending at byte "
                + offset());
    }

    /** Reads the length of a length-delimited field and checks it fits in what is left. */
    int readLength() {
        int at = offset();
        long length = readVarint();
        if (Long.compareUnsigned(length, limit - position) > 0) {
            throw new MalformedProtobufException("length " + Long.toUnsignedString(length) + " at byte " + at
                    + " passes the end of the message (" + (limit - position) + " bytes left)");
        }
        return (int) length;
    }

    /** Reads a length-delimited field as UTF-8 text (malformed sequences become U+FFFD, as protobuf-java does). */
    String readString() {
        int length = readLength();
        String value = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** Moves past {@code count} bytes (the caller checked they exist). */
    void skipBytes(int count) {
        position += count;
    }

    /** Skips one field's value of the given wire type; groups and the undefined wire types 6 and 7 are malformed. */
    void skipField(long tag) {
        switch (wireType(tag)) {
            case KplFormat.WIRE_VARINT -> readVarint();
            case KplFormat.WIRE_FIXED64 -> skipFixed(Long.BYTES);
            case KplFormat.WIRE_LENGTH_DELIMITED -> skipBytes(readLength());
            case KplFormat.WIRE_FIXED32 -> skipFixed(Integer.BYTES);
            default -> throw new MalformedProtobufException("unsupported wire type " + wireType(tag) + " of field "
                    + fieldNumber(tag) + " before byte " + offset());
        }
    }

    /** Fails unless the tag has the wire type the schema gives its field. */
    void expectWireType(long tag, int wireType, String fieldName) {
        if (wireType(tag) != wireType) {
            throw new MalformedProtobufException(fieldName + " has wire type " + wireType(tag) + ", expected "
                    + wireType + ", before byte " + offset());
        }
    }

    private void skipFixed(int count) {
        if (limit - position < count) {
            throw new MalformedProtobufException("truncated fixed" + (count * Byte.SIZE) + " at byte " + offset());
        }
        position += count;
    }

    /**
     * The bytes are not well-formed protobuf. Internal to this package: caught where the decoding started and
     * turned into a typed result; it never reaches callers. No stack trace, since bad input is routine.
     */
    static final class MalformedProtobufException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedProtobufException(String message) {
            super(message, null, false, false);
        }
    }
}
