package io.github.logway.core;

import java.nio.ByteBuffer;

/** Reading the parts of a Lambda Kinesis event record that every consumer needs. */
public final class KinesisRecords {

    private KinesisRecords() {
    }

    /**
     * The shard of a record from Lambda's eventID, {@code shardId-000000000000:49590338271490256608559692538361571095921575989136588898}.
     * An id without a colon is returned whole; null gives the empty string.
     */
    public static String shardIdOf(String eventId) {
        if (eventId == null) {
            return "";
        }
        int colon = eventId.indexOf(':');
        return colon < 0 ? eventId : eventId.substring(0, colon);
    }

    /**
     * The record's data as a byte array: the buffer's own array when it covers it exactly (no copy), else a copy
     * of the remaining bytes. The buffer's position is not moved; null gives an empty array.
     */
    public static byte[] dataOf(ByteBuffer data) {
        if (data == null) {
            return new byte[0];
        }
        ByteBuffer view = data.duplicate();
        if (view.hasArray() && view.arrayOffset() == 0 && view.position() == 0
                && view.remaining() == view.array().length) {
            return view.array();
        }
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
