package io.github.logway.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.retry.RetryPolicy;
import org.junit.jupiter.api.Test;

class BatcherSettingsTest {

    @Test
    void defaults_areTheKinesisLimits() {
        assertThat(BatcherSettings.DEFAULTS.maxEntriesPerRequest()).isEqualTo(500);
        assertThat(BatcherSettings.DEFAULTS.maxRequestBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(BatcherSettings.DEFAULTS.maxRecordBytes()).isEqualTo(1024 * 1024);
        assertThat(BatcherSettings.DEFAULTS.maxConcurrentRequests()).isEqualTo(4);
        assertThat(BatcherSettings.DEFAULTS.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
    }

    @Test
    void forMaxRecordBytes_above5MiB_raisesTheRequestLimitWithIt() {
        BatcherSettings settings = BatcherSettings.forMaxRecordBytes(8 * 1024 * 1024);

        assertThat(settings.maxRecordBytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(settings.maxRequestBytes()).isEqualTo(8L * 1024 * 1024);
    }

    @Test
    void forMaxRecordBytes_below5MiB_keepsThe5MiBRequestLimit() {
        assertThat(BatcherSettings.forMaxRecordBytes(2048).maxRequestBytes()).isEqualTo(5L * 1024 * 1024);
    }

    @Test
    void constructor_moreThan500Entries_isRefused() {
        assertThatThrownBy(() -> new BatcherSettings(501, 5L << 20, 1 << 20, RetryPolicy.DEFAULT, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntriesPerRequest");
    }

    @Test
    void constructor_recordLimitAbove10MiB_isRefused() {
        assertThatThrownBy(() -> new BatcherSettings(500, 10L << 20, (10 << 20) + 1, RetryPolicy.DEFAULT, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRecordBytes");
    }

    @Test
    void constructor_requestLimitBelowRecordLimit_isRefused() {
        assertThatThrownBy(() -> new BatcherSettings(500, 1000, 1001, RetryPolicy.DEFAULT, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRequestBytes");
    }

    @Test
    void constructor_noConcurrency_isRefused() {
        assertThatThrownBy(() -> new BatcherSettings(500, 5L << 20, 1 << 20, RetryPolicy.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrentRequests");
    }
}
