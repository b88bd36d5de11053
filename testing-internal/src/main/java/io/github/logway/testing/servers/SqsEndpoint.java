package io.github.logway.testing.servers;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Everything a client needs to talk to the local SQS server (ElasticMQ).
 *
 * <p>The client helpers need {@code software.amazon.awssdk:sqs} on the caller's test classpath; this module
 * declares it optional so it does not leak into modules that never call them.
 *
 * @param endpoint {@code http://127.0.0.1:PORT}
 * @param region the region in queue ARNs and to sign requests for
 * @param accountId the account in queue URLs and ARNs
 * @param accessKeyId any access key id (ElasticMQ checks none)
 * @param secretAccessKey the matching secret
 */
public record SqsEndpoint(URI endpoint, String region, String accountId, String accessKeyId, String secretAccessKey) {

    /** Validates every component. */
    public SqsEndpoint {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /**
     * A client builder set up for this server: endpoint, region and static credentials.
     *
     * @return a new builder
     */
    public SqsClientBuilder sqsClientBuilder() {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    }

    /**
     * A client for this server with the SDK's default HTTP client; the caller closes it.
     *
     * @return a new client
     */
    public SqsClient newSqsClient() {
        return sqsClientBuilder().build();
    }

    /**
     * The ARN of a queue of this server.
     *
     * @param queueName the queue's name
     * @return {@code arn:aws:sqs:REGION:ACCOUNT:NAME}
     */
    public String queueArn(String queueName) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + queueName;
    }
}
