package io.github.logway.elb;

import io.github.logway.core.publish.KinesisLimits;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Chooses each line's partition key ({@code PARTITION_KEY}): the client IP (at most 45 characters, within the
 * 256-character Kinesis partition key limit), the {@code log_id} when a line has no client address, or a random
 * 128-bit hex key. Used on the invocation's thread only.
 */
final class PartitionKeys {

    /** Random keys: 128 bits, 32 hex characters. */
    private static final int RANDOM_KEY_LONGS = 2;
    private static final HexFormat HEX = HexFormat.of();

    private final PartitionKeyMode mode;
    private final RandomGenerator random;

    PartitionKeys(PartitionKeyMode mode, RandomGenerator random) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The key of a line with this client IP (or {@code null}) and log id. */
    String keyFor(String clientIp, String logId) {
        if (mode == PartitionKeyMode.RANDOM) {
            StringBuilder key = new StringBuilder(RANDOM_KEY_LONGS * Long.BYTES * 2);
            for (int i = 0; i < RANDOM_KEY_LONGS; i++) {
                key.append(HEX.toHexDigits(random.nextLong()));
            }
            return key.toString();
        }
        if (clientIp != null && !clientIp.isEmpty() && clientIp.length() <= KinesisLimits.MAX_PARTITION_KEY_CHARS) {
            return clientIp;
        }
        return logId;
    }
}
