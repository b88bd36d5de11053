package io.github.logway.opensearch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.KinesisConsumer;
import io.github.logway.core.MeasuredHandler;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.retry.Backoff;
import io.github.logway.core.retry.RetryPolicy;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.core.store.ObjectStore;
import io.github.logway.core.store.S3ObjectStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * kinesis-to-es: indexes the log records of a Kinesis stream in OpenSearch (managed, Serverless, self-hosted)
 * or an Elasticsearch-compatible {@code _bulk} API (PRODUCT.md §5).
 *
 * <p>Built once at cold start: reads and validates the configuration, builds the pooled HTTP client and the
 * signer, checks {@code ES_DOCUMENT_ID} against the type of an OpenSearch Serverless collection, optionally
 * installs the index template and retention policy. Each invocation delegates to the shared
 * {@link KinesisConsumer} (decode, parse, index, failed log, checkpoint, metrics).
 */
public final class KinesisToOpenSearchHandler
        implements RequestHandler<KinesisEvent, StreamsEventResponse>, MeasuredHandler<KinesisEvent, StreamsEventResponse> {

    /** The function's name in metrics, logs and failed-log envelopes. */
    public static final String FUNCTION_NAME = "kinesis-to-es";

    /**
     * Retries of 429, 5xx and timeouts within one invocation: 8 attempts, backoff from 100 ms up to 4 s (about
     * 12 s in the worst case), always bounded by the Lambda deadline.
     */
    static final RetryPolicy RETRY_POLICY = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(4));

    private final KinesisConsumer consumer;
    private final OpenSearchTransport transport;

    /** Called by Lambda: reads the environment, builds the clients. */
    public KinesisToOpenSearchHandler() {
        this(KinesisToOpenSearchConfig.read(EnvReader.ofSystem()), Clock.systemUTC());
    }

    private KinesisToOpenSearchHandler(KinesisToOpenSearchConfig config, Clock clock) {
        this(config, newTransport(config, clock), new S3ObjectStore(S3Client.create()), clock, System.out,
                JsonLogger.create(FUNCTION_NAME, config.common().logLevel()), Sleeper.SYSTEM);
    }

    /**
     * Builds the handler from parts, with the production OpenSearch Serverless control-plane lookup (the default
     * credentials chain); it is only called when the configuration targets a Serverless collection.
     *
     * @see #KinesisToOpenSearchHandler(KinesisToOpenSearchConfig, OpenSearchTransport, ObjectStore, Clock,
     *     PrintStream, JsonLogger, Sleeper, ServerlessCollectionCheck.Lookup)
     */
    KinesisToOpenSearchHandler(KinesisToOpenSearchConfig config, OpenSearchTransport transport,
            ObjectStore failedLogStore, Clock clock, PrintStream metricsOut, JsonLogger logger, Sleeper sleeper) {
        this(config, transport, failedLogStore, clock, metricsOut, logger, sleeper,
                collection -> collectionLookup(config, DefaultCredentialsProvider.builder().build(), clock)
                        .lookUp(collection));
    }

    /**
     * Builds the handler from parts (tests, the command line's {@code invoke} and {@code bench}).
     *
     * @param config the configuration
     * @param transport sends requests to OpenSearch; closed by {@link #close()}
     * @param failedLogStore where failed-log objects go
     * @param clock deadlines, metrics and signing time
     * @param metricsOut where the EMF line goes
     * @param logger the function's JSON logger
     * @param sleeper waits between retries
     * @param collectionLookup asks the OpenSearch Serverless control plane for the collection's type (only with
     *     {@code ES_SIGV4_SERVICE=aoss})
     * @throws io.github.logway.core.config.ConfigException when {@code ES_DOCUMENT_ID=log_id} meets a Serverless
     *     time-series collection
     */
    KinesisToOpenSearchHandler(KinesisToOpenSearchConfig config, OpenSearchTransport transport,
            ObjectStore failedLogStore, Clock clock, PrintStream metricsOut, JsonLogger logger, Sleeper sleeper,
            ServerlessCollectionCheck.Lookup collectionLookup) {
        Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        new ServerlessCollectionCheck(collectionLookup, logger).run(config);
        if (config.installTemplate() || config.retentionDays() > 0) {
            new IndexSetup(transport, config.indexNamePrefix(), config.common().fieldNames(), config.serverless(),
                    logger).run(config.installTemplate(), config.retentionDays());
        }
        OpenSearchSink sink = new OpenSearchSink(transport, new IndexNames(config.indexNamePrefix(), config.timezone()),
                new BulkEncoder(config.documentId()), config.bulkMaxBytes(), config.bulkMaxActions(),
                config.bulkGzip(), config.requestTimeout(), new Backoff(RETRY_POLICY, new SplittableRandom(), sleeper));
        FailedLogWriter failedLog = new FailedLogWriter(failedLogStore,
                config.common().failedLogBucket().orElseThrow(), config.common().failedLogPrefix(), FUNCTION_NAME,
                config.timezone());
        this.consumer = new KinesisConsumer(FUNCTION_NAME, config.common(), sink, failedLog, clock, metricsOut,
                logger);
    }

    /**
     * A handler configured from the given variables, with the production HTTP transport and signer, writing the
     * failed log to {@code failedLogStore}: for the command line's {@code invoke} and {@code bench} and for
     * benchmarks.
     *
     * @param env the variables (as Lambda would set them)
     * @param failedLogStore where failed-log objects go
     * @param clock deadlines, metrics and signing time
     * @param metricsOut where the EMF line and the logs go
     * @return the handler; {@link #close()} it when done
     * @throws io.github.logway.core.config.ConfigException when the variables are invalid
     */
    public static KinesisToOpenSearchHandler create(Map<String, String> env, ObjectStore failedLogStore, Clock clock,
            PrintStream metricsOut) {
        KinesisToOpenSearchConfig config = KinesisToOpenSearchConfig.read(new EnvReader(env));
        return new KinesisToOpenSearchHandler(config, newTransport(config, clock), failedLogStore, clock, metricsOut,
                new JsonLogger(FUNCTION_NAME, config.common().logLevel(), metricsOut), Sleeper.SYSTEM);
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        return consumer.handle(event, context);
    }

    /** Like {@link #handleRequest}, also returning the accounting (command line, tests). */
    public KinesisBatchProcessor.Result process(KinesisEvent event, Context context) {
        return consumer.process(event, context);
    }

    @Override
    public Handled<StreamsEventResponse> handleMeasured(KinesisEvent event, Context context) {
        KinesisBatchProcessor.Result result = process(event, context);
        return new Handled<>(result.response(), result.summary());
    }

    /** Closes the pooled connections (the command line; Lambda simply freezes the process). */
    public void close() {
        transport.close();
    }

    /**
     * The production lookup: {@code BatchGetCollection} on the collection region's control plane (or the endpoint
     * of {@code AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS}), signed for {@code aoss} with {@code credentials}.
     */
    static ServerlessCollectionCheck.Lookup collectionLookup(KinesisToOpenSearchConfig config,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials, Clock clock) {
        return collection -> new ServerlessControlPlaneClient(
                config.serverlessApiEndpoint().orElseGet(collection::controlPlaneEndpoint),
                new SigV4RequestSigner(credentials, collection.region(), SigV4Service.AOSS.signingName(), clock),
                Duration.ofMillis(OpenSearchLimits.CONTROL_PLANE_CONNECT_TIMEOUT_MILLIS),
                Duration.ofMillis(OpenSearchLimits.CONTROL_PLANE_RESPONSE_TIMEOUT_MILLIS))
                .batchGetCollection(collection.id());
    }

    private static OpenSearchTransport newTransport(KinesisToOpenSearchConfig config, Clock clock) {
        RequestSigner signer;
        switch (config.auth()) {
            case SIGV4:
                signer = new SigV4RequestSigner(DefaultCredentialsProvider.builder().build(), config.region(),
                        config.sigV4Service().signingName(), clock);
                break;
            case BASIC:
                BasicCredentials credentials;
                if (config.basicSecretArn().isPresent()) {
                    try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
                        credentials = BasicCredentials.fromSecret(secrets, config.basicSecretArn().get());
                    }
                } else {
                    credentials = new BasicCredentials(config.username().orElseThrow(),
                            config.password().orElseThrow());
                }
                signer = new BasicAuthSigner(credentials.username(), credentials.password());
                break;
            case NONE:
                signer = RequestSigner.NONE;
                break;
            default:
                throw new AssertionError("unknown auth " + config.auth());
        }
        return new ApacheOpenSearchTransport(config.endpoint(), signer,
                Duration.ofMillis(OpenSearchLimits.CONNECT_TIMEOUT_MILLIS));
    }
}
