package io.github.logway.testing.servers;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/**
 * Everything a client needs to talk to a local Kinesis server. A test asking for this type gets kinesis-local
 * (npm {@code kinesis-local}, kinesis-mock compiled to JavaScript); {@link KinesaliteEndpoint} wraps one for
 * kinesalite, the server that enforces the PutRecords limits.
 *
 * <p>The client helpers need {@code software.amazon.awssdk:kinesis} on the caller's test classpath; this module
 * declares it optional so it does not leak into modules that never call them.
 *
 * <p><b>CBOR.</b> The AWS SDK for Java v2 talks to Kinesis in CBOR unless {@link SdkSystemSetting#CBOR_ENABLED}
 * (system property {@value #CBOR_SYSTEM_PROPERTY}, environment variable {@code CBOR_ENABLED}) is false.
 * kinesis-local understands CBOR; kinesalite does not: it accepts a CBOR PutRecords call but stores the data so
 * that no later GetRecords answer can be unmarshalled ({@code KinesaliteIT} shows it). SDK 2.57 reads the
 * setting once per client, when the client is built ({@code AwsCborProtocolFactory.Builder}): {@link
 * #newKinesisClient()} therefore builds a client of an endpoint with {@code cborEnabled == false} while the
 * system property is {@code false}, under a lock, and restores it afterwards. That client speaks JSON
 * ({@code application/x-amz-json-1.1}) for its whole life; other clients of the JVM keep CBOR. To switch CBOR off
 * for a whole JVM instead, start it with {@code -Daws.cborEnabled=false} (or {@code CBOR_ENABLED=false}).
 *
 * @param endpoint {@code http://127.0.0.1:PORT}
 * @param region the region to sign requests for
 * @param accessKeyId any access key id (neither server checks signatures)
 * @param secretAccessKey the matching secret
 * @param cborEnabled whether the server understands the SDK's default CBOR wire format
 */
public record KinesisEndpoint(
        URI endpoint, String region, String accessKeyId, String secretAccessKey, boolean cborEnabled) {

    /** The system property behind {@link SdkSystemSetting#CBOR_ENABLED}. */
    public static final String CBOR_SYSTEM_PROPERTY = "aws.cborEnabled";

    /** Serialises client builds that change {@value #CBOR_SYSTEM_PROPERTY} for a moment. */
    private static final Object CBOR_SETTING_LOCK = new Object();

    /** Validates every component. */
    public KinesisEndpoint {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /**
     * A client builder set up for this server: endpoint, region and static credentials. Build it with {@link
     * #newKinesisClient(Consumer)} when {@link #cborEnabled()} is false, or the client will speak CBOR.
     *
     * @return a new builder
     */
    public KinesisClientBuilder kinesisClientBuilder() {
        return KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    }

    /**
     * A client for this server with the SDK's default HTTP client, in the wire format the server understands;
     * the caller closes it.
     *
     * @return a new client
     */
    public KinesisClient newKinesisClient() {
        return newKinesisClient(builder -> { });
    }

    /**
     * A client for this server, in the wire format the server understands, after {@code customizer} has
     * adjusted the builder (HTTP client, overrides); the caller closes it.
     *
     * @param customizer changes to the builder before it is built
     * @return a new client
     */
    public KinesisClient newKinesisClient(Consumer<KinesisClientBuilder> customizer) {
        KinesisClientBuilder builder = kinesisClientBuilder();
        customizer.accept(builder);
        if (cborEnabled) {
            return builder.build();
        }
        return buildWithoutCbor(builder);
    }

    /**
     * Builds {@code builder} while {@value #CBOR_SYSTEM_PROPERTY} is {@code false}: the built client speaks
     * JSON whatever the JVM's setting. For clients of code under test that build their own.
     *
     * @param builder any Kinesis client builder
     * @return the built client
     */
    public static KinesisClient buildWithoutCbor(KinesisClientBuilder builder) {
        synchronized (CBOR_SETTING_LOCK) {
            String previous = System.getProperty(CBOR_SYSTEM_PROPERTY);
            System.setProperty(CBOR_SYSTEM_PROPERTY, "false");
            try {
                return builder.build();
            } finally {
                if (previous == null) {
                    System.clearProperty(CBOR_SYSTEM_PROPERTY);
                } else {
                    System.setProperty(CBOR_SYSTEM_PROPERTY, previous);
                }
            }
        }
    }

    /**
     * The ARN kinesis-local and kinesalite give a stream of this endpoint's region in their default account.
     *
     * @param streamName the stream's name
     * @param accountId the 12-digit account the server files streams under
     * @return {@code arn:aws:kinesis:REGION:ACCOUNT:stream/NAME}
     */
    public String streamArn(String accountId, String streamName) {
        return "arn:aws:kinesis:" + region + ":" + accountId + ":stream/" + streamName;
    }
}
