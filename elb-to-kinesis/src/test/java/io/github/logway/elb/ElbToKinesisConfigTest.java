package io.github.logway.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.config.ConfigException;
import io.github.logway.core.config.EnvReader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ElbToKinesisConfigTest {

    @Test
    void read_minimalEnvironment_appliesDefaults() {
        ElbToKinesisConfig config = ElbToKinesisConfig.read(new EnvReader(Map.of(
                "TARGET_STREAM_NAME", "router", "FAILED_LOG_S3_BUCKET", "failed-bucket")));

        assertThat(config.targetStream()).isEqualTo("router");
        assertThat(config.albLogType()).isEqualTo("alb");
        assertThat(config.elbLogType()).isEqualTo("elb");
        assertThat(config.partitionKey()).isEqualTo(PartitionKeyMode.CLIENT_IP);
        assertThat(config.continuationQueueUrl()).isEmpty();
        assertThat(config.common().failedLogBucket()).contains("failed-bucket");
    }

    @Test
    void read_everyVariableSet_readsThem() {
        ElbToKinesisConfig config = ElbToKinesisConfig.read(new EnvReader(Map.of(
                "TARGET_STREAM_NAME", "arn:aws:kinesis:ap-northeast-1:111122223333:stream/router",
                "FAILED_LOG_S3_BUCKET", "failed-bucket",
                "ALB_LOG_TYPE", "web_alb", "ELB_LOG_TYPE", "web_clb", "PARTITION_KEY", "random",
                "CONTINUATION_QUEUE_URL", "https://sqs.ap-northeast-1.amazonaws.com/111122223333/alb-continue")));

        assertThat(config.albLogType()).isEqualTo("web_alb");
        assertThat(config.elbLogType()).isEqualTo("web_clb");
        assertThat(config.partitionKey()).isEqualTo(PartitionKeyMode.RANDOM);
        assertThat(config.continuationQueueUrl())
                .isEqualTo(Optional.of("https://sqs.ap-northeast-1.amazonaws.com/111122223333/alb-continue"));
    }

    @Test
    void read_badValues_failsOnceNamingEveryBadVariable() {
        EnvReader env = new EnvReader(Map.of(
                "TARGET_STREAM_NAME", "not a stream!", "ALB_LOG_TYPE", "../alb", "ELB_LOG_TYPE", "has space",
                "PARTITION_KEY", "source", "CONTINUATION_QUEUE_URL", "queue-name"));

        assertThatThrownBy(() -> ElbToKinesisConfig.read(env))
                .isInstanceOf(ConfigException.class)
                .satisfies(error -> assertThat(((ConfigException) error).problems()).containsExactly(
                        "FAILED_LOG_S3_BUCKET is required",
                        "TARGET_STREAM_NAME='not a stream!': must be a stream name (1 to 128 of a-z A-Z 0-9 _ . -)"
                                + " or a stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME)",
                        "ALB_LOG_TYPE='../alb': must be 1 to 100 characters without '..', '/', '\\', whitespace"
                                + " or control characters",
                        "ELB_LOG_TYPE='has space': must be 1 to 100 characters without '..', '/', '\\', whitespace"
                                + " or control characters",
                        "PARTITION_KEY='source': must be one of client_ip, random",
                        "CONTINUATION_QUEUE_URL='queue-name': must be an SQS queue URL such as"
                                + " https://sqs.REGION.amazonaws.com/ACCOUNT/QUEUE"));
    }

    @Test
    void read_missingTargetStream_isReported() {
        assertThatThrownBy(() -> ElbToKinesisConfig.read(new EnvReader(Map.of("FAILED_LOG_S3_BUCKET", "b"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid configuration (1 problem):\n  TARGET_STREAM_NAME is required");
    }

    @Test
    void queueUrlFromArn_buildsTheRegionalEndpointUrl() {
        assertThat(QueueUrls.fromArn("arn:aws:sqs:ap-northeast-1:111122223333:alb-log-objects"))
                .contains("https://sqs.ap-northeast-1.amazonaws.com/111122223333/alb-log-objects");
        assertThat(QueueUrls.fromArn("arn:aws-cn:sqs:cn-north-1:111122223333:q"))
                .contains("https://sqs.cn-north-1.amazonaws.com.cn/111122223333/q");
        assertThat(QueueUrls.fromArn("arn:aws:kinesis:ap-northeast-1:111122223333:stream/s")).isEmpty();
        assertThat(QueueUrls.fromArn(null)).isEmpty();
    }
}
