package io.github.logway.testing.servers;

import java.util.Objects;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The endpoint of kinesalite (npm {@code kinesalite}), the local Kinesis server that enforces the PutRecords
 * limits (500 entries, 5 MiB per request, 1 MiB per record) which kinesis-local does not. A test asks for this
 * type to get kinesalite; for everything else ask for {@link KinesisEndpoint} (kinesis-local).
 *
 * <p>kinesalite does not speak CBOR: {@link #kinesis()} has {@code cborEnabled == false}, so its {@link
 * KinesisEndpoint#newKinesisClient()} builds JSON clients.
 *
 * @param kinesis the endpoint, region and credentials
 */
public record KinesaliteEndpoint(KinesisEndpoint kinesis) {

    /** Validates the endpoint: it must not claim CBOR. */
    public KinesaliteEndpoint {
        Objects.requireNonNull(kinesis, "kinesis");
        if (kinesis.cborEnabled()) {
            throw new IllegalArgumentException("kinesalite does not speak CBOR: " + kinesis);
        }
    }

    /**
     * A JSON client for kinesalite with the SDK's default HTTP client; the caller closes it.
     *
     * @return a new client
     */
    public KinesisClient newKinesisClient() {
        return kinesis.newKinesisClient();
    }
}
