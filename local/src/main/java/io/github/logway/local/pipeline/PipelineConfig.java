package io.github.logway.local.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.logway.local.LogwayFunction;
import io.github.logway.local.esm.EsmSettings;
import io.github.logway.local.pipeline.PipelineSpec.DestinationType;
import io.github.logway.local.pipeline.PipelineSpec.FunctionSpec;
import io.github.logway.local.pipeline.PipelineSpec.OnFailure;
import io.github.logway.local.pipeline.PipelineSpec.QueueSpec;
import io.github.logway.local.pipeline.PipelineSpec.StreamSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the YAML pipeline file of {@code ./logway run --config FILE} into a {@link PipelineSpec}, reporting every
 * problem at once with its path ({@code functions[1].event_source_mapping.batch_size: ...}). The format is
 * documented in docs/local-pipeline.md, with an example in docs/local-pipeline.example.yaml.
 */
public final class PipelineConfig {

    /** Kinesis streams of the local stack have at most this many shards each (kinesis-local's default limit). */
    static final int MAX_SHARDS = 50;
    /** SQS's largest visibility timeout: 12 hours. */
    static final int MAX_VISIBILITY_TIMEOUT_SECONDS = 43_200;
    /** SQS's range for a redrive policy's maxReceiveCount. */
    static final int MAX_RECEIVE_COUNT = 1_000;
    /** Lambda's largest batch for a standard SQS queue. */
    static final int MAX_SQS_BATCH_SIZE = 10;

    private static final Set<String> TOP_LEVEL = Set.of("streams", "buckets", "queues", "functions");
    private static final Set<String> STREAM_KEYS = Set.of("name", "shards");
    private static final Set<String> QUEUE_KEYS = Set.of("name", "dead_letter_queue", "max_receive_count",
            "visibility_timeout_seconds");
    private static final Set<String> FUNCTION_KEYS = Set.of("name", "function", "source", "env",
            "event_source_mapping", "on_failure");
    private static final Set<String> ESM_KEYS = Set.of("batch_size", "maximum_batching_window_in_seconds",
            "starting_position", "bisect_batch_on_function_error", "maximum_retry_attempts",
            "maximum_record_age_in_seconds", "report_batch_item_failures", "timeout_seconds");

    private final List<String> problems = new ArrayList<>();

    private PipelineConfig() {}

    /**
     * Parses a pipeline file.
     *
     * @param yaml the file's text
     * @return the pipeline
     * @throws PipelineConfigException naming every problem, one per line
     */
    public static PipelineSpec parse(String yaml) {
        return new PipelineConfig().read(yaml);
    }

