package io.github.logway.forward;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.KinesisBatchProcessor;
import io.github.logway.core.MeasuredHandler;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.log.JsonLogger;
import io.github.logway.core.publish.KinesisRecordPublisher;
import io.github.logway.core.publish.RequestThreads;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.core.store.S3ObjectStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Lambda entry point of kinesis-forward (handler {@code io.github.logway.forward.KinesisForwardHandler}):
 * forwards whitelisted log types from the source stream of its event source mapping to {@code TARGET_STREAM_NAME}.
 *
 * <p>The public constructor runs once per cold start: it reads and validates the environment (a
 * {@link io.github.logway.core.config.ConfigException} fails the cold start, naming every bad variable) and builds
 * the Kinesis and S3 clients, reused by every invocation.
 */
public final class KinesisForwardHandler
        implements RequestHandler<KinesisEvent, StreamsEventResponse>, MeasuredHandler<KinesisEvent, StreamsEventResponse> {

    private final KinesisForwarder forwarder;

    /** Called by Lambda at cold start. */
    public KinesisForwardHandler() {
        this(forLambda(KinesisForwardConfig.read(EnvReader.ofSystem())));
    }

    /** For tests: a forwarder with fakes. */
    KinesisForwardHandler(KinesisForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        return forwarder.handle(event, context);
    }

    /** Like {@link #handleRequest}, also returning the accounting (the command line's {@code invoke}). */
    @Override
    public Handled<StreamsEventResponse> handleMeasured(KinesisEvent event, Context context) {
        KinesisBatchProcessor.Result result = forwarder.process(event, context);
        return new Handled<>(result.response(), result.summary());
    }

    /**
     * A handler configured from the given variables instead of the process environment, with real clients (their
     * endpoints, region and credentials from the SDK's standard settings): for the command line's {@code invoke}
     * and the local event-source-mapping runner.
     *
     * @param env the variables, as Lambda would set them
     * @param out where the EMF line and the JSON logs go
     * @return the handler
     * @throws io.github.logway.core.config.ConfigException when the variables are invalid, naming every bad one
     */
    public static KinesisForwardHandler fromEnvironment(Map<String, String> env, PrintStream out) {
        KinesisForwardConfig config = KinesisForwardConfig.read(new EnvReader(env));
        return new KinesisForwardHandler(forwarder(config, out,
                new JsonLogger(KinesisForwarder.FUNCTION_NAME, config.common().logLevel(), out)));
    }

    /** The forwarder Lambda runs: real clients, the system clock, standard output for metrics and logs. */
    static KinesisForwarder forLambda(KinesisForwardConfig config) {
        return forwarder(config, System.out,
                JsonLogger.create(KinesisForwarder.FUNCTION_NAME, config.common().logLevel()));
    }

    private static KinesisForwarder forwarder(KinesisForwardConfig config, PrintStream out, JsonLogger logger) {
        return new KinesisForwarder(config, new KinesisRecordPublisher(TargetClients.kinesis(config)),
                new S3ObjectStore(TargetClients.s3()), Clock.systemUTC(), new SplittableRandom(), Sleeper.SYSTEM,
                RequestThreads.forPutRecords(KinesisForwarder.FUNCTION_NAME), out, logger);
    }
}
