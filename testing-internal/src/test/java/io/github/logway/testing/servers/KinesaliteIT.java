package io.github.logway.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;

/** kinesalite through the extension: a JSON client works, and the PutRecords limits are enforced. */
@WithLocalServers
class KinesaliteIT {

    private static final int MAX_ENTRIES = 500;
    private static final int ONE_MIB = 1024 * 1024;

    @Test
    void endpoint_isPlainHttpOnLoopbackWithoutCbor(KinesaliteEndpoint kinesalite) {
        assertThat(kinesalite.kinesis().endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(kinesalite.kinesis().cborEnabled()).isFalse();
    }

    @Test
    void putRecords_thenGetRecords_returnsDataAndPartitionKeys(KinesaliteEndpoint kinesalite) throws Exception {
        try (KinesisClient client = kinesalite.newKinesisClient()) {
            KinesisStreams.createActive(client, "kinesalite-it-put-get", 1);

            client.putRecords(request -> request.streamName("kinesalite-it-put-get")
                    .records(KinesisLocalIT.entry("{\"log_id\":\"a\"}", "key-a")));
            List<Record> read = KinesisStreams.readAll(client, "kinesalite-it-put-get");

            assertThat(read)
                    .extracting(record -> record.partitionKey() + "=" + record.data().asUtf8String())
                    .containsExactly("key-a={\"log_id\":\"a\"}");
        }
    }

    @Test
    void recordPutWithCbor_isStoredUnreadably(KinesaliteEndpoint kinesalite) throws Exception {
        try (KinesisClient json = kinesalite.newKinesisClient();
                // The builder alone leaves the SDK's default, CBOR: kinesalite accepts the PutRecords call but
                // stores the data blob as something GetRecords answers that no client can unmarshal.
                KinesisClient cbor = kinesalite.kinesis().kinesisClientBuilder().build()) {
            KinesisStreams.createActive(json, "kinesalite-it-cbor", 1);

            cbor.putRecords(request -> request.streamName("kinesalite-it-cbor")
                    .records(KinesisLocalIT.entry("{\"log_id\":\"a\"}", "key-a")));

            assertThatThrownBy(() -> KinesisStreams.readAll(json, "kinesalite-it-cbor"))
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("Unable to unmarshall response");
        }
    }

    @Test
    void clientBuiltWithoutCbor_leavesTheJvmSettingAsItWas(KinesaliteEndpoint kinesalite) {
        String before = System.getProperty(KinesisEndpoint.CBOR_SYSTEM_PROPERTY);

        try (KinesisClient client = kinesalite.newKinesisClient()) {
            assertThat(client.listStreams().streamNames()).isNotNull();
        }

        assertThat(System.getProperty(KinesisEndpoint.CBOR_SYSTEM_PROPERTY)).isEqualTo(before);
    }

    @Test
    void putRecords_with501Entries_isRefused(KinesaliteEndpoint kinesalite) throws Exception {
        try (KinesisClient client = kinesalite.newKinesisClient()) {
            KinesisStreams.createActive(client, "kinesalite-it-501", 1);
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i <= MAX_ENTRIES; i++) {
                entries.add(KinesisLocalIT.entry("{}", "k" + i));
            }

            assertThatThrownBy(() -> client.putRecords(
                            request -> request.streamName("kinesalite-it-501").records(entries)))
                    .isInstanceOf(KinesisException.class)
                    .hasMessageContaining("500");
        }
    }

    @Test
    void putRecords_overFiveMebibytes_isRefused(KinesaliteEndpoint kinesalite) throws Exception {
        try (KinesisClient client = kinesalite.newKinesisClient()) {
            KinesisStreams.createActive(client, "kinesalite-it-5mib", 1);
            // Six records of 1 MiB - 1 byte of data plus a 1-character key: each within the record limit,
            // together over 5 MiB.
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                entries.add(PutRecordsRequestEntry.builder()
                        .data(SdkBytes.fromByteArrayUnsafe(new byte[ONE_MIB - 1]))
                        .partitionKey(Integer.toString(i))
                        .build());
            }

            assertThatThrownBy(() -> client.putRecords(
                            request -> request.streamName("kinesalite-it-5mib").records(entries)))
                    .isInstanceOf(KinesisException.class);
        }
    }
}
