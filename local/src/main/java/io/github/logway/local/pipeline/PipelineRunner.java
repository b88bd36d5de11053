package io.github.logway.local.pipeline;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.core.store.S3ObjectStore;
import io.github.logway.elb.ElbLogsToKinesisHandler;
import io.github.logway.forward.KinesisForwardHandler;
import io.github.logway.local.esm.EsmSettings;
import io.github.logway.local.esm.EsmStats;
import io.github.logway.local.esm.HandlerInvoker;
import io.github.logway.local.esm.KinesisEventSourceMapping;
import io.github.logway.local.esm.OnFailureDestination;
import io.github.logway.local.esm.S3OnFailureDestination;
import io.github.logway.local.esm.SqsEsmSettings;
import io.github.logway.local.esm.SqsEsmStats;
import io.github.logway.local.esm.SqsEventSourceMapping;
import io.github.logway.local.esm.SqsOnFailureDestination;
import io.github.logway.local.pipeline.PipelineSpec.FunctionSpec;
import io.github.logway.local.pipeline.PipelineSpec.OnFailure;
import io.github.logway.local.pipeline.PipelineSpec.QueueSpec;
import io.github.logway.local.pipeline.PipelineSpec.StreamSpec;
import io.github.logway.local.servers.LocalCredentials;
import io.github.logway.local.stack.StackClients;
import io.github.logway.local.stack.StackService;
import io.github.logway.opensearch.KinesisToOpenSearchConfig;
import io.github.logway.opensearch.KinesisToOpenSearchHandler;
import io.github.logway.s3.KinesisToS3Config;
import io.github.logway.s3.KinesisToS3Handler;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs a {@link PipelineSpec} on a local stack: creates its streams, buckets and queues, builds each function's
 * real handler from its environment, and feeds it through a local event source mapping (Kinesis or SQS), as
 * Lambda would. Every function's output goes to the pipeline log; its metrics lines are summed per function.
 *
 * <p>The SDK clients inside the handlers reach the stack through the SDK's standard endpoint settings, which
 * {@link io.github.logway.local.stack.StackEndpoints#applyToSdk()} sets for this JVM before the handlers are built.
 */
public final class PipelineRunner implements AutoCloseable {

    /** The memory the runner tells each function it has (Lambda's Context), as the Terraform modules default. */
    static final int FUNCTION_MEMORY_MB = 1024;

    /** How long every mapping must stay idle, with no count moving, for the pipeline to count as quiet. */
    static final Duration QUIET_PERIOD = Duration.ofMillis(1500);

    private static final Duration QUIET_POLL = Duration.ofMillis(250);

    /** ReceiveMessage's wait on an empty queue: shorter than Lambda's 20 s, so stopping the runner is quick. */
    static final Duration SQS_POLL_WAIT = Duration.ofSeconds(1);

    private final StackClients clients;
    private final List<Running> running = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private PipelineRunner(StackClients clients) {
        this.clients = clients;
    }

    /** One function under its mapping. */
    private record Running(FunctionSpec spec, FunctionOutput output, Mapping mapping) {}

    /**
     * What the runner needs of a Kinesis or SQS mapping.
     *
     * @param start starts polling
     * @param idle waits until the mapping has read its source to the end
     * @param describe what it did so far, for people
     * @param close stops polling
     */
    private record Mapping(Runnable start, IdleWait idle, Supplier<String> describe, Runnable close) {}

    /** {@code awaitIdle} of either mapping. */
    @FunctionalInterface
    private interface IdleWait {
        boolean await(Duration timeout) throws InterruptedException;
    }

    /**
     * Creates the pipeline's resources and starts every function's mapping.
     *
     * @param spec the pipeline
     * @param clients clients of the running stack
     * @param log where the functions' output and the runner's own messages go
     * @return the running pipeline; the caller closes it
     */
    public static PipelineRunner start(PipelineSpec spec, StackClients clients, PrintStream log) {
        PipelineRunner runner = new PipelineRunner(clients);
        try {
            long started = System.nanoTime();
            runner.createResources(spec);
            log.printf("[runner] created %d streams, %d buckets, %d queues in %d ms%n", spec.streams().size(),
                    spec.buckets().size(), spec.queues().size(), (System.nanoTime() - started) / 1_000_000);
            clients.endpoints().applyToSdk();
            for (FunctionSpec function : spec.functions()) {
                long functionStarted = System.nanoTime();
                runner.startFunction(function, log);
                log.printf("[runner] started %s (%s, reading %s) in %d ms%n", function.name(),
                        function.kind().cliName(), function.source(), (System.nanoTime() - functionStarted) / 1_000_000);
            }
            return runner;
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
    }

    private void createResources(PipelineSpec spec) {
        for (StreamSpec stream : spec.streams()) {
            clients.createStream(stream.name(), stream.shards());
        }
        for (String bucket : spec.buckets()) {
            clients.createBucket(bucket);
        }
        // Dead-letter queues first: a redrive policy names an existing queue's ARN.
        List<QueueSpec> queues = new ArrayList<>(spec.queues());
        queues.sort((a, b) -> Boolean.compare(isDeadLetterQueue(spec, b), isDeadLetterQueue(spec, a)));
        for (QueueSpec queue : queues) {
            clients.createQueue(queue.name(), queue.deadLetterQueue().map(StackClients::queueArn),
                    queue.maxReceiveCount(), queue.visibilityTimeoutSeconds());
        }
    }

    private static boolean isDeadLetterQueue(PipelineSpec spec, QueueSpec queue) {
        return spec.queues().stream().anyMatch(other -> other.deadLetterQueue().filter(queue.name()::equals)
                .isPresent());
    }

    private void startFunction(FunctionSpec function, PrintStream log) {
        FunctionOutput output = new FunctionOutput(function.name(), log);
        PrintStream out = output.printStream();
        Map<String, String> env = withLocalDefaults(function);
        String functionArn = "arn:aws:lambda:" + LocalCredentials.REGION + ":" + LocalCredentials.ACCOUNT_ID
                + ":function:" + function.name();
        Mapping mapping;
        switch (function.kind()) {
            case TO_S3 -> mapping = kinesisMapping(function, functionArn, log, new HandlerInvoker<>(
                    KinesisToS3Handler.fromEnvironment(env, out), KinesisEvent.class, StreamsEventResponse.class,
                    function.name(), functionArn, FUNCTION_MEMORY_MB, Clock.systemUTC(), log));
            case TO_ES -> {
                KinesisToOpenSearchHandler handler = KinesisToOpenSearchHandler.create(env,
                        new S3ObjectStore(clients.s3()), Clock.systemUTC(), out);
                toClose.add(handler::close);
                mapping = kinesisMapping(function, functionArn, log, new HandlerInvoker<>(handler,
                        KinesisEvent.class, StreamsEventResponse.class, function.name(), functionArn,
                        FUNCTION_MEMORY_MB, Clock.systemUTC(), log));
            }
            case FORWARD -> mapping = kinesisMapping(function, functionArn, log, new HandlerInvoker<>(
                    KinesisForwardHandler.fromEnvironment(env, out), KinesisEvent.class, StreamsEventResponse.class,
                    function.name(), functionArn, FUNCTION_MEMORY_MB, Clock.systemUTC(), log));
            case ELB -> mapping = sqsMapping(function, log, new HandlerInvoker<>(
                    ElbLogsToKinesisHandler.fromEnvironment(env, out), SQSEvent.class, SQSBatchResponse.class,
                    function.name(), functionArn, FUNCTION_MEMORY_MB, Clock.systemUTC(), log));
            default -> throw new IllegalStateException("unknown function kind " + function.kind());
        }
        running.add(new Running(function, output, mapping));
        mapping.start().run();
    }

    /** The function's env plus what the local stack needs and a user would not write: endpoints and auth. */
    private Map<String, String> withLocalDefaults(FunctionSpec function) {
        Map<String, String> env = new LinkedHashMap<>();
        switch (function.kind()) {
            case TO_S3 -> env.put(KinesisToS3Config.S3_FORCE_PATH_STYLE, "true");
            case TO_ES -> {
                clients.endpoints().of(StackService.OPENSEARCH).ifPresent(uri ->
                        env.put(KinesisToOpenSearchConfig.ES_HOST, uri.toString()));
                env.put(KinesisToOpenSearchConfig.ES_AUTH, "none");
            }
            default -> { }
        }
        env.putAll(function.env());
        return env;
    }

    private Mapping kinesisMapping(FunctionSpec function, String functionArn, PrintStream log,
            HandlerInvoker<KinesisEvent, StreamsEventResponse> invoker) {
        toClose.add(invoker);
        OnFailureDestination destination = function.onFailure().map(onFailure -> destination(function, onFailure))
                .orElse(OnFailureDestination.NONE);
        KinesisEventSourceMapping mapping = new KinesisEventSourceMapping(clients.kinesis(),
                StackClients.streamArn(function.source()), function.esm(), invoker, destination, functionArn,
                Clock.systemUTC(), Sleeper.SYSTEM, log);
        return new Mapping(mapping::start, mapping::awaitIdle, () -> {
            EsmStats stats = mapping.stats();
            return stats.invocations() + " invocations, " + stats.functionErrors() + " function errors, "
                    + stats.recordsDiscarded() + " records to the on-failure destination";
        }, mapping::close);
    }

    /**
     * The tally of each function so far, by function name, in the order of the spec.
     *
     * @return name to tally
     */
    public Map<String, FunctionTally> tallies() {
        Map<String, FunctionTally> tallies = new LinkedHashMap<>();
        for (Running function : running) {
            tallies.put(function.spec().name(), function.output().tally());
        }
        return tallies;
    }

    /**
     * What each mapping did, for the human-readable report.
     *
     * @return name to description
     */
    public Map<String, String> mappingStats() {
        Map<String, String> stats = new LinkedHashMap<>();
        for (Running function : running) {
            stats.put(function.spec().name(), function.mapping().describe().get());
        }
        return stats;
    }

    /**
     * Waits until every mapping has read its source to the end and no count has moved for {@link #QUIET_PERIOD}.
     *
     * @param timeout the longest wait
     * @return true when quiet, false on timeout
     * @throws InterruptedException when interrupted
     */
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        Map<String, FunctionTally> last = new HashMap<>();
        long quietSince = -1;
        while (System.nanoTime() - until < 0) {
            boolean idle = true;
            for (Running function : running) {
                idle &= function.mapping().idle().await(Duration.ofMillis(1));
            }
            Map<String, FunctionTally> now = tallies();
            if (idle && now.equals(last)) {
                if (quietSince < 0) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= QUIET_PERIOD.toNanos()) {
                    return true;
                }
            } else {
                quietSince = -1;
            }
            last = now;
            Thread.sleep(QUIET_POLL.toMillis());
        }
        return false;
    }

    /** Stops every mapping, then the handlers' own resources. */
    @Override
    public void close() {
        for (Running function : running) {
            function.mapping().close().run();
        }
        for (AutoCloseable closeable : toClose) {
            try {
                closeable.close();
            } catch (Exception e) {
                // stopping: nothing useful to do with a failure to release a handler's pool
            }
        }
    }

    /** The destination of a stream mapping's discarded batches; the S3 one names the mapping by a stable id. */
    private OnFailureDestination destination(FunctionSpec function, OnFailure onFailure) {
        return switch (onFailure.type()) {
            case SQS -> new SqsOnFailureDestination(clients.sqs(), clients.sqs()
                    .getQueueUrl(request -> request.queueName(onFailure.name())).queueUrl());
            case S3 -> new S3OnFailureDestination(clients.s3(), onFailure.name(), UUID.nameUUIDFromBytes(
                    (function.name() + "@" + function.source()).getBytes(StandardCharsets.UTF_8)).toString(),
                    new SplittableRandom());
        };
    }

    private Mapping sqsMapping(FunctionSpec function, PrintStream log,
            HandlerInvoker<SQSEvent, SQSBatchResponse> invoker) {
        toClose.add(invoker);
        EsmSettings esm = function.esm();
        SqsEsmSettings settings = new SqsEsmSettings(esm.batchSize(), esm.batchingWindow(),
                esm.reportBatchItemFailures(), esm.functionTimeout(), SQS_POLL_WAIT);
        String queueUrl = clients.sqs().getQueueUrl(request -> request.queueName(function.source())).queueUrl();
        SqsEventSourceMapping mapping = new SqsEventSourceMapping(clients.sqs(), queueUrl,
                StackClients.queueArn(function.source()), settings, invoker, Clock.systemUTC(), Sleeper.SYSTEM, log);
        return new Mapping(mapping::start, mapping::awaitIdle, () -> {
            SqsEsmStats stats = mapping.stats();
            return stats.invocations() + " invocations, " + stats.functionErrors() + " function errors, "
                    + stats.messagesDeleted() + " messages deleted, " + stats.messagesLeftForRetry()
                    + " left for retry";
        }, mapping::close);
    }

    Optional<Running> function(String name) {
        return running.stream().filter(function -> function.spec().name().equals(name)).findFirst();
    }
}
