package io.github.logway.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublishEntryTest {

    @Test
    void sizeBytes_countsDataAndUtf8PartitionKey() {
        assertThat(PublishEntry.of(new byte[10], "abc").sizeBytes()).isEqualTo(13);
        assertThat(PublishEntry.of(new byte[10], "\u00e9").sizeBytes()).isEqualTo(12);
    }

    @Test
    void constructor_emptyPartitionKey_isRefused() {
        assertThatThrownBy(() -> PublishEntry.of(new byte[1], "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 256");
    }

    @Test
    void constructor_partitionKeyOf256Characters_isAccepted() {
        assertThat(PublishEntry.of(new byte[1], "\u65e5".repeat(256)).partitionKey()).hasSize(256);
    }

    @Test
    void constructor_partitionKeyOf257Characters_isRefused() {
        assertThatThrownBy(() -> PublishEntry.of(new byte[1], "k".repeat(257)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equals_comparesDataContent() {
        PublishEntry first = new PublishEntry(new byte[] {1, 2}, "k", "123");
        PublishEntry second = new PublishEntry(new byte[] {1, 2}, "k", "123");

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first).isNotEqualTo(new PublishEntry(new byte[] {1, 3}, "k", "123"));
        assertThat(first.toString()).contains("bytes=2");
    }
}
