package io.github.logway.testing.events;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Lambda {@link Context} for tests whose remaining time comes from an injected {@link Clock} and a fixed
 * deadline, so a test moves time forward (with {@link io.github.logway.testing.time.ManualClock}) instead of
 * sleeping. Its logger keeps every message for assertions.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-01-15T10:00:00Z"));
 * FakeLambdaContext context = FakeLambdaContext.withRemainingTime(clock, Duration.ofSeconds(30));
 * clock.advance(Duration.ofSeconds(25)); // context.getRemainingTimeInMillis() == 5000
 * }</pre>
 */
public final class FakeLambdaContext implements Context {

    /** The function name unless {@link #withFunctionName} says otherwise. */
    public static final String DEFAULT_FUNCTION_NAME = "logway-test";

    /** A fixed request id, so outputs that include it are reproducible. */
    public static final String DEFAULT_REQUEST_ID = "8f5c1a2e-3b4d-4e6f-9a7b-1c2d3e4f5a6b";

    /** The memory size unless {@link #withMemoryLimitInMb} says otherwise. */
    public static final int DEFAULT_MEMORY_LIMIT_MB = 512;

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";

    private final Clock clock;
    private final Instant deadline;
    private final String functionName;
    private final String awsRequestId;
    private final int memoryLimitInMb;
    private final RecordingLogger logger = new RecordingLogger();

    private FakeLambdaContext(
            Clock clock, Instant deadline, String functionName, String awsRequestId, int memoryLimitInMb) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.awsRequestId = Objects.requireNonNull(awsRequestId, "awsRequestId");
        if (memoryLimitInMb <= 0) {
            throw new IllegalArgumentException("memory limit must be positive: " + memoryLimitInMb);
        }
        this.memoryLimitInMb = memoryLimitInMb;
    }

    /**
     * A context whose invocation ends at {@code deadline} as seen by {@code clock}.
     *
     * @param clock the time source the code under test also uses
     * @param deadline when the invocation times out
     * @return the context
     */
    public static FakeLambdaContext expiringAt(Clock clock, Instant deadline) {
        return new FakeLambdaContext(
                clock, deadline, DEFAULT_FUNCTION_NAME, DEFAULT_REQUEST_ID, DEFAULT_MEMORY_LIMIT_MB);
    }

    /**
     * A context whose invocation ends {@code remaining} after the clock's current instant.
     *
     * @param clock the time source the code under test also uses
     * @param remaining the time left now
     * @return the context
     */
    public static FakeLambdaContext withRemainingTime(Clock clock, Duration remaining) {
        return expiringAt(clock, clock.instant().plus(remaining));
    }

    /**
     * A copy with another function name (and the ARN and log group derived from it).
     *
     * @param name the function name
     * @return a new context with the same clock and deadline and a fresh logger
     */
    public FakeLambdaContext withFunctionName(String name) {
        return new FakeLambdaContext(clock, deadline, name, awsRequestId, memoryLimitInMb);
    }

    /**
     * A copy with another memory size.
     *
     * @param megabytes the configured memory
     * @return a new context with the same clock and deadline and a fresh logger
     */
    public FakeLambdaContext withMemoryLimitInMb(int megabytes) {
        return new FakeLambdaContext(clock, deadline, functionName, awsRequestId, megabytes);
    }

    /** The deadline this context counts down to. */
    public Instant deadline() {
        return deadline;
    }

    /** Every message logged through {@link #getLogger()} so far, oldest first. */
    public List<String> loggedMessages() {
        return List.copyOf(logger.messages);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "2026/01/15/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + functionName;
    }

    /** Always {@code null}: only mobile-SDK invocations carry an identity. */
    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    /** Always {@code null}: only mobile-SDK invocations carry a client context. */
    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** Milliseconds from the clock's current instant to the deadline, 0 once it has passed. */
    @Override
    public int getRemainingTimeInMillis() {
        long remaining = deadline.toEpochMilli() - clock.millis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Keeps messages instead of printing them. */
    private static final class RecordingLogger implements LambdaLogger {

        private final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void log(String message) {
            messages.add(message);
        }

        @Override
        public void log(byte[] message) {
            messages.add(new String(message, StandardCharsets.UTF_8));
        }
    }
}
