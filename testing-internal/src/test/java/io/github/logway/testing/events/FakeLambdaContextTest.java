package io.github.logway.testing.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.testing.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FakeLambdaContextTest {

    private static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void getRemainingTimeInMillis_countsDownAsTheClockAdvances() {
        ManualClock clock = ManualClock.at(START);
        FakeLambdaContext context = FakeLambdaContext.withRemainingTime(clock, Duration.ofSeconds(30));

        clock.advance(Duration.ofMillis(25_500));

        assertThat(context.getRemainingTimeInMillis()).isEqualTo(4_500);
    }

    @Test
    void getRemainingTimeInMillis_afterTheDeadline_isZero() {
        ManualClock clock = ManualClock.at(START);
        FakeLambdaContext context = FakeLambdaContext.expiringAt(clock, START.plusSeconds(1));

        clock.advance(Duration.ofSeconds(5));

        assertThat(context.getRemainingTimeInMillis()).isZero();
    }

    @Test
    void expiringAt_keepsTheGivenDeadline() {
        FakeLambdaContext context = FakeLambdaContext.expiringAt(ManualClock.at(START), START.plusSeconds(900));

        assertThat(context.deadline()).isEqualTo(START.plusSeconds(900));
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(900_000);
    }

    @Test
    void getLogger_keepsMessagesInOrder() {
        FakeLambdaContext context = FakeLambdaContext.withRemainingTime(ManualClock.at(START), Duration.ofSeconds(3));

        context.getLogger().log("first");
        context.getLogger().log("second".getBytes(StandardCharsets.UTF_8));

        assertThat(context.loggedMessages()).containsExactly("first", "second");
    }

    @Test
    void withFunctionName_derivesArnAndLogGroupFromTheName() {
        FakeLambdaContext context = FakeLambdaContext.withRemainingTime(ManualClock.at(START), Duration.ofSeconds(3))
                .withFunctionName("logway-to-s3");

        assertThat(context.getFunctionName()).isEqualTo("logway-to-s3");
        assertThat(context.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:logway-to-s3");
        assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/logway-to-s3");
    }

    @Test
    void withMemoryLimitInMb_changesOnlyTheMemory() {
        FakeLambdaContext context = FakeLambdaContext.withRemainingTime(ManualClock.at(START), Duration.ofSeconds(3))
                .withMemoryLimitInMb(1769);

        assertThat(context.getMemoryLimitInMB()).isEqualTo(1769);
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(3_000);
    }
}
