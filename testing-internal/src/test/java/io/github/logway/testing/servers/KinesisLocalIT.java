package io.github.logway.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.local.servers.LocalCredentials;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/** kinesis-local through the extension with the AWS SDK's default CBOR client. */
@WithLocalServers
class KinesisLocalIT {

    @Test
    void endpoint_isPlainHttpOnLoopbackWithCbor(KinesisEndpoint kinesis) {
        assertThat(kinesis.endpoint().getScheme()).isEqualTo("http");
        assertThat(kinesis.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(kinesis.endpoint().getPort()).isPositive();
        assertThat(kinesis.cborEnabled()).isTrue();
    }

    @Test
    void putRecords_thenGetRecords_returnsDataAndPartitionKeys(KinesisEndpoint kinesis) throws Exception {
        try (KinesisClient client = kinesis.newKinesisClient()) {
            KinesisStreams.createActive(client, "kinesis-local-it-put-get", 2);
            List<PutRecordsRequestEntry> entries = List.of(
                    entry("{\"log_id\":\"a\"}", "key-a"), entry("{\"log_id\":\"b\"}", "key-b"));

            PutRecordsResponse response = client.putRecords(
                    request -> request.streamName("kinesis-local-it-put-get").records(entries));
            List<Record> read = KinesisStreams.readAll(client, "kinesis-local-it-put-get");

            assertThat(response.failedRecordCount()).isZero();
            assertThat(read)
                    .extracting(record -> record.partitionKey() + "=" + record.data().asUtf8String())
                    .containsExactlyInAnyOrder("key-a={\"log_id\":\"a\"}", "key-b={\"log_id\":\"b\"}");
        }
    }

    @Test
    void putRecords_byStreamArn_reachesTheStream(KinesisEndpoint kinesis) throws Exception {
        try (KinesisClient client = kinesis.newKinesisClient()) {
            KinesisStreams.createActive(client, "kinesis-local-it-arn", 1);
            String arn = kinesis.streamArn(LocalCredentials.ACCOUNT_ID, "kinesis-local-it-arn");

            client.putRecords(request -> request.streamARN(arn).records(entry("{\"n\":1}", "k")));

            assertThat(KinesisStreams.readAll(client, "kinesis-local-it-arn"))
                    .extracting(record -> record.data().asUtf8String())
                    .containsExactly("{\"n\":1}");
        }
    }

    @Test
    void putRecords_toMissingStream_failsWithResourceNotFound(KinesisEndpoint kinesis) {
        try (KinesisClient client = kinesis.newKinesisClient()) {
            assertThatThrownBy(() -> client.putRecords(
                            request -> request.streamName("kinesis-local-it-missing").records(entry("{}", "k"))))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void jsonClient_alsoWorks(KinesisEndpoint kinesis) throws Exception {
        KinesisEndpoint withoutCbor = new KinesisEndpoint(kinesis.endpoint(), kinesis.region(),
                kinesis.accessKeyId(), kinesis.secretAccessKey(), false);
        try (KinesisClient client = withoutCbor.newKinesisClient()) {
            KinesisStreams.createActive(client, "kinesis-local-it-json", 1);

            client.putRecords(request -> request.streamName("kinesis-local-it-json").records(entry("{}", "k")));

            assertThat(KinesisStreams.readAll(client, "kinesis-local-it-json")).hasSize(1);
        }
    }

    static PutRecordsRequestEntry entry(String data, String partitionKey) {
        return PutRecordsRequestEntry.builder()
                .data(SdkBytes.fromString(data, StandardCharsets.UTF_8))
                .partitionKey(partitionKey)
                .build();
    }
}
