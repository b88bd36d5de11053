package io.github.logway.local.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.publish.PublishEntry;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The invocation record a Kinesis event source mapping sends its on-failure destination when it discards a batch:
 * {@code KinesisBatchInfo} (stream, shard, first and last sequence number, batch size) and, in an S3 destination's
 * object, the event as {@code payload} (an object, or a string holding it).
 *
 * @param streamArn the stream the batch came from
 * @param shardId its shard
 * @param startSequenceNumber the first record's sequence number
 * @param endSequenceNumber the last record's sequence number
 * @param batchSize the number of records
 * @param timestamp when the batch was discarded, if the record says
 * @param payload the records of the event with their original partition keys; empty for SQS and SNS records
 */
record OnFailureBatch(String streamArn, String shardId, String startSequenceNumber, String endSequenceNumber,
        int batchSize, Optional<Instant> timestamp, Optional<List<PublishEntry>> payload) {

    private static final ObjectMapper JSON = new ObjectMapper();

    OnFailureBatch {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(startSequenceNumber, "startSequenceNumber");
        Objects.requireNonNull(endSequenceNumber, "endSequenceNumber");
        Objects.requireNonNull(timestamp, "timestamp");
        payload = payload.map(List::copyOf);
    }

    /** Whether the bytes start like a JSON object (after optional whitespace), as invocation records do. */
    static boolean looksLikeJsonObject(byte[] body) {
        for (byte b : body) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return false;
    }

    /**
     * Parses an invocation record.
     *
     * @throws IllegalArgumentException when it is not JSON or lacks {@code KinesisBatchInfo} (an SNS
     *     notification wrapping it, a record of another event source...), naming what is missing
     */
    static OnFailureBatch parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode batch = root.path("KinesisBatchInfo");
        if (!batch.isObject()) {
            throw new IllegalArgumentException(root.has("Type") && root.has("TopicArn")
                    ? "an SNS notification: SNS on-failure records are not replayable"
                    : "no KinesisBatchInfo: not the on-failure record of a Kinesis event source mapping");
        }
        String streamArn = required(batch, "streamArn");
        String shardId = required(batch, "shardId");
        String start = required(batch, "startSequenceNumber");
        String end = required(batch, "endSequenceNumber");
        int batchSize = batch.path("batchSize").asInt(0);
        Optional<Instant> timestamp = Optional.empty();
        if (root.path("timestamp").isTextual()) {
            try {
                timestamp = Optional.of(Instant.parse(root.path("timestamp").asText()));
            } catch (DateTimeParseException e) {
                timestamp = Optional.empty();
            }
        }
        Optional<List<PublishEntry>> payload = root.has("payload")
                ? Optional.of(records(payloadOf(root.path("payload"))))
                : Optional.empty();
        return new OnFailureBatch(streamArn, shardId, start, end, batchSize, timestamp, payload);
    }

    private static JsonNode payloadOf(JsonNode payload) {
        if (payload.isTextual()) {
            try {
                return JSON.readTree(payload.asText());
            } catch (IOException e) {
                throw new IllegalArgumentException("payload is a string but not JSON: " + e.getMessage(), e);
            }
        }
        return payload;
    }

    private static List<PublishEntry> records(JsonNode event) {
        JsonNode records = event.path("Records");
        if (!records.isArray()) {
            throw new IllegalArgumentException("payload has no Records array");
        }
        List<PublishEntry> entries = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            JsonNode kinesis = record.path("kinesis");
            if (!kinesis.path("data").isTextual()) {
                throw new IllegalArgumentException("payload record " + (entries.size() + 1) + " has no kinesis.data");
            }
            byte[] data;
            try {
                data = Base64.getDecoder().decode(kinesis.path("data").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("payload record " + (entries.size() + 1)
                        + " has kinesis.data that is not base64", e);
            }
            entries.add(PublishEntry.of(data, PartitionKeys.choose(kinesis.path("partitionKey").asText(""), data)));
        }
        return entries;
    }

    private static String required(JsonNode batch, String field) {
        JsonNode value = batch.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("KinesisBatchInfo has no " + field);
        }
        return value.asText();
    }
}
