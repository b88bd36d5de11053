package io.github.logway.local.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.config.CommonConfig;
import io.github.logway.elb.ElbToKinesisConfig;
import io.github.logway.forward.KinesisForwardConfig;
import io.github.logway.local.LambdaEvents;
import io.github.logway.local.LogwayFunction;
import io.github.logway.local.stack.StackClients;
import io.github.logway.local.stack.StackEndpoints;
import io.github.logway.local.stack.StackService;
import io.github.logway.s3.KinesisToS3Config;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates what a handler's variables name on local servers (endpoints on this machine) when it is missing: the
 * buckets, the target stream, elb's queues; and for elb, uploads an access-log object that its S3 notification
 * names and the local S3 lacks, from the file of the same name next to the event file (what {@code bench gen
 * --kind alb} writes). Says on stderr what it created. Servers elsewhere are never touched.
 */
final class LocalResources {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NOT_FOUND = 404;

    private LocalResources() {}

    /**
     * @param function the function
     * @param env its variables (with the endpoints)
     * @param event the checked event
     * @param eventFile the event file
     * @param err where to say what was created
     */
    static void prepare(LogwayFunction function, Map<String, String> env, LambdaEvents.Checked event, Path eventFile,
            PrintStream err) {
        Map<StackService, URI> local = new EnumMap<>(StackService.class);
        for (StackService service : InvokeEnvironment.servicesOf(function)) {
            InvokeEnvironment.endpoint(env, service).filter(InvokeEnvironment::isLoopback)
                    .ifPresent(uri -> local.put(service, uri));
        }
        if (local.isEmpty()) {
            return;
        }
        try (StackClients clients = new StackClients(new StackEndpoints(local))) {
            if (local.containsKey(StackService.S3)) {
                Set<String> buckets = new LinkedHashSet<>();
                if (function == LogwayFunction.TO_S3) {
                    nonBlank(env.get(KinesisToS3Config.LOG_S3_BUCKET)).ifPresent(buckets::add);
                }
                nonBlank(env.get(CommonConfig.FAILED_LOG_S3_BUCKET)).ifPresent(buckets::add);
                buckets.forEach(bucket -> bucket(clients, bucket, err));
                if (function == LogwayFunction.ELB) {
                    accessLogObjects(clients, event, eventFile, err);
                }
            }
            if (local.containsKey(StackService.KINESIS)
                    && (function == LogwayFunction.FORWARD || function == LogwayFunction.ELB)) {
                String target = env.getOrDefault(function == LogwayFunction.FORWARD
                        ? KinesisForwardConfig.TARGET_STREAM_NAME : ElbToKinesisConfig.TARGET_STREAM_NAME, "");
                nonBlank(streamName(target)).ifPresent(stream -> stream(clients, stream, err));
            }
            if (local.containsKey(StackService.SQS) && function == LogwayFunction.ELB) {
                Set<String> queues = new LinkedHashSet<>();
                nonBlank(lastSegment(env.getOrDefault(ElbToKinesisConfig.CONTINUATION_QUEUE_URL, ""), '/'))
                        .ifPresent(queues::add);
                event.queueArns().forEach(arn -> nonBlank(lastSegment(arn, ':')).ifPresent(queues::add));
                queues.forEach(queue -> queue(clients, queue, err));
            }
        }
    }

    private static void bucket(StackClients clients, String bucket, PrintStream err) {
        try {
            clients.s3().headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException e) {
            clients.createBucket(bucket);
            err.println("logway invoke: created bucket " + bucket + " on the local S3");
        } catch (S3Exception e) {
            if (e.statusCode() != NOT_FOUND) {
                throw e;
            }
            clients.createBucket(bucket);
            err.println("logway invoke: created bucket " + bucket + " on the local S3");
        }
    }

    private static void stream(StackClients clients, String stream, PrintStream err) {
        try {
            clients.kinesis().describeStreamSummary(request -> request.streamName(stream));
        } catch (ResourceNotFoundException e) {
            clients.createStream(stream, 1);
            err.println("logway invoke: created stream " + stream + " (1 shard) on the local Kinesis");
        }
    }

    private static void queue(StackClients clients, String queue, PrintStream err) {
        try {
            clients.sqs().getQueueUrl(request -> request.queueName(queue));
        } catch (QueueDoesNotExistException e) {
            clients.createQueue(queue, Optional.empty(), 1, 30);
            err.println("logway invoke: created queue " + queue + " on the local SQS");
        }
    }

    /** S3 notifications of the SQS bodies (plain S3 events only): upload missing objects from files. */
    private static void accessLogObjects(StackClients clients, LambdaEvents.Checked event, Path eventFile,
            PrintStream err) {
        Path folder = eventFile.toAbsolutePath().getParent();
        for (String body : event.messageBodies()) {
            JsonNode notification;
            try {
                notification = JSON.readTree(body);
            } catch (IOException e) {
                continue; // the handler diverts or reports what it cannot read
            }
            for (JsonNode record : notification.path("Records")) {
                String bucket = record.path("s3").path("bucket").path("name").asText("");
                String encodedKey = record.path("s3").path("object").path("key").asText("");
                if (bucket.isEmpty() || encodedKey.isEmpty()) {
                    continue;
                }
                String key = URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
                bucket(clients, bucket, err);
                if (exists(clients, bucket, key)) {
                    continue;
                }
                Path file = folder == null ? null : folder.resolve(lastSegment(key, '/'));
                if (file != null && Files.isRegularFile(file)) {
                    clients.s3().putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file));
                    err.println("logway invoke: uploaded " + file + " to s3://" + bucket + "/" + key
                            + " on the local S3");
                } else {
                    err.println("logway invoke: s3://" + bucket + "/" + key + " is not on the local S3 and no file "
                            + lastSegment(key, '/') + " is next to the event file to upload");
                }
            }
        }
    }

    private static boolean exists(StackClients clients, String bucket, String key) {
        try {
            clients.s3().headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** A stream's name from a name or an ARN ({@code arn:aws:kinesis:REGION:ACCOUNT:stream/NAME}). */
    static String streamName(String nameOrArn) {
        int slash = nameOrArn.indexOf(":stream/");
        return slash < 0 ? nameOrArn.trim() : nameOrArn.substring(slash + ":stream/".length()).trim();
    }

    private static String lastSegment(String text, char separator) {
        String trimmed = text.trim();
        while (trimmed.endsWith(String.valueOf(separator))) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.substring(trimmed.lastIndexOf(separator) + 1);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
