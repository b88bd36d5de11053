package io.github.logway.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.config.ConfigException;
import io.github.logway.core.config.EnvReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KinesisForwardConfigTest {

    @Test
    void read_withOnlyRequiredVariables_appliesDefaults() {
        KinesisForwardConfig config = ForwardTestData.config();

        assertThat(config.targetStream()).isEqualTo("logway-target");
        assertThat(config.targetRoleArn()).isEmpty();
        assertThat(config.maxRetries()).isEqualTo(KinesisForwardConfig.DEFAULT_MAX_RETRIES);
        assertThat(config.partitionKey()).isEqualTo(PartitionKeySource.SOURCE);
        assertThat(config.outputFormat()).isEqualTo(OutputFormat.RECORD);
        assertThat(config.common().logTypeWhitelist()).isEmpty();
        assertThat(config.targetIsArn()).isFalse();
        assertThat(config.targetRegion()).isEmpty();
    }

    @Test
    void read_withEveryVariableSet_takesThem() {
        KinesisForwardConfig config = ForwardTestData.config(
                "TARGET_STREAM_NAME=arn:aws:kinesis:eu-west-1:210987654321:stream/subscriber-a",
                "TARGET_ROLE_ARN=arn:aws:iam::210987654321:role/logway-forward-target",
                "KINESIS_MAX_RETRIES=7", "PARTITION_KEY=log_id", "OUTPUT_FORMAT=passthrough",
                "LOG_TYPE_WHITELIST=orders, payments");

        assertThat(config.targetIsArn()).isTrue();
        assertThat(config.targetRegion()).contains("eu-west-1");
        assertThat(config.targetRoleArn()).contains("arn:aws:iam::210987654321:role/logway-forward-target");
        assertThat(config.maxRetries()).isEqualTo(7);
        assertThat(config.partitionKey()).isEqualTo(PartitionKeySource.LOG_ID);
        assertThat(config.outputFormat()).isEqualTo(OutputFormat.PASSTHROUGH);
        assertThat(config.common().logTypeWhitelist()).containsExactlyInAnyOrder("orders", "payments");
    }

    @Test
    void read_partitionKeyRandom_isAccepted() {
        assertThat(ForwardTestData.config("PARTITION_KEY=random").partitionKey())
                .isEqualTo(PartitionKeySource.RANDOM);
    }

    @Test
    void read_withNothingSet_namesBothRequiredVariables() {
        assertThatThrownBy(() -> KinesisForwardConfig.read(new EnvReader(Map.of())))
                .isInstanceOf(ConfigException.class)
                .satisfies(error -> assertThat(((ConfigException) error).problems()).containsExactlyInAnyOrder(
                        "FAILED_LOG_S3_BUCKET is required", "TARGET_STREAM_NAME is required"));
    }

    @Test
    void read_withEveryOwnVariableBad_namesEachWithValueAndAllowedValues() {
        assertThatThrownBy(() -> ForwardTestData.config(
                        "TARGET_STREAM_NAME=bad stream/name", "TARGET_ROLE_ARN=logway-role",
                        "KINESIS_MAX_RETRIES=lots", "PARTITION_KEY=client_ip", "OUTPUT_FORMAT=gzip",
                        "MAX_RECORD_BYTES=0"))
                .isInstanceOf(ConfigException.class)
                .satisfies(error -> assertThat(((ConfigException) error).problems()).containsExactlyInAnyOrder(
                        "MAX_RECORD_BYTES='0': must be an integer from 1 to 10485760",
                        "TARGET_STREAM_NAME='bad stream/name': must be a stream name (1 to 128 of a-z A-Z 0-9 _ . -)"
                                + " or a stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME)",
                        "TARGET_ROLE_ARN='logway-role': must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)",
                        "KINESIS_MAX_RETRIES='lots': must be an integer from 0 to 20",
                        "PARTITION_KEY='client_ip': must be one of source, log_id, random",
                        "OUTPUT_FORMAT='gzip': must be one of record, passthrough"));
    }

    @Test
    void read_maxRetriesAboveLimit_isRejected() {
        assertThatThrownBy(() -> ForwardTestData.config("KINESIS_MAX_RETRIES=21"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("KINESIS_MAX_RETRIES='21': must be an integer from 0 to 20");
    }

    @Test
    void read_streamArnOfOtherService_isRejected() {
        assertThatThrownBy(() -> ForwardTestData.config(
                        "TARGET_STREAM_NAME=arn:aws:firehose:us-east-1:123456789012:deliverystream/x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TARGET_STREAM_NAME='arn:aws:firehose:");
    }

    @Test
    void batcherSettings_followMaxRecordBytesAndRetries() {
        KinesisForwardConfig config = ForwardTestData.config("MAX_RECORD_BYTES=2000", "KINESIS_MAX_RETRIES=0");

        assertThat(KinesisForwarder.batcherSettings(config).maxRecordBytes()).isEqualTo(2000);
        assertThat(KinesisForwarder.batcherSettings(config).maxRequestBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(KinesisForwarder.batcherSettings(config).maxEntriesPerRequest()).isEqualTo(500);
        assertThat(KinesisForwarder.batcherSettings(config).retryPolicy().maxAttempts()).isEqualTo(1);
    }
}
