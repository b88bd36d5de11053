package io.github.logway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LambdaEventsTest {

    private static byte[] kinesisEvent(String sequenceNumber) {
        return ("{\"Records\":[{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"pk\","
                + "\"sequenceNumber\":\"" + sequenceNumber + "\",\"data\":\"e30=\","
                + "\"approximateArrivalTimestamp\":1795515330.123},\"eventSource\":\"aws:kinesis\","
                + "\"eventID\":\"shardId-000000000000:" + sequenceNumber + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void check_aKinesisEventWithADecimalSequenceNumber_isAccepted() {
        assertThat(LambdaEvents.check(LogwayFunction.TO_S3,
                kinesisEvent("49590338271490256608559692538361571095921575989136588898")).records()).isEqualTo(1);
    }

    @Test
    void check_anEmptyOrNonDecimalSequenceNumber_isRefusedBeforeTheHandlerRuns() {
        for (String sequence : new String[] {"", "abc", "12 34"}) {
            assertThatThrownBy(() -> LambdaEvents.check(LogwayFunction.FORWARD, kinesisEvent(sequence)))
                    .as("'%s'", sequence)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Records[0].kinesis.sequenceNumber '" + sequence + "' is not a decimal number");
        }
    }

    @Test
    void check_anSqsEventForAKinesisFunction_isRefused() {
        byte[] sqs = "{\"Records\":[{\"messageId\":\"m\",\"body\":\"{}\",\"eventSource\":\"aws:sqs\"}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LambdaEvents.check(LogwayFunction.TO_ES, sqs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a Kinesis event");
        assertThat(LambdaEvents.check(LogwayFunction.ELB, sqs).messageBodies()).containsExactly("{}");
    }
}
