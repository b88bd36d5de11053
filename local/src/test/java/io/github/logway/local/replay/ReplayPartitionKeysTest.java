package io.github.logway.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplayPartitionKeysTest {

    private static final byte[] WITH_LOG_ID =
            "{\"log_type\":\"app\",\"nested\":{\"log_id\":\"inner\"},\"log_id\":\"id-42\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @Test
    void choose_whenOriginalIsKnown_keepsIt() {
        assertThat(PartitionKeys.choose("original-key", WITH_LOG_ID)).isEqualTo("original-key");
    }

    @Test
    void choose_whenOriginalIsUnknown_usesTheTopLevelLogId() {
        assertThat(PartitionKeys.choose("", WITH_LOG_ID)).isEqualTo("id-42");
        assertThat(PartitionKeys.choose(null, WITH_LOG_ID)).isEqualTo("id-42");
    }

    @Test
    void choose_whenNotJson_usesAStableHashOfTheData() {
        byte[] data = "not json at all".getBytes(StandardCharsets.UTF_8);

        String key = PartitionKeys.choose("", data);

        assertThat(key).startsWith(PartitionKeys.HASH_PREFIX).hasSize(PartitionKeys.HASH_PREFIX.length() + 32)
                .isEqualTo(PartitionKeys.choose("", data.clone()))
                .isNotEqualTo(PartitionKeys.choose("", "other".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void choose_whenLogIdIsTooLongForAPartitionKey_usesTheHash() {
        byte[] data = ("{\"log_id\":\"" + "x".repeat(257) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(PartitionKeys.choose("", data)).startsWith(PartitionKeys.HASH_PREFIX);
    }
}
