package io.github.logway.local.invoke;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.store.S3ObjectStore;
import io.github.logway.elb.ElbLogsToKinesisHandler;
import io.github.logway.forward.KinesisForwardHandler;
import io.github.logway.local.LogwayFunction;
import io.github.logway.local.stack.StackService;
import io.github.logway.opensearch.KinesisToOpenSearchHandler;
import io.github.logway.s3.KinesisToS3Handler;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds each function's real handler for {@code invoke}, the way the local runner does: from the given variables
 * (not the process environment) with real clients, whose endpoints, region and credentials come from the SDK's
 * standard settings ({@link SdkSystemProperties}).
 */
final class InvokeTargets {

    private InvokeTargets() {}

    /**
     * @param function which handler
     * @param env its variables
     * @param clock its clock (to-es)
     * @param handlerOut where its EMF line and JSON logs go (never stdout)
     * @return the handler, to close when done
     * @throws io.github.logway.core.config.ConfigException when the variables are invalid
     */
    static InvokeTarget<?, ?> create(LogwayFunction function, Map<String, String> env, Clock clock,
            PrintStream handlerOut) {
        switch (function) {
            case TO_S3:
                return new InvokeTarget<>(KinesisToS3Handler.fromEnvironment(env, handlerOut), KinesisEvent.class,
                        StreamsEventResponse.class, InvokeTargets::hasFailures, () -> { });
            case TO_ES: {
                S3Client s3 = S3Client.builder()
                        .forcePathStyle(InvokeEnvironment.endpoint(env, StackService.S3).isPresent())
                        .build();
                try {
                    KinesisToOpenSearchHandler handler = KinesisToOpenSearchHandler.create(env, new S3ObjectStore(s3),
                            clock, handlerOut);
                    return new InvokeTarget<>(handler, KinesisEvent.class, StreamsEventResponse.class,
                            InvokeTargets::hasFailures, () -> {
                                handler.close();
                                s3.close();
                            });
                } catch (RuntimeException e) {
                    s3.close();
                    throw e;
                }
            }
            case FORWARD:
                return new InvokeTarget<>(KinesisForwardHandler.fromEnvironment(env, handlerOut), KinesisEvent.class,
                        StreamsEventResponse.class, InvokeTargets::hasFailures, () -> { });
            case ELB:
                return new InvokeTarget<>(ElbLogsToKinesisHandler.fromEnvironment(env, handlerOut), SQSEvent.class,
                        SQSBatchResponse.class,
                        response -> response.getBatchItemFailures() != null
                                && !response.getBatchItemFailures().isEmpty(),
                        () -> { });
            default:
                throw new IllegalArgumentException("unknown function " + function);
        }
    }

    private static boolean hasFailures(StreamsEventResponse response) {
        return response.getBatchItemFailures() != null && !response.getBatchItemFailures().isEmpty();
    }
}
