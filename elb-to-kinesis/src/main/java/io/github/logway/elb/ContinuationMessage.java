package io.github.logway.elb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The message elb-to-kinesis sends itself when the deadline comes before it has read everything a message asked
 * for (PRODUCT.md §7):
 *
 * <pre>{@code
 * {"logway_continuation": 1,
 *  "objects": [{"bucket": "b", "key": "k (not URL-encoded)", "etag": "...", "next_line": 12001,
 *               "byte_offset": 4801234, "event_time": "2026-11-24T10:15:30.123Z"}, ...]}
 * }</pre>
 *
 * <p>{@code byte_offset} is where {@code next_line} starts in a plain-text ({@code .log}) object, read with a
 * ranged GET; it is {@code null} for gzip objects, which are re-inflated from the start with the lines before
 * {@code next_line} skipped unparsed. {@code etag} is the ETag of the object as first read: a different one means
 * the object was replaced, and it is read again from its first line. The first object is the one interrupted; the
 * others are the rest of the original message, not yet started.
 */
public final class ContinuationMessage {

    /** The marker field and format version. */
    static final String MARKER = "logway_continuation";
    static final int VERSION = 1;
    static final String OBJECTS = "objects";
    static final String BUCKET = "bucket";
    static final String KEY = "key";
    static final String ETAG = "etag";
    static final String NEXT_LINE = "next_line";
    static final String BYTE_OFFSET = "byte_offset";
    static final String EVENT_TIME = "event_time";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContinuationMessage() {
    }

    /** The body of a continuation for {@code tasks} (at least one). */
    public static String write(List<ObjectTask> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a continuation needs at least one object");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put(MARKER, VERSION);
        ArrayNode objects = root.putArray(OBJECTS);
        for (ObjectTask task : tasks) {
            ObjectNode object = objects.addObject();
            object.put(BUCKET, task.bucket());
            object.put(KEY, task.key());
            if (task.eTag().isPresent()) {
                object.put(ETAG, task.eTag().get());
            } else {
                object.putNull(ETAG);
            }
            object.put(NEXT_LINE, task.nextLine());
            if (task.byteOffset().isPresent()) {
                object.put(BYTE_OFFSET, task.byteOffset().getAsLong());
            } else {
                object.putNull(BYTE_OFFSET);
            }
            object.put(EVENT_TIME, Instant.ofEpochMilli(task.eventTimeMillis()).toString());
        }
        return root.toString();
    }

    static boolean isContinuation(JsonNode root) {
        return root.has(MARKER);
    }

    /** Reads a body that {@link #isContinuation} accepted. */
    static Notification read(JsonNode root) {
        if (root.path(MARKER).asInt(-1) != VERSION || !root.path(OBJECTS).isArray()
                || root.path(OBJECTS).isEmpty()) {
            return new Notification.Unrecognized("a continuation of an unknown version or without objects");
        }
        List<ObjectTask> tasks = new ArrayList<>();
        for (JsonNode object : root.path(OBJECTS)) {
            String bucket = NotificationParser.text(object, BUCKET);
            String key = NotificationParser.text(object, KEY);
            Optional<Long> time = NotificationParser.epochMillis(NotificationParser.text(object, EVENT_TIME));
            JsonNode nextLine = object.path(NEXT_LINE);
            JsonNode offset = object.path(BYTE_OFFSET);
            if (bucket == null || key == null || time.isEmpty() || !nextLine.canConvertToLong()
                    || nextLine.asLong() < 1 || !(offset.isNull() || offset.isMissingNode()
                            || (offset.canConvertToLong() && offset.asLong() >= 0))) {
                return new Notification.Unrecognized("a continuation object without bucket, key, event_time or a"
                        + " valid next_line/byte_offset");
            }
            OptionalLong byteOffset = offset.isNumber() ? OptionalLong.of(offset.asLong()) : OptionalLong.empty();
            tasks.add(new ObjectTask(bucket, key, Optional.ofNullable(NotificationParser.text(object, ETAG)),
                    nextLine.asLong(), byteOffset, time.get()));
        }
        return new Notification.ObjectsToRead(tasks, true);
    }
}
