package io.github.logway.local.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

class SqsEventJsonTest {

    private static final String QUEUE_ARN = "arn:aws:sqs:ap-northeast-1:111122223333:alb-objects";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Message plainMessage() {
        return Message.builder()
                .messageId("059f36b4-87a3-44ab-83d2-661975830a7d")
                .receiptHandle("AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a")
                .body("{\"Records\":[{\"eventSource\":\"aws:s3\"}]}\n\u00e9")
                .md5OfBody("098f6bcd4621d373cade4e832627b4f6")
                .attributesWithStrings(Map.of(
                        "SenderId", "AIDAIENQZJOLO23YVJ4VO",
                        "ApproximateFirstReceiveTimestamp", "1545082649185",
                        "SentTimestamp", "1545082649183",
                        "ApproximateReceiveCount", "1"))
                .build();
    }

    private static Message messageWithAttributes() {
        return Message.builder()
                .messageId("2e1424d4-f796-459a-8184-9c92662be6da")
                .receiptHandle("AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq")
                .body("second")
                .md5OfBody("a9f0e61a137d86aa9db53465e0801612")
                .md5OfMessageAttributes("582c92c5c5b6ac403040a4f3ab3115c9")
                .attributesWithStrings(Map.of(
                        "ApproximateReceiveCount", "2",
                        "SentTimestamp", "1545082650636",
                        "SenderId", "AIDAIENQZJOLO23YVJ4VO",
                        "ApproximateFirstReceiveTimestamp", "1545082650649",
                        "AWSTraceHeader", "Root=1-602e71f6-5c6b04245f199c004EXAMPLE"))
                .messageAttributes(Map.of(
                        "Kind", MessageAttributeValue.builder().dataType("String").stringValue("alb").build(),
                        "Blob", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromUtf8String("1100")).build()))
                .build();
    }

    @Test
    void write_producesLambdasFieldsInLambdasOrder() throws Exception {
        JsonNode record = JSON.readTree(new SqsEventJson(QUEUE_ARN).write(List.of(plainMessage())))
                .path("Records").get(0);

        List<String> fields = new ArrayList<>();
        record.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("messageId", "receiptHandle", "body", "attributes", "messageAttributes",
                "md5OfBody", "eventSource", "eventSourceARN", "awsRegion");
        List<String> attributes = new ArrayList<>();
        record.path("attributes").fieldNames().forEachRemaining(attributes::add);
        assertThat(attributes).containsExactly("ApproximateReceiveCount", "SentTimestamp", "SenderId",
                "ApproximateFirstReceiveTimestamp");
        assertThat(record.path("attributes").path("ApproximateReceiveCount").isTextual()).isTrue();
        assertThat(record.path("messageAttributes").isObject()).isTrue();
        assertThat(record.path("messageAttributes").isEmpty()).isTrue();
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(record.path("eventSourceARN").asText()).isEqualTo(QUEUE_ARN);
        assertThat(record.path("awsRegion").asText()).isEqualTo("ap-northeast-1");
    }

    @Test
    void write_whenMessageAttributesPresent_writesThemAsLambdaDoes() throws Exception {
        JsonNode record = JSON.readTree(new SqsEventJson(QUEUE_ARN).write(List.of(messageWithAttributes())))
                .path("Records").get(0);

        JsonNode kind = record.path("messageAttributes").path("Kind");
        assertThat(kind.path("stringValue").asText()).isEqualTo("alb");
        assertThat(kind.path("stringListValues").isArray()).isTrue();
        assertThat(kind.path("binaryListValues").isArray()).isTrue();
        assertThat(kind.path("dataType").asText()).isEqualTo("String");
        assertThat(kind.has("binaryValue")).isFalse();
        assertThat(record.path("messageAttributes").path("Blob").path("binaryValue").asText()).isEqualTo("MTEwMA==");
        assertThat(record.path("md5OfMessageAttributes").asText()).isEqualTo("582c92c5c5b6ac403040a4f3ab3115c9");
        Iterator<String> attributes = record.path("attributes").fieldNames();
        List<String> names = new ArrayList<>();
        attributes.forEachRemaining(names::add);
        assertThat(names).containsExactly("ApproximateReceiveCount", "SentTimestamp", "SenderId",
                "ApproximateFirstReceiveTimestamp", "AWSTraceHeader");
    }

    @Test
    void write_isDeserialisedByTheLambdaRuntimeSerializerWithEveryField() {
        String event = new SqsEventJson(QUEUE_ARN).write(List.of(plainMessage(), messageWithAttributes()));
        PojoSerializer<SQSEvent> serializer =
                LambdaEventSerializers.serializerFor(SQSEvent.class, SQSEvent.class.getClassLoader());

        SQSEvent parsed = serializer.fromJson(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));

        assertThat(parsed.getRecords()).hasSize(2);
        SQSEvent.SQSMessage first = parsed.getRecords().get(0);
        assertThat(first.getMessageId()).isEqualTo("059f36b4-87a3-44ab-83d2-661975830a7d");
        assertThat(first.getReceiptHandle()).isEqualTo("AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a");
        assertThat(first.getBody()).isEqualTo(plainMessage().body());
        assertThat(first.getMd5OfBody()).isEqualTo("098f6bcd4621d373cade4e832627b4f6");
        assertThat(first.getMd5OfMessageAttributes()).isNull();
        assertThat(first.getEventSource()).isEqualTo("aws:sqs");
        assertThat(first.getEventSourceArn()).isEqualTo(QUEUE_ARN);
        assertThat(first.getAwsRegion()).isEqualTo("ap-northeast-1");
        assertThat(first.getAttributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ApproximateReceiveCount", "1", "SentTimestamp", "1545082649183",
                "SenderId", "AIDAIENQZJOLO23YVJ4VO", "ApproximateFirstReceiveTimestamp", "1545082649185"));
        assertThat(first.getMessageAttributes()).isEmpty();

        SQSEvent.SQSMessage second = parsed.getRecords().get(1);
        assertThat(second.getMd5OfMessageAttributes()).isEqualTo("582c92c5c5b6ac403040a4f3ab3115c9");
        assertThat(second.getAttributes()).containsEntry("ApproximateReceiveCount", "2")
                .containsEntry("AWSTraceHeader", "Root=1-602e71f6-5c6b04245f199c004EXAMPLE");
        SQSEvent.MessageAttribute kind = second.getMessageAttributes().get("Kind");
        assertThat(kind.getDataType()).isEqualTo("String");
        assertThat(kind.getStringValue()).isEqualTo("alb");
        assertThat(kind.getStringListValues()).isEmpty();
        assertThat(kind.getBinaryListValues()).isEmpty();
        SQSEvent.MessageAttribute blob = second.getMessageAttributes().get("Blob");
        assertThat(blob.getDataType()).isEqualTo("Binary");
        assertThat(blob.getBinaryValue()).isEqualTo(ByteBuffer.wrap("1100".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void eventBytes_equalsTheLengthOfTheWrittenEvent() {
        SqsEventJson events = new SqsEventJson(QUEUE_ARN);
        List<Message> messages = List.of(plainMessage(), messageWithAttributes());
        long recordBytes = 0;
        for (Message message : messages) {
            recordBytes += events.record(message).getBytes(StandardCharsets.UTF_8).length;
        }

        assertThat(SqsEventJson.eventBytes(recordBytes, messages.size()))
                .isEqualTo(events.write(messages).getBytes(StandardCharsets.UTF_8).length);
    }
}
