package io.github.logway.local.esm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One S3 event notification record as S3 sends it to an SQS queue (notification-content-structure in the S3 user
 * guide, event structure version 2.1): s3proxy sends none, so the runner writes them itself.
 *
 * @param region the bucket's region ({@code awsRegion})
 * @param eventTime when S3 finished the request
 * @param eventName without the {@code s3:} prefix, e.g. {@link #OBJECT_CREATED_PUT}
 * @param bucket the bucket name
 * @param key the object key, not encoded ({@link #toJson()} URL-encodes it as S3 does)
 * @param size the object size in bytes
 * @param eTag the object's ETag, without quotes
 * @param sequencer S3's ordering token for events of one key: hexadecimal, uppercase
 * @param requestId the {@code x-amz-request-id} of the PUT
 * @param hostId the {@code x-amz-id-2} of the PUT
 */
public record S3EventNotification(
        String region,
        Instant eventTime,
        String eventName,
        String bucket,
        String key,
        long size,
        String eTag,
        String sequencer,
        String requestId,
        String hostId) {

    /** The event name of an object stored by PutObject. */
    public static final String OBJECT_CREATED_PUT = "ObjectCreated:Put";
    /** The notification configuration id the local runner reports. */
    public static final String CONFIGURATION_ID = "logway-local-object-created";
    /** The principal the local runner reports as the uploader and the bucket owner. */
    public static final String PRINCIPAL_ID = "AWS:AIDALOGWAYLOCALUSER";

    private static final JsonFactory JSON = new JsonFactory();
    /** S3's notification time: UTC, always three fraction digits. */
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public S3EventNotification {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eTag, "eTag");
        Objects.requireNonNull(sequencer, "sequencer");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hostId, "hostId");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    /** The message body S3 sends: {@code {"Records":[this record]}}. */
    public String toJson() {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            json.writeStartObject();
            json.writeStringField("eventVersion", "2.1");
            json.writeStringField("eventSource", "aws:s3");
            json.writeStringField("awsRegion", region);
            json.writeStringField("eventTime", EVENT_TIME.format(eventTime));
            json.writeStringField("eventName", eventName);
            json.writeObjectFieldStart("userIdentity");
            json.writeStringField("principalId", PRINCIPAL_ID);
            json.writeEndObject();
            json.writeObjectFieldStart("requestParameters");
            json.writeStringField("sourceIPAddress", "127.0.0.1");
            json.writeEndObject();
            json.writeObjectFieldStart("responseElements");
            json.writeStringField("x-amz-request-id", requestId);
            json.writeStringField("x-amz-id-2", hostId);
            json.writeEndObject();
            json.writeObjectFieldStart("s3");
            json.writeStringField("s3SchemaVersion", "1.0");
            json.writeStringField("configurationId", CONFIGURATION_ID);
            json.writeObjectFieldStart("bucket");
            json.writeStringField("name", bucket);
            json.writeObjectFieldStart("ownerIdentity");
            json.writeStringField("principalId", PRINCIPAL_ID);
            json.writeEndObject();
            json.writeStringField("arn", "arn:aws:s3:::" + bucket);
            json.writeEndObject();
            json.writeObjectFieldStart("object");
            json.writeStringField("key", encodeKey(key));
            json.writeNumberField("size", size);
            json.writeStringField("eTag", eTag);
            json.writeStringField("sequencer", sequencer);
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    /**
     * A key as S3 writes it in notifications: URL-encoded as in an HTML form ({@code +} for a space, {@code %XX}
     * for reserved and non-ASCII bytes), slashes kept.
     */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
