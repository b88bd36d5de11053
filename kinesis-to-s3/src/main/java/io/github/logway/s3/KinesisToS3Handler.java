package io.github.logway.s3;

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
import io.github.logway.core.store.ObjectStore;
import io.github.logway.core.store.S3ObjectStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The kinesis-to-s3 Lambda function (PRODUCT.md §4): archives the log records of a Kinesis stream to S3,
 * grouped by log type and day (or hour), as compressed NDJSON.
 *
 * <p>Built once per cold start: reads and validates the configuration from the environment, builds one S3 client
 * and the bounded upload pool. Invalid records go to {@code FAILED_LOG_S3_BUCKET} when set, else to
 * {@code {LOG_S3_PREFIX}/{LOG_TYPE_UNKNOWN_PREFIX}/{reason}/...} in {@code LOG_S3_BUCKET} (Baikonur's behaviour).
 */
public final class KinesisToS3Handler
        implements RequestHandler<KinesisEvent, StreamsEventResponse>, MeasuredHandler<KinesisEvent, StreamsEventResponse> {

    /** The function's name in metrics, logs and failed-log envelopes. */
    public static final String FUNCTION_NAME = "kinesis-to-s3";

    private final KinesisConsumer consumer;

    /** The Lambda runtime's constructor: configuration from the environment, a real S3 client. */
    public KinesisToS3Handler() {
        this(KinesisToS3Config.read(EnvReader.ofSystem()));
    }

    private KinesisToS3Handler(KinesisToS3Config config) {
        this(config, new S3ObjectStore(S3Clients.create(config)), Clock.systemUTC(), System.out);
    }

    /**
     * A handler configured from the given variables instead of the process environment, with a real S3 client
     * (endpoint, region and credentials from the SDK's standard settings): for the command line's {@code invoke}
     * and the local event-source-mapping runner.
     *
     * @param env the variables, as Lambda would set them
     * @param out where the EMF line and the JSON logs go
     * @return the handler
     * @throws io.github.logway.core.config.ConfigException when the variables are invalid, naming every bad one
     */
    public static KinesisToS3Handler fromEnvironment(Map<String, String> env, PrintStream out) {
        KinesisToS3Config config = KinesisToS3Config.read(new EnvReader(env));
        return new KinesisToS3Handler(config, new S3ObjectStore(S3Clients.create(config)), Clock.systemUTC(), out);
    }

    /**
     * A handler on any object store: for tests, and for the command line's {@code invoke} and {@code bench}.
     *
     * @param config the validated configuration
     * @param store where archived objects and invalid records go
     * @param clock the clock of deadlines and metrics
     * @param out where the EMF metrics line and the JSON logs go (standard output in Lambda)
     */
    public KinesisToS3Handler(KinesisToS3Config config, ObjectStore store, Clock clock, PrintStream out) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        S3LogSink sink = new S3LogSink(store, config, UploadPool.create(config.uploadConcurrency()));
        FailedLogWriter failedLog = config.common().failedLogBucket()
                .map(bucket -> new FailedLogWriter(store, bucket, config.common().failedLogPrefix(), FUNCTION_NAME,
                        config.timezone()))
                .orElseGet(() -> new FailedLogWriter(store, config.bucket(), config.unknownKeyPrefix(), FUNCTION_NAME,
                        config.timezone()));
        JsonLogger logger = new JsonLogger(FUNCTION_NAME, config.common().logLevel(), out);
        this.consumer = new KinesisConsumer(FUNCTION_NAME, config.common(), sink, failedLog, clock, out, logger);
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        return consumer.handle(event, context);
    }

    /** Like {@link #handleRequest}, also returning the accounting (for the command line's invoke and bench). */
    public KinesisBatchProcessor.Result process(KinesisEvent event, Context context) {
        return consumer.process(event, context);
    }

    @Override
    public Handled<StreamsEventResponse> handleMeasured(KinesisEvent event, Context context) {
        KinesisBatchProcessor.Result result = process(event, context);
        return new Handled<>(result.response(), result.summary());
    }
}
