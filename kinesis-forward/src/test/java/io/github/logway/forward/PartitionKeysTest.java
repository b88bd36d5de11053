package io.github.logway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartitionKeysTest {

    private static final String SHA256_OF_ABC =
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void source_keepsTheInputPartitionKey() {
        PartitionKeys keys = new PartitionKeys(PartitionKeySource.SOURCE, new SplittableRandom(1));

        assertThat(keys.keyFor("input-key", "log-1")).isEqualTo("input-key");
    }

    @Test
    void source_withoutInputKey_usesTheLogId() {
        PartitionKeys keys = new PartitionKeys(PartitionKeySource.SOURCE, new SplittableRandom(1));

        assertThat(keys.keyFor("", "log-1")).isEqualTo("log-1");
    }

    @Test
    void logId_upTo256Characters_isTheKeyItself() {
        PartitionKeys keys = new PartitionKeys(PartitionKeySource.LOG_ID, new SplittableRandom(1));
        String id = "é".repeat(256); // 256 characters, 512 bytes

        assertThat(keys.keyFor("input-key", id)).isEqualTo(id);
    }

    @Test
    void logId_over256Characters_isHashedToSha256Hex() {
        PartitionKeys keys = new PartitionKeys(PartitionKeySource.LOG_ID, new SplittableRandom(1));
        String id = "a".repeat(257);

        String key = keys.keyFor("input-key", id);

        assertThat(key).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(PartitionKeys.sha256Hex(id));
    }

    @Test
    void sha256Hex_matchesTheKnownDigest() {
        assertThat(PartitionKeys.sha256Hex("abc")).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void random_gives32HexCharactersFromTheInjectedGenerator() {
        PartitionKeys first = new PartitionKeys(PartitionKeySource.RANDOM, new SplittableRandom(42));
        PartitionKeys same = new PartitionKeys(PartitionKeySource.RANDOM, new SplittableRandom(42));

        String a = first.keyFor("input-key", "log-1");
        String b = first.keyFor("input-key", "log-1");

        assertThat(a).matches("[0-9a-f]{32}").isNotEqualTo(b);
        assertThat(same.keyFor("input-key", "log-1")).isEqualTo(a);
    }
}
