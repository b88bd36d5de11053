package io.github.logway.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.publish.BatcherSettings;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.elb.ElbLogsToKinesis;
import io.github.logway.elb.ElbToKinesisConfig;
import io.github.logway.forward.KinesisForwardConfig;
import io.github.logway.local.LambdaEvents;
import io.github.logway.local.LogwayFunction;
import io.github.logway.local.UsageException;
import io.github.logway.forward.KinesisForwarder;
import io.github.logway.opensearch.KinesisToOpenSearchConfig;
import io.github.logway.opensearch.KinesisToOpenSearchHandler;
import io.github.logway.s3.KinesisToS3Config;
import io.github.logway.s3.KinesisToS3Handler;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Builds each function's real handler for the bench, with its default configuration plus placeholders for the
 * variables it requires ({@link #placeholders}), the user's {@code --env} on top, and no-op sinks: a discarding
 * object store (S3 and the failed log), a publisher that accepts every PutRecords entry, the loopback OpenSearch,
 * and for elb an S3 stand-in serving files from the event files' folders.
 */
final class BenchTargets {

    /** Placeholder {@code LOG_S3_BUCKET}. */
    static final String BUCKET = "bench-bucket";
    /** Placeholder {@code FAILED_LOG_S3_BUCKET}. */
    static final String FAILED_BUCKET = "bench-failed";
    /** Placeholder {@code TARGET_STREAM_NAME}. */
    static final String TARGET_STREAM = "bench-target";
    /** Placeholder {@code INDEX_NAME_PREFIX}. */
    static final String INDEX_PREFIX = "bench";
    /** The gzip level of to-s3 unless {@code --env} sets the codec or level (PRODUCT.md §10). */
    static final String GZIP_LEVEL = "6";
    private static final String FAILED_LOG_S3_BUCKET = "FAILED_LOG_S3_BUCKET";

    private BenchTargets() {
    }

    /**
     * The variables the bench sets for {@code function} before the user's {@code --env}.
     *
     * @param openSearchUrl the loopback server's URL (to-es only; ignored otherwise)
     */
    static Map<String, String> placeholders(LogwayFunction function, Map<String, String> userEnv, String openSearchUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        switch (function) {
            case TO_S3:
                env.put(KinesisToS3Config.LOG_S3_BUCKET, BUCKET);
                if (!userEnv.containsKey(KinesisToS3Config.S3_COMPRESSION)
                        && !userEnv.containsKey(KinesisToS3Config.S3_COMPRESSION_LEVEL)) {
                    env.put(KinesisToS3Config.S3_COMPRESSION, "gzip");
                    env.put(KinesisToS3Config.S3_COMPRESSION_LEVEL, GZIP_LEVEL);
                }
                break;
            case TO_ES:
                env.put(KinesisToOpenSearchConfig.ES_HOST, openSearchUrl);
                env.put(KinesisToOpenSearchConfig.INDEX_NAME_PREFIX, INDEX_PREFIX);
                env.put(FAILED_LOG_S3_BUCKET, FAILED_BUCKET);
                // The loopback server takes no credentials, and the index template is cold-start work.
                env.put(KinesisToOpenSearchConfig.ES_AUTH, "none");
                env.put(KinesisToOpenSearchConfig.ES_INSTALL_TEMPLATE, "false");
                break;
            case FORWARD:
                env.put(KinesisForwardConfig.TARGET_STREAM_NAME, TARGET_STREAM);
                env.put(FAILED_LOG_S3_BUCKET, FAILED_BUCKET);
                break;
            case ELB:
                env.put(ElbToKinesisConfig.TARGET_STREAM_NAME, TARGET_STREAM);
                env.put(FAILED_LOG_S3_BUCKET, FAILED_BUCKET);
                break;
            default:
                throw new IllegalArgumentException("unknown function " + function);
        }
        env.putAll(userEnv);
        return env;
    }

    /**
     * Builds the handler.
     *
     * @param function which one
     * @param userEnv the {@code --env} variables
     * @param eventFolders the folders of the event files (where elb's S3 stand-in finds the objects)
     * @param clock the handler's clock
     * @param handlerOut where the handler's EMF and log lines go (never stdout)
     * @throws io.github.logway.core.config.ConfigException when the variables are invalid
     */
    static BenchTarget create(LogwayFunction function, Map<String, String> userEnv, List<Path> eventFolders,
            Clock clock, PrintStream handlerOut) {
        switch (function) {
            case TO_S3: {
                KinesisToS3Config config = KinesisToS3Config.read(new EnvReader(placeholders(function, userEnv, "")));
                KinesisToS3Handler handler = new KinesisToS3Handler(config, new DiscardingObjectStore(), clock,
                        handlerOut);
                return new KinesisTarget(handler::process, () -> { });
            }
            case TO_ES: {
                LoopbackOpenSearch server = LoopbackOpenSearch.start();
                try {
                    KinesisToOpenSearchHandler handler = KinesisToOpenSearchHandler.create(
                            placeholders(function, userEnv, server.url()), new DiscardingObjectStore(), clock,
                            handlerOut);
                    return new KinesisTarget(handler::process, () -> {
                        handler.close();
                        server.close();
                    });
                } catch (RuntimeException e) {
                    server.close();
                    throw e;
                }
            }
            case FORWARD: {
                KinesisForwardConfig config = KinesisForwardConfig.read(
                        new EnvReader(placeholders(function, userEnv, "")));
                ExecutorService requests = requestThreads("bench-forward-put-records-");
                KinesisForwarder forwarder = new KinesisForwarder(config, new AcceptingRecordPublisher(),
                        new DiscardingObjectStore(), clock, new SplittableRandom(EventGenerator.SEED), Sleeper.SYSTEM,
                        requests, handlerOut,
                        new JsonLogger(KinesisForwarder.FUNCTION_NAME, config.common().logLevel(), handlerOut));
                return new KinesisTarget(forwarder::process, requests::shutdownNow);
            }
            case ELB: {
                ElbToKinesisConfig config = ElbToKinesisConfig.read(new EnvReader(placeholders(function, userEnv, "")));
                ExecutorService requests = requestThreads("bench-elb-put-records-");
                LocalAccessLogSource source = new LocalAccessLogSource(eventFolders);
                ElbLogsToKinesis elb = new ElbLogsToKinesis(config, source, new AcceptingRecordPublisher(),
                        new DiscardingContinuationQueue(), new DiscardingObjectStore(), clock,
                        new SplittableRandom(EventGenerator.SEED), Sleeper.SYSTEM, requests, handlerOut,
                        new JsonLogger(ElbLogsToKinesis.FUNCTION_NAME, config.common().logLevel(), handlerOut));
                return new ElbTarget(elb, source, requests);
            }
            default:
                throw new IllegalArgumentException("unknown function " + function);
        }
    }

    /** Like the Lambda handlers' pool for concurrent PutRecords: daemon threads, the batcher's default count. */
    private static ExecutorService requestThreads(String namePrefix) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(BatcherSettings.DEFAULT_MAX_CONCURRENT_REQUESTS, runnable -> {
            Thread thread = new Thread(runnable, namePrefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A Kinesis-triggered function. */
    private static final class KinesisTarget implements BenchTarget {

        private final PojoSerializer<KinesisEvent> serializer =
                LambdaEventSerializers.serializerFor(KinesisEvent.class, KinesisEvent.class.getClassLoader());
        private final BiFunction<KinesisEvent, Context, KinesisBatchProcessor.Result> process;
        private final Runnable closer;

        KinesisTarget(BiFunction<KinesisEvent, Context, KinesisBatchProcessor.Result> process, Runnable closer) {
            this.process = process;
            this.closer = closer;
        }

        @Override
        public void check(byte[] eventJson) {
            LambdaEvents.check(LogwayFunction.TO_S3, eventJson);
        }

        @Override
        public Run invoke(byte[] eventJson, Context context) {
            KinesisBatchProcessor.Result result = process.apply(deserialise(eventJson), context);
            return new Run(result.summary(), !result.response().getBatchItemFailures().isEmpty()
                    || result.summary().checkpoint() != null);
        }

        private KinesisEvent deserialise(byte[] eventJson) {
            return serializer.fromJson(new ByteArrayInputStream(eventJson));
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    /** elb-to-kinesis, triggered by SQS. */
    private static final class ElbTarget implements BenchTarget {

        private final PojoSerializer<SQSEvent> serializer =
                LambdaEventSerializers.serializerFor(SQSEvent.class, SQSEvent.class.getClassLoader());
        private final ElbLogsToKinesis elb;
        private final LocalAccessLogSource source;
        private final ExecutorService requests;

        ElbTarget(ElbLogsToKinesis elb, LocalAccessLogSource source, ExecutorService requests) {
            this.elb = elb;
            this.source = source;
            this.requests = requests;
        }

        @Override
        public void check(byte[] eventJson) {
            LambdaEvents.check(LogwayFunction.ELB, eventJson);
        }

        @Override
        public Run invoke(byte[] eventJson, Context context) {
            ElbLogsToKinesis.Result result = elb.process(serializer.fromJson(new ByteArrayInputStream(eventJson)),
                    context);
            Set<String> missing = source.missing();
            if (!missing.isEmpty()) {
                throw new UsageException("the S3 stand-in has no file for " + String.join(", ", missing)
                        + " (it serves KEY from the file named like KEY's last segment next to the event file)");
            }
            return new Run(result.summary(), !result.response().getBatchItemFailures().isEmpty());
        }

        @Override
        public void close() {
            requests.shutdownNow();
        }
    }
}