    private PipelineSpec read(String yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new PipelineConfigException(List.of("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        }
        if (root == null || !root.isObject()) {
            throw new PipelineConfigException(List.of("the file must be a mapping with streams, buckets, queues and"
                    + " functions"));
        }
        unknownKeys(root, TOP_LEVEL, "");
        List<StreamSpec> streams = new ArrayList<>();
        forEach(root, "streams", (node, path) -> {
            unknownKeys(node, STREAM_KEYS, path + ".");
            String name = name(node, path, "[a-zA-Z0-9_.-]{1,128}", "1-128 letters, digits, _ . -");
            int shards = integer(node, "shards", path, 1, 1, MAX_SHARDS);
            if (name != null) {
                streams.add(new StreamSpec(name, shards));
            }
        });
        List<String> buckets = new ArrayList<>();
        JsonNode bucketList = root.path("buckets");
        if (!bucketList.isMissingNode() && !bucketList.isArray()) {
            problems.add("buckets: must be a list of bucket names");
        }
        for (int i = 0; bucketList.isArray() && i < bucketList.size(); i++) {
            JsonNode bucket = bucketList.get(i);
            if (!bucket.isTextual() || !bucket.asText().matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                problems.add("buckets[" + i + "]: '" + bucket.asText() + "' is not a valid bucket name (3-63"
                        + " lowercase letters, digits, . and -)");
            } else {
                buckets.add(bucket.asText());
            }
        }
        List<QueueSpec> queues = new ArrayList<>();
        forEach(root, "queues", (node, path) -> {
            unknownKeys(node, QUEUE_KEYS, path + ".");
            String name = name(node, path, "[a-zA-Z0-9_-]{1,80}", "1-80 letters, digits, _ and -");
            Optional<String> dlq = optionalText(node, "dead_letter_queue", path);
            int maxReceive = integer(node, "max_receive_count", path, 3, 1, MAX_RECEIVE_COUNT);
            int visibility = integer(node, "visibility_timeout_seconds", path, 30, 0, MAX_VISIBILITY_TIMEOUT_SECONDS);
            if (name != null) {
                queues.add(new QueueSpec(name, dlq, maxReceive, visibility));
            }
        });
        List<FunctionSpec> functions = new ArrayList<>();
        forEach(root, "functions", (node, path) -> {
            unknownKeys(node, FUNCTION_KEYS, path + ".");
            String name = name(node, path, "[a-zA-Z0-9_-]{1,64}", "1-64 letters, digits, _ and -");
            Optional<LogwayFunction> kind = Optional.empty();
            JsonNode function = node.path("function");
            if (!function.isTextual()) {
                problems.add(path + ".function: required, one of " + String.join(", ", LogwayFunction.cliNames()));
            } else {
                kind = LogwayFunction.of(function.asText());
                if (kind.isEmpty()) {
                    problems.add(path + ".function: '" + function.asText() + "' is not one of "
                            + String.join(", ", LogwayFunction.cliNames()));
                }
            }
            JsonNode source = node.path("source");
            if (!source.isTextual() || source.asText().isEmpty()) {
                problems.add(path + ".source: required, the stream (or, for elb, the queue) the function reads");
            }
            Map<String, String> env = env(node.path("env"), path + ".env");
            boolean sqs = kind.map(k -> k == LogwayFunction.ELB).orElse(false);
            EsmSettings esm = esm(node.path("event_source_mapping"), path + ".event_source_mapping", sqs);
            Optional<OnFailure> onFailure = onFailure(node.path("on_failure"), path + ".on_failure");
            if (name != null && kind.isPresent() && source.isTextual() && esm != null) {
                functions.add(new FunctionSpec(name, kind.get(), env, source.asText(), esm, onFailure));
            }
        });
        if (!problems.isEmpty()) {
            throw new PipelineConfigException(problems);
        }
        boolean openSearch = functions.stream().anyMatch(f -> f.kind() == LogwayFunction.TO_ES);
        try {
            return new PipelineSpec(streams, buckets, queues, openSearch, functions);
        } catch (IllegalArgumentException e) {
            throw new PipelineConfigException(List.of(e.getMessage().split("; ")));
        }
    }

    private interface ItemReader {
        void read(JsonNode node, String path);
    }

    private void forEach(JsonNode root, String field, ItemReader reader) {
        JsonNode list = root.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            problems.add(field + ": must be a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = field + "[" + i + "]";
            if (!list.get(i).isObject()) {
                problems.add(path + ": must be a mapping");
                continue;
            }
            reader.read(list.get(i), path);
        }
    }

    private void unknownKeys(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(prefix + name + ": unknown key (allowed: " + String.join(", ", known.stream().sorted()
                        .toList()) + ")");
            }
        }
    }

    private String name(JsonNode node, String path, String pattern, String allowed) {
        JsonNode name = node.path("name");
        if (!name.isTextual() || !name.asText().matches(pattern)) {
            problems.add(path + ".name: " + (name.isMissingNode() ? "required" : "'" + name.asText() + "' is not")
                    + " a valid name (" + allowed + ")");
            return null;
        }
        return name.asText();
    }

