package io.github.logway.local.esm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Writes the event JSON Lambda sends a function for a batch of SQS messages (with-sqs in the Lambda developer
 * guide): {@code Records[]} with {@code messageId}, {@code receiptHandle}, {@code body}, {@code attributes}
 * ({@code ApproximateReceiveCount}, {@code SentTimestamp}, {@code SenderId}, {@code ApproximateFirstReceiveTimestamp},
 * then any other system attribute SQS returned: {@code AWSTraceHeader}, and for FIFO queues {@code SequenceNumber},
 * {@code MessageGroupId}, {@code MessageDeduplicationId}), {@code messageAttributes} (each with
 * {@code stringValue} or base64 {@code binaryValue}, {@code stringListValues}, {@code binaryListValues},
 * {@code dataType}), {@code md5OfBody}, {@code md5OfMessageAttributes} (only when the message has attributes),
 * {@code eventSource} {@code aws:sqs}, {@code eventSourceARN} and {@code awsRegion}.
 */
public final class SqsEventJson {

    /** The system attributes Lambda always lists first, in its order. */
    private static final List<String> LEADING_ATTRIBUTES =
            List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp");
    private static final String PREFIX = "{\"Records\":[";
    private static final String SUFFIX = "]}";
    private static final JsonFactory JSON = new JsonFactory();

    private final String queueArn;
    private final String region;

    /** @param queueArn the event source, e.g. {@code arn:aws:sqs:us-east-1:000000000000:alb-objects} */
    public SqsEventJson(String queueArn) {
        this.queueArn = Objects.requireNonNull(queueArn, "queueArn");
        this.region = KinesisEventJson.regionOf(queueArn);
    }

    public String queueArn() {
        return queueArn;
    }

    /** The event JSON for {@code messages}, in order. */
    public String write(List<Message> messages) {
        StringBuilder event = new StringBuilder(PREFIX.length() + SUFFIX.length() + messages.size() * 1024);
        event.append(PREFIX);
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                event.append(',');
            }
            event.append(record(messages.get(i)));
        }
        return event.append(SUFFIX).toString();
    }

    /** The size in UTF-8 bytes of an event of records whose {@link #record} sizes sum to {@code recordBytes}. */
    static long eventBytes(long recordBytes, int records) {
        return PREFIX.length() + SUFFIX.length() + recordBytes + Math.max(0, records - 1);
    }

    /** One element of {@code Records}. */
    String record(Message message) {
        StringWriter out = new StringWriter(512 + message.body().length());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("messageId", message.messageId());
            json.writeStringField("receiptHandle", message.receiptHandle());
            json.writeStringField("body", message.body());
            json.writeObjectFieldStart("attributes");
            Map<String, String> attributes = new TreeMap<>(message.attributesAsStrings());
            for (String name : LEADING_ATTRIBUTES) {
                String value = attributes.remove(name);
                if (value != null) {
                    json.writeStringField(name, value);
                }
            }
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                json.writeStringField(attribute.getKey(), attribute.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("messageAttributes");
            for (Map.Entry<String, MessageAttributeValue> attribute : message.messageAttributes().entrySet()) {
                json.writeFieldName(attribute.getKey());
                writeAttribute(json, attribute.getValue());
            }
            json.writeEndObject();
            json.writeStringField("md5OfBody", message.md5OfBody());
            if (!message.messageAttributes().isEmpty() && message.md5OfMessageAttributes() != null) {
                json.writeStringField("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            json.writeStringField("eventSource", "aws:sqs");
            json.writeStringField("eventSourceARN", queueArn);
            json.writeStringField("awsRegion", region);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    private static void writeAttribute(JsonGenerator json, MessageAttributeValue value) throws IOException {
        Base64.Encoder base64 = Base64.getEncoder();
        json.writeStartObject();
        if (value.stringValue() != null) {
            json.writeStringField("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            json.writeStringField("binaryValue", base64.encodeToString(value.binaryValue().asByteArray()));
        }
        json.writeArrayFieldStart("stringListValues");
        for (String item : value.stringListValues()) {
            json.writeString(item);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("binaryListValues");
        for (SdkBytes item : value.binaryListValues()) {
            json.writeString(base64.encodeToString(item.asByteArray()));
        }
        json.writeEndArray();
        json.writeStringField("dataType", value.dataType());
        json.writeEndObject();
    }
}
