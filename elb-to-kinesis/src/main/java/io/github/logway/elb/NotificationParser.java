package io.github.logway.elb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the body of an SQS message into a {@link Notification}. Understood shapes:
 *
 * <ul>
 *   <li>an S3 event notification ({@code {"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put",
 *       "s3":{...}}]}}), sent to SQS directly or through SNS with raw message delivery; several records per message;
 *   <li>the same wrapped in an SNS envelope ({@code {"Type":"Notification","Message":"<the S3 event as a
 *       string>"}});
 *   <li>an EventBridge event ({@code {"source":"aws.s3","detail-type":"Object Created","detail":{...}}});
 *   <li>the {@code s3:TestEvent} S3 sends when a notification is configured (ignored), also inside SNS;
 *   <li>a continuation this function sent ({@link ContinuationMessage}).
 * </ul>
 *
 * <p>S3 and EventBridge give object keys URL-encoded as in a form ({@code +} for a space, {@code %XX}); they are
 * decoded here. Records other than object creation are ignored. Thread-safe.
 */
public final class NotificationParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** S3 event names of created objects start with this ({@code ObjectCreated:Put}, {@code :CompleteMultipartUpload}...). */
    private static final String OBJECT_CREATED = "ObjectCreated:";
    private static final String S3_TEST_EVENT = "s3:TestEvent";
    private static final String EVENTBRIDGE_OBJECT_CREATED = "Object Created";

    /** Reads one body; never throws for bad input. */
    public Notification parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new Notification.Unrecognized("the message body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return new Notification.Unrecognized("the message body is not a JSON object");
        }
        if ("Notification".equals(text(root, "Type")) && root.path("Message").isTextual()) {
            try {
                JsonNode inner = JSON.readTree(root.path("Message").asText());
                if (inner != null && inner.isObject()) {
                    return parseObject(inner);
                }
            } catch (JsonProcessingException e) {
                // reported below
            }
            return new Notification.Unrecognized("the SNS message is not a JSON object");
        }
        return parseObject(root);
    }

    private Notification parseObject(JsonNode root) {
        if (ContinuationMessage.isContinuation(root)) {
            return ContinuationMessage.read(root);
        }
        if (S3_TEST_EVENT.equals(text(root, "Event"))) {
            return new Notification.Ignored(S3_TEST_EVENT);
        }
        if (root.path("Records").isArray()) {
            return parseS3Event(root.path("Records"));
        }
        if (root.has("detail-type") && root.has("detail")) {
            return parseEventBridge(root);
        }
        return new Notification.Unrecognized("neither an S3 event, an EventBridge event nor a continuation");
    }

    private Notification parseS3Event(JsonNode records) {
        List<ObjectTask> tasks = new ArrayList<>();
        int ignored = 0;
        for (JsonNode record : records) {
            String eventName = text(record, "eventName");
            if (!"aws:s3".equals(text(record, "eventSource")) || eventName == null
                    || !eventName.startsWith(OBJECT_CREATED)) {
                ignored++;
                continue;
            }
            JsonNode s3 = record.path("s3");
            String bucket = text(s3.path("bucket"), "name");
            String key = text(s3.path("object"), "key");
            Optional<Long> time = epochMillis(text(record, "eventTime"));
            if (bucket == null || key == null || time.isEmpty()) {
                return new Notification.Unrecognized("an S3 record without bucket, key or eventTime");
            }
            Optional<String> decoded = decodeKey(key);
            if (decoded.isEmpty()) {
                return new Notification.Unrecognized("an S3 record with a badly URL-encoded key");
            }
            tasks.add(ObjectTask.whole(bucket, decoded.get(),
                    Optional.ofNullable(text(s3.path("object"), "eTag")).map(ObjectOpening::normalizeETag),
                    time.get()));
        }
        if (tasks.isEmpty()) {
            return new Notification.Ignored(ignored + " S3 record(s), none an object creation");
        }
        return new Notification.ObjectsToRead(tasks, false);
    }

    private Notification parseEventBridge(JsonNode root) {
        if (!"aws.s3".equals(text(root, "source")) || !EVENTBRIDGE_OBJECT_CREATED.equals(text(root, "detail-type"))) {
            return new Notification.Ignored("EventBridge event '" + text(root, "detail-type") + "' from "
                    + text(root, "source"));
        }
        JsonNode detail = root.path("detail");
        String bucket = text(detail.path("bucket"), "name");
        String key = text(detail.path("object"), "key");
        Optional<Long> time = epochMillis(text(root, "time"));
        if (bucket == null || key == null || time.isEmpty()) {
            return new Notification.Unrecognized("an EventBridge Object Created event without bucket, key or time");
        }
        Optional<String> decoded = decodeKey(key);
        if (decoded.isEmpty()) {
            return new Notification.Unrecognized("an EventBridge event with a badly URL-encoded key");
        }
        Optional<String> eTag = Optional.ofNullable(text(detail.path("object"), "etag"))
                .map(ObjectOpening::normalizeETag);
        return new Notification.ObjectsToRead(List.of(ObjectTask.whole(bucket, decoded.get(), eTag, time.get())),
                false);
    }

    /** Decodes a key as S3 encodes it in notifications ({@code +} is a space). */
    static Optional<String> decodeKey(String key) {
        try {
            return Optional.of(URLDecoder.decode(key, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> epochMillis(String isoTime) {
        if (isoTime == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(isoTime).toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
