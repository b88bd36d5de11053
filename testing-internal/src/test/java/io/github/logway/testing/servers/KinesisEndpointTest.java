package io.github.logway.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class KinesisEndpointTest {

    private static final URI LOCAL = URI.create("http://127.0.0.1:4568");

    @Test
    void streamArn_usesRegionAccountAndName() {
        KinesisEndpoint endpoint = new KinesisEndpoint(LOCAL, "us-east-1", "key", "secret", true);

        assertThat(endpoint.streamArn("000000000000", "logs"))
                .isEqualTo("arn:aws:kinesis:us-east-1:000000000000:stream/logs");
    }

    @Test
    void kinesaliteEndpoint_claimingCbor_isRejected() {
        KinesisEndpoint cbor = new KinesisEndpoint(LOCAL, "us-east-1", "key", "secret", true);

        assertThatThrownBy(() -> new KinesaliteEndpoint(cbor))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("kinesalite does not speak CBOR");
    }

    @Test
    void buildWithoutCbor_restoresAPreviousSetting() {
        KinesisEndpoint endpoint = new KinesisEndpoint(LOCAL, "us-east-1", "key", "secret", false);
        System.setProperty(KinesisEndpoint.CBOR_SYSTEM_PROPERTY, "true");
        try {
            endpoint.newKinesisClient().close();

            assertThat(System.getProperty(KinesisEndpoint.CBOR_SYSTEM_PROPERTY)).isEqualTo("true");
        } finally {
            System.clearProperty(KinesisEndpoint.CBOR_SYSTEM_PROPERTY);
        }
    }
}
