package io.github.logway.local.esm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Writes the event JSON Lambda sends a function for a batch of Kinesis records: {@code Records[]} with
 * {@code kinesis.{kinesisSchemaVersion, partitionKey, sequenceNumber, data (base64),
 * approximateArrivalTimestamp (epoch seconds, millisecond fraction)}}, {@code eventSource}, {@code eventVersion},
 * {@code eventID} ({@code shardId:sequenceNumber}), {@code eventName}, {@code invokeIdentityArn},
 * {@code awsRegion}, {@code eventSourceARN}.
 */
public final class KinesisEventJson {

    private static final JsonFactory JSON = new JsonFactory();

    private final String streamArn;
    private final String region;
    private final String invokeIdentityArn;

    /**
     * @param streamArn the event source ARN, e.g. {@code arn:aws:kinesis:us-east-1:000000000000:stream/router}
     * @param invokeIdentityArn the function's execution role ARN as Lambda reports it
     */
    public KinesisEventJson(String streamArn, String invokeIdentityArn) {
        this.streamArn = Objects.requireNonNull(streamArn, "streamArn");
        this.invokeIdentityArn = Objects.requireNonNull(invokeIdentityArn, "invokeIdentityArn");
        this.region = regionOf(streamArn);
    }

    public String streamArn() {
        return streamArn;
    }

    /** The event JSON for {@code records}, in order. */
    public String write(List<StreamRecord> records) {
        StringWriter out = new StringWriter(256 + records.size() * 700);
        Base64.Encoder base64 = Base64.getEncoder();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            for (StreamRecord record : records) {
                json.writeStartObject();
                json.writeObjectFieldStart("kinesis");
                json.writeStringField("kinesisSchemaVersion", "1.0");
                json.writeStringField("partitionKey", record.partitionKey());
                json.writeStringField("sequenceNumber", record.sequenceNumber());
                json.writeStringField("data", base64.encodeToString(record.data()));
                json.writeFieldName("approximateArrivalTimestamp");
                json.writeNumber(BigDecimal.valueOf(record.arrival().toEpochMilli(), 3));
                json.writeEndObject();
                json.writeStringField("eventSource", "aws:kinesis");
                json.writeStringField("eventVersion", "1.0");
                json.writeStringField("eventID", record.shardId() + ":" + record.sequenceNumber());
                json.writeStringField("eventName", "aws:kinesis:record");
                json.writeStringField("invokeIdentityArn", invokeIdentityArn);
                json.writeStringField("awsRegion", region);
                json.writeStringField("eventSourceARN", streamArn);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    /** The region field of an ARN ({@code arn:partition:service:region:account:resource}), or empty. */
    static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length >= 4 ? parts[3] : "";
    }
}
