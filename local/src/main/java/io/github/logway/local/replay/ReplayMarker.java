package io.github.logway.local.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The small JSON object replay writes as {@code KEY.replayed} next to an S3 source it has replayed completely:
 * its presence makes later runs skip the source. Delete it to replay the source again.
 *
 * @param replayedAt when the replay finished
 * @param to the stream the records went to
 * @param events the records of the source
 * @param sourceTime the source's time for {@code --since}/{@code --until} (its first record's)
 */
record ReplayMarker(Instant replayedAt, String to, long events, Instant sourceTime) {

    private static final ObjectMapper JSON = new ObjectMapper();

    ReplayMarker {
        Objects.requireNonNull(replayedAt, "replayedAt");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(sourceTime, "sourceTime");
    }

    /** The marker key of an object key. */
    static String keyOf(String objectKey) {
        return objectKey + SourceKey.MARKER_SUFFIX;
    }

    byte[] toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("replayed_at", replayedAt.toString());
        json.put("to", to);
        json.put("events", events);
        json.put("source_time", sourceTime.toString());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /** The marker in {@code body}; empty when it is not one replay wrote (it still marks the object). */
    static Optional<ReplayMarker> parse(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.path("replayed_at").isTextual() || !json.path("source_time").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new ReplayMarker(Instant.parse(json.path("replayed_at").asText()),
                    json.path("to").asText(""), json.path("events").asLong(0),
                    Instant.parse(json.path("source_time").asText())));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
