package io.github.logway.elb;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
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
import java.util.Objects;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda entry point of elb-to-kinesis (handler {@code io.github.logway.elb.ElbLogsToKinesisHandler}), fed by
 * an SQS event source mapping with {@code ReportBatchItemFailures}.
 *
 * <p>The public constructor runs once per cold start: it reads and validates the environment (a
 * {@link io.github.logway.core.config.ConfigException} fails the cold start, naming every bad variable) and builds
 * the S3, SQS and Kinesis clients, reused by every invocation.
 */
public final class ElbLogsToKinesisHandler
        implements RequestHandler<SQSEvent, SQSBatchResponse>, MeasuredHandler<SQSEvent, SQSBatchResponse> {

    private final ElbLogsToKinesis function;

    /** Called by Lambda at cold start. */
    public ElbLogsToKinesisHandler() {
        this(forLambda(ElbToKinesisConfig.read(EnvReader.ofSystem())));
    }

    /** For tests: a function built on fakes. */
    ElbLogsToKinesisHandler(ElbLogsToKinesis function) {
        this.function = Objects.requireNonNull(function, "function");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return function.handle(event, context);
    }

    /**
     * Like {@link #handleRequest}, also returning the accounting, in access-log lines (the command line's
     * {@code invoke}).
     */
    @Override
    public Handled<SQSBatchResponse> handleMeasured(SQSEvent event, Context context) {
        ElbLogsToKinesis.Result result = function.process(event, context);
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
    public static ElbLogsToKinesisHandler fromEnvironment(Map<String, String> env, PrintStream out) {
        ElbToKinesisConfig config = ElbToKinesisConfig.read(new EnvReader(env));
        return new ElbLogsToKinesisHandler(function(config, out,
                new JsonLogger(ElbLogsToKinesis.FUNCTION_NAME, config.common().logLevel(), out)));
    }

    /** The function Lambda runs: real clients, the system clock, standard output for metrics and logs. */
    static ElbLogsToKinesis forLambda(ElbToKinesisConfig config) {
        return function(config, System.out,
                JsonLogger.create(ElbLogsToKinesis.FUNCTION_NAME, config.common().logLevel()));
    }

    private static ElbLogsToKinesis function(ElbToKinesisConfig config, PrintStream out, JsonLogger logger) {
        S3Client s3 = ElbClients.s3();
        return new ElbLogsToKinesis(config, new S3AccessLogSource(s3),
                new KinesisRecordPublisher(ElbClients.kinesis(config)), new SqsContinuationQueue(ElbClients.sqs()),
                new S3ObjectStore(s3), Clock.systemUTC(), new SplittableRandom(), Sleeper.SYSTEM, RequestThreads.forPutRecords(ElbLogsToKinesis.FUNCTION_NAME),
                out, logger);
    }
}
