package io.github.logway.local.pipeline;

import io.github.logway.local.LogwayFunction;
import io.github.logway.local.esm.EsmSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A local pipeline: the streams, buckets and queues to create on the local stack, and the functions to run on
 * them under the event-source-mapping runner. {@code ./logway demo} builds one in code; {@code ./logway run
 * --config FILE} reads one from YAML ({@link PipelineConfig}).
 *
 * @param streams Kinesis streams to create
 * @param buckets S3 buckets to create
 * @param queues SQS queues to create
 * @param openSearch whether a function needs OpenSearch
 * @param functions the functions, each with its event source
 */
public record PipelineSpec(
        List<StreamSpec> streams, List<String> buckets, List<QueueSpec> queues, boolean openSearch,
        List<FunctionSpec> functions) {

    /**
     * Copies the lists and checks that every name a function refers to is declared.
     *
     * @throws IllegalArgumentException naming every problem
     */
    public PipelineSpec {
        streams = List.copyOf(streams);
        buckets = List.copyOf(buckets);
        queues = List.copyOf(queues);
        functions = List.copyOf(functions);
        List<String> problems = problems(streams, buckets, queues, functions);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** A Kinesis stream. @param name its name @param shards its shard count, 1 to 50 locally */
    public record StreamSpec(String name, int shards) {
        public StreamSpec {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * An SQS queue.
     *
     * @param name its name
     * @param deadLetterQueue the queue its redrive policy moves messages to, if any
     * @param maxReceiveCount receives before a message moves to the dead-letter queue
     * @param visibilityTimeoutSeconds how long a received message stays invisible
     */
    public record QueueSpec(String name, Optional<String> deadLetterQueue, int maxReceiveCount,
            int visibilityTimeoutSeconds) {
        public QueueSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        }
    }

    /** The kind of an on-failure destination. */
    public enum DestinationType { SQS, S3 }

    /**
     * Where a Kinesis mapping sends discarded batches.
     *
     * @param type queue or bucket
     * @param name the queue's or bucket's name
     */
    public record OnFailure(DestinationType type, String name) {
        public OnFailure {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * One function and its event source mapping.
     *
     * @param name a unique name (the Lambda function name), such as {@code forward-orders}
     * @param kind which Logway function
     * @param env its environment variables
     * @param source the stream (Kinesis functions) or queue ({@code elb}) it reads
     * @param esm the mapping's settings
     * @param onFailure where discarded batches go (Kinesis functions), if anywhere
     */
    public record FunctionSpec(String name, LogwayFunction kind, Map<String, String> env, String source,
            EsmSettings esm, Optional<OnFailure> onFailure) {
        public FunctionSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            env = Map.copyOf(new LinkedHashMap<>(env));
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(esm, "esm");
            Objects.requireNonNull(onFailure, "onFailure");
        }

        /** Whether the function reads a Kinesis stream (all but {@code elb}, which reads a queue). */
        public boolean readsStream() {
            return kind != LogwayFunction.ELB;
        }
    }

    private static List<String> problems(List<StreamSpec> streams, List<String> buckets, List<QueueSpec> queues,
            List<FunctionSpec> functions) {
        List<String> problems = new ArrayList<>();
        Set<String> streamNames = unique("stream", streams.stream().map(StreamSpec::name).toList(), problems);
        Set<String> bucketNames = unique("bucket", buckets, problems);
        Set<String> queueNames = unique("queue", queues.stream().map(QueueSpec::name).toList(), problems);
        unique("function", functions.stream().map(FunctionSpec::name).toList(), problems);
        for (QueueSpec queue : queues) {
            queue.deadLetterQueue().filter(dlq -> !queueNames.contains(dlq)).ifPresent(dlq -> problems.add(
                    "queue " + queue.name() + ": dead-letter queue " + dlq + " is not declared under queues"));
        }
        for (FunctionSpec function : functions) {
            if (function.readsStream() && !streamNames.contains(function.source())) {
                problems.add("function " + function.name() + ": source stream " + function.source()
                        + " is not declared under streams");
            }
            if (!function.readsStream() && !queueNames.contains(function.source())) {
                problems.add("function " + function.name() + ": source queue " + function.source()
                        + " is not declared under queues");
            }
            function.onFailure().ifPresent(destination -> {
                Set<String> declared = destination.type() == DestinationType.SQS ? queueNames : bucketNames;
                if (!declared.contains(destination.name())) {
                    problems.add("function " + function.name() + ": on-failure " + destination.type().name()
                            .toLowerCase(java.util.Locale.ROOT) + " " + destination.name() + " is not declared under "
                            + (destination.type() == DestinationType.SQS ? "queues" : "buckets"));
                }
                if (!function.readsStream()) {
                    problems.add("function " + function.name() + ": on_failure applies to stream sources only; an"
                            + " SQS source uses its queue's dead-letter queue");
                }
            });
        }
        return problems;
    }

    private static Set<String> unique(String what, List<String> names, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                problems.add(what + " " + name + " is declared twice");
            }
        }
        return seen;
    }
}