    private int integer(JsonNode node, String field, String path, int defaultValue, int min, int max) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return defaultValue;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            problems.add(path + "." + field + ": '" + value.asText() + "' must be a whole number from " + min + " to "
                    + max);
            return defaultValue;
        }
        return value.asInt();
    }

    private boolean bool(JsonNode node, String field, String path, boolean defaultValue) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            problems.add(path + "." + field + ": '" + value.asText() + "' must be true or false");
            return defaultValue;
        }
        return value.asBoolean();
    }

    private Optional<String> optionalText(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            problems.add(path + "." + field + ": must be a name");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    private Map<String, String> env(JsonNode env, String path) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (env.isMissingNode() || env.isNull()) {
            return variables;
        }
        if (!env.isObject()) {
            problems.add(path + ": must be a mapping of variable names to values");
            return variables;
        }
        env.fields().forEachRemaining(entry -> {
            if (!entry.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add(path + "." + entry.getKey() + ": not a valid environment variable name");
            } else if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                problems.add(path + "." + entry.getKey() + ": must be a string, number or boolean");
            } else {
                variables.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return variables;
    }

    private EsmSettings esm(JsonNode node, String path, boolean sqs) {
        EsmSettings defaults = EsmSettings.DEFAULTS.withBatchSize(sqs ? MAX_SQS_BATCH_SIZE : 100);
        if (node.isMissingNode() || node.isNull()) {
            return defaults;
        }
        if (!node.isObject()) {
            problems.add(path + ": must be a mapping");
            return null;
        }
        int before = problems.size();
        unknownKeys(node, ESM_KEYS, path + ".");
        int batchSize = integer(node, "batch_size", path, defaults.batchSize(), 1,
                sqs ? MAX_SQS_BATCH_SIZE : EsmSettings.MAX_BATCH_SIZE);
        int window = integer(node, "maximum_batching_window_in_seconds", path, 0, 0,
                (int) EsmSettings.MAX_BATCHING_WINDOW.toSeconds());
        EsmSettings.StartingPosition position = EsmSettings.StartingPosition.TRIM_HORIZON;
        JsonNode start = node.path("starting_position");
        if (!start.isMissingNode()) {
            try {
                position = EsmSettings.StartingPosition.valueOf(start.asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(path + ".starting_position: '" + start.asText() + "' must be TRIM_HORIZON or LATEST");
            }
        }
        boolean bisect = bool(node, "bisect_batch_on_function_error", path, false);
        int retries = integer(node, "maximum_retry_attempts", path, -1, -1, EsmSettings.MAX_RETRY_ATTEMPTS);
        JsonNode ageNode = node.path("maximum_record_age_in_seconds");
        Duration age = null;
        if (!ageNode.isMissingNode() && !(ageNode.isIntegralNumber() && ageNode.asLong() == -1)) {
            int seconds = integer(node, "maximum_record_age_in_seconds", path, -1,
                    (int) EsmSettings.MIN_RECORD_AGE.toSeconds(), (int) EsmSettings.MAX_RECORD_AGE.toSeconds());
            age = seconds < 0 ? null : Duration.ofSeconds(seconds);
        }
        boolean report = bool(node, "report_batch_item_failures", path, true);
        int timeout = integer(node, "timeout_seconds", path, (int) defaults.functionTimeout().toSeconds(), 1,
                (int) EsmSettings.MAX_FUNCTION_TIMEOUT.toSeconds());
        if (problems.size() > before) {
            return null;
        }
        return new EsmSettings(batchSize, Duration.ofSeconds(window), position, report, bisect, retries, age,
                Duration.ofSeconds(timeout), defaults.retryDelay());
    }

    private Optional<OnFailure> onFailure(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        String text = node.asText();
        if (node.isTextual() && text.startsWith("s3://") && text.length() > 5) {
            return Optional.of(new OnFailure(DestinationType.S3, text.substring(5)));
        }
        if (node.isTextual() && text.startsWith("sqs://") && text.length() > 6) {
            return Optional.of(new OnFailure(DestinationType.SQS, text.substring(6)));
        }
        problems.add(path + ": '" + text + "' must be s3://BUCKET or sqs://QUEUE (a declared bucket or queue)");
        return Optional.empty();
    }
}
