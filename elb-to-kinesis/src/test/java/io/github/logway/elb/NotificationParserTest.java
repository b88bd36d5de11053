package io.github.logway.elb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NotificationParserTest {

    private static final String BUCKET = "alb-logs-111122223333";
    private static final String FIRST_KEY = "AWSLogs/111122223333/elasticloadbalancing/ap-northeast-1/2026/11/24/"
            + "111122223333_elasticloadbalancing_ap-northeast-1_app.shop-front.5f3c9e2a7b1d4c60_20261124T1015Z_"
            + "203.0.113.9_2k4x9q1z.log.gz";

    private final NotificationParser parser = new NotificationParser();

    @Test
    void parse_s3EventWithTwoRecords_readsBothInOrder() {
        Notification notification = parser.parse(Fixtures.notification("s3-two-objects.json"));

        assertThat(notification).isInstanceOf(Notification.ObjectsToRead.class);
        List<ObjectTask> tasks = ((Notification.ObjectsToRead) notification).tasks();
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0)).isEqualTo(new ObjectTask(BUCKET, FIRST_KEY,
                Optional.of("9b2cf535f27731c974343645a3985328"), 1, OptionalLong.empty(),
                Instant.parse("2026-11-24T10:20:04.512Z").toEpochMilli()));
        assertThat(tasks.get(1).key()).endsWith("_203.0.113.10_7h3m2c8v.log.gz");
        assertThat(((Notification.ObjectsToRead) notification).continuation()).isFalse();
    }

    @Test
    void parse_urlEncodedKey_decodesPlusAsSpaceAndPercentEscapes() {
        Notification notification = parser.parse(Fixtures.notification("s3-encoded-key.json"));

        ObjectTask task = ((Notification.ObjectsToRead) notification).tasks().get(0);
        assertThat(task.key()).startsWith("team=web/alb logs/AWSLogs/111122223333/");
    }

    @Test
    void parse_snsWrappedS3Event_readsTheInnerEvent() {
        Notification notification = parser.parse(Fixtures.notification("sns-wrapped-s3.json"));

        List<ObjectTask> tasks = ((Notification.ObjectsToRead) notification).tasks();
        assertThat(tasks).extracting(ObjectTask::key).containsExactly(FIRST_KEY);
    }

    @Test
    void parse_eventBridgeObjectCreated_readsBucketKeyETagAndTime() {
        Notification notification = parser.parse(Fixtures.notification("eventbridge-object-created.json"));

        ObjectTask task = ((Notification.ObjectsToRead) notification).tasks().get(0);
        assertThat(task).isEqualTo(ObjectTask.whole(BUCKET, FIRST_KEY,
                Optional.of("9b2cf535f27731c974343645a3985328"),
                Instant.parse("2026-11-24T10:20:04Z").toEpochMilli()));
    }

    @Test
    void parse_s3TestEvent_isIgnored() {
        assertThat(parser.parse(Fixtures.notification("s3-test-event.json")))
                .isEqualTo(new Notification.Ignored("s3:TestEvent"));
        assertThat(parser.parse(Fixtures.notification("sns-wrapped-test-event.json")))
                .isEqualTo(new Notification.Ignored("s3:TestEvent"));
    }

    @Test
    void parse_eventsOtherThanObjectCreation_areIgnored() {
        assertThat(parser.parse(Fixtures.notification("s3-object-removed.json")))
                .isInstanceOf(Notification.Ignored.class);
        assertThat(parser.parse(Fixtures.notification("eventbridge-object-deleted.json")))
                .isInstanceOf(Notification.Ignored.class);
    }

    @Test
    void parse_bodiesOfUnknownShape_areUnrecognizedWithoutEchoingThem() {
        assertThat(parser.parse("secret payload, not json"))
                .isEqualTo(new Notification.Unrecognized("the message body is not JSON"));
        assertThat(parser.parse("[1,2]"))
                .isEqualTo(new Notification.Unrecognized("the message body is not a JSON object"));
        assertThat(parser.parse("{\"hello\":\"world\"}")).isInstanceOf(Notification.Unrecognized.class);
        assertThat(parser.parse("{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\"}]}"))
                .isEqualTo(new Notification.Unrecognized("an S3 record without bucket, key or eventTime"));
    }

    @Test
    void parse_continuationWrittenByThisFunction_roundTrips() {
        ObjectTask gzip = new ObjectTask(BUCKET, "a key with spaces+plus.log.gz", Optional.of("etag-1"), 4001,
                OptionalLong.empty(), 1_795_515_604_512L);
        ObjectTask plain = new ObjectTask(BUCKET, "elb/file.log", Optional.of("etag-2"), 17, OptionalLong.of(5120),
                1_795_515_604_000L);

        Notification notification = parser.parse(ContinuationMessage.write(List.of(gzip, plain)));

        assertThat(notification).isEqualTo(new Notification.ObjectsToRead(List.of(gzip, plain), true));
    }

    @Test
    void parse_continuationOfUnknownVersion_isUnrecognized() {
        assertThat(parser.parse("{\"logway_continuation\":99,\"objects\":[]}"))
                .isInstanceOf(Notification.Unrecognized.class);
    }
}
