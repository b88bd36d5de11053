package io.github.logway.local.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.elb.Notification;
import io.github.logway.elb.NotificationParser;
import io.github.logway.elb.ObjectTask;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3EventNotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2026-11-24T10:15:30.120Z");
    private static final String KEY =
            "AWSLogs/111122223333/elasticloadbalancing/ap-northeast-1/2026/11/24/my log=1:é.log.gz";

    private static S3EventNotification notification() {
        return new S3EventNotification("ap-northeast-1", TIME, S3EventNotification.OBJECT_CREATED_PUT, "alb-logs",
                KEY, 1234, "d41d8cd98f00b204e9800998ecf8427e", "0000019A2F1B2C3D40", "C3D13FE58DE4C810",
                "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD");
    }

    @Test
    void toJson_isReadByElbToKinesisNotificationParser() {
        Notification parsed = new NotificationParser().parse(notification().toJson());

        assertThat(parsed).isInstanceOf(Notification.ObjectsToRead.class);
        Notification.ObjectsToRead objects = (Notification.ObjectsToRead) parsed;
        assertThat(objects.continuation()).isFalse();
        assertThat(objects.tasks()).containsExactly(ObjectTask.whole("alb-logs", KEY,
                Optional.of("d41d8cd98f00b204e9800998ecf8427e"), TIME.toEpochMilli()));
    }

    @Test
    void toJson_hasTheShapeOfS3sVersion21Notification() throws Exception {
        JsonNode record = JSON.readTree(notification().toJson()).path("Records").get(0);

        assertThat(record.path("eventVersion").asText()).isEqualTo("2.1");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.path("awsRegion").asText()).isEqualTo("ap-northeast-1");
        assertThat(record.path("eventTime").asText()).isEqualTo("2026-11-24T10:15:30.120Z");
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("userIdentity").path("principalId").isTextual()).isTrue();
        assertThat(record.path("requestParameters").path("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(record.path("responseElements").path("x-amz-request-id").asText()).isEqualTo("C3D13FE58DE4C810");
        assertThat(record.path("responseElements").path("x-amz-id-2").asText()).startsWith("FMyUVURIY8");
        JsonNode s3 = record.path("s3");
        assertThat(s3.path("s3SchemaVersion").asText()).isEqualTo("1.0");
        assertThat(s3.path("configurationId").asText()).isEqualTo(S3EventNotification.CONFIGURATION_ID);
        assertThat(s3.path("bucket").path("name").asText()).isEqualTo("alb-logs");
        assertThat(s3.path("bucket").path("ownerIdentity").path("principalId").isTextual()).isTrue();
        assertThat(s3.path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::alb-logs");
        assertThat(s3.path("object").path("key").asText()).isEqualTo(
                "AWSLogs/111122223333/elasticloadbalancing/ap-northeast-1/2026/11/24/my+log%3D1%3A%C3%A9.log.gz");
        assertThat(s3.path("object").path("size").isIntegralNumber()).isTrue();
        assertThat(s3.path("object").path("size").asLong()).isEqualTo(1234);
        assertThat(s3.path("object").path("eTag").asText()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(s3.path("object").path("sequencer").asText()).isEqualTo("0000019A2F1B2C3D40");
    }

    @Test
    void encodeKey_keepsSlashesAndEncodesSpacesAsPlus() {
        assertThat(S3EventNotification.encodeKey("a b/c+d/e.log")).isEqualTo("a+b/c%2Bd/e.log");
    }
}
