package io.github.logway.local.esm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an event source mapping sends to its on-failure destination when it discards a batch: the invocation
 * record (request and response context, {@code KinesisBatchInfo}) and, for an S3 destination, the event itself.
 *
 * @param requestId the id of the last invocation
 * @param functionArn the function's ARN
 * @param condition {@link #RETRY_ATTEMPTS_EXHAUSTED} or {@link #RECORD_AGE_EXCEEDED}
 * @param approximateInvokeCount how many times the batch was invoked
 * @param functionError the last error type, or null when the function returned (a partial batch failure)
 * @param timestamp when the batch was discarded
 * @param streamArn the stream
 * @param records the discarded records, in order (non-empty)
 * @param eventJson the event of the last invocation (the S3 destination stores it as {@code payload})
 */
public record OnFailureRecord(
        String requestId,
        String functionArn,
        String condition,
        int approximateInvokeCount,
        String functionError,
        Instant timestamp,
        String streamArn,
        List<StreamRecord> records,
        String eventJson) {

    /** The retry quota (MaximumRetryAttempts) is used up. */
    public static final String RETRY_ATTEMPTS_EXHAUSTED = "RetryAttemptsExhausted";
    /** The records are older than MaximumRecordAgeInSeconds. */
    public static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

    private static final JsonFactory JSON = new JsonFactory();

    public OnFailureRecord {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(streamArn, "streamArn");
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("an on-failure record describes at least one record");
        }
        Objects.requireNonNull(eventJson, "eventJson");
    }

    public String shardId() {
        return records.get(0).shardId();
    }

    /** The invocation record JSON (SQS and SNS destinations); with the payload for S3 when {@code withPayload}. */
    public String toJson(boolean withPayload) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("requestContext");
            json.writeStringField("requestId", requestId);
            json.writeStringField("functionArn", functionArn);
            json.writeStringField("condition", condition);
            json.writeNumberField("approximateInvokeCount", approximateInvokeCount);
            json.writeEndObject();
            json.writeObjectFieldStart("responseContext");
            json.writeNumberField("statusCode", 200);
            json.writeStringField("executedVersion", "$LATEST");
            if (functionError != null) {
                json.writeStringField("functionError", functionError);
            }
            json.writeEndObject();
            json.writeStringField("version", "1.0");
            json.writeStringField("timestamp", timestamp.toString());
            json.writeObjectFieldStart("KinesisBatchInfo");
            StreamRecord first = records.get(0);
            StreamRecord last = records.get(records.size() - 1);
            json.writeStringField("shardId", first.shardId());
            json.writeStringField("startSequenceNumber", first.sequenceNumber());
            json.writeStringField("endSequenceNumber", last.sequenceNumber());
            json.writeStringField("approximateArrivalOfFirstRecord", first.arrival().toString());
            json.writeStringField("approximateArrivalOfLastRecord", last.arrival().toString());
            json.writeNumberField("batchSize", records.size());
            json.writeStringField("streamArn", streamArn);
            json.writeEndObject();
            if (withPayload) {
                json.writeStringField("payload", eventJson);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }
}
