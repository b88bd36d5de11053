package io.github.logway.testing.events;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the Kinesis event a Lambda function receives from an event source mapping, both as the
 * aws-lambda-java-events {@link KinesisEvent} and as the raw JSON exactly as Lambda delivers it (the shape
 * of {@code events/kinesis-event.json} on this module's classpath).
 *
 * <p>Records get increasing 56-digit sequence numbers and increasing arrival times; everything is
 * deterministic, so two builders with the same settings produce the same event.
 *
 * <pre>{@code
 * KinesisEventBuilder builder = KinesisEventBuilder.ofNdjson("{\"msg\":\"a\"}\n{\"msg\":\"b\"}\n");
 * KinesisEvent event = builder.build();
 * String json = builder.toJson();
 * }</pre>
 */
public final class KinesisEventBuilder {

    /** The stream the records come from unless {@link #streamArn} says otherwise. */
    public static final String DEFAULT_STREAM_ARN =
            "arn:aws:kinesis:us-east-1:123456789012:stream/logway-test";

    /** The function's execution role unless {@link #invokeIdentityArn} says otherwise. */
    public static final String DEFAULT_INVOKE_IDENTITY_ARN =
            "arn:aws:iam::123456789012:role/logway-test-function";

    /** The shard unless {@link #shardId} says otherwise. */
    public static final String DEFAULT_SHARD_ID = "shardId-000000000000";

    /** Every record's partition key unless {@link #partitionKey} says otherwise. */
    public static final String DEFAULT_PARTITION_KEY = "logway-test";

    /** A realistic first sequence number: Kinesis sequence numbers are 56 decimal digits. */
    public static final BigInteger DEFAULT_FIRST_SEQUENCE_NUMBER =
            new BigInteger("49655210361582393174106251876432587208851403224017829890");

    /** Gap between consecutive sequence numbers, of the size seen between records of one real shard. */
    public static final BigInteger DEFAULT_SEQUENCE_NUMBER_STEP =
            new BigInteger("2564131663402532534001");

    /** The first record's arrival time unless {@link #arrivals} says otherwise. */
    public static final Instant DEFAULT_FIRST_ARRIVAL = Instant.parse("2026-01-15T10:20:30.123Z");

    /** The gap between arrival times unless {@link #arrivals} says otherwise. */
    public static final Duration DEFAULT_ARRIVAL_STEP = Duration.ofMillis(7);

    private static final String EVENT_SOURCE = "aws:kinesis";
    private static final String EVENT_NAME = "aws:kinesis:record";
    private static final String EVENT_VERSION = "1.0";
    private static final String KINESIS_SCHEMA_VERSION = "1.0";

    /** {@code arn:aws:kinesis:REGION:ACCOUNT:stream/NAME}. */
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:kinesis:([a-z0-9-]+):\\d{12}:stream/.+");

    private final List<byte[]> payloads;
    private String streamArn = DEFAULT_STREAM_ARN;
    private String invokeIdentityArn = DEFAULT_INVOKE_IDENTITY_ARN;
    private String shardId = DEFAULT_SHARD_ID;
    private String partitionKey = DEFAULT_PARTITION_KEY;
    private BigInteger firstSequenceNumber = DEFAULT_FIRST_SEQUENCE_NUMBER;
    private Instant firstArrival = DEFAULT_FIRST_ARRIVAL;
    private Duration arrivalStep = DEFAULT_ARRIVAL_STEP;

    private KinesisEventBuilder(List<byte[]> payloads) {
        this.payloads = payloads;
    }

    /**
     * One Kinesis record per payload, in order.
     *
     * @param payloads the records' data, copied
     * @return a builder with default settings
     */
    public static KinesisEventBuilder ofPayloads(List<byte[]> payloads) {
        List<byte[]> copies = new ArrayList<>(payloads.size());
        for (byte[] payload : payloads) {
            copies.add(payload.clone());
        }
        return new KinesisEventBuilder(copies);
    }

    /**
     * One Kinesis record per line, in order, each the line's UTF-8 bytes without the line break.
     *
     * @param lines the records' text
     * @return a builder with default settings
     */
    public static KinesisEventBuilder ofLines(List<String> lines) {
        List<byte[]> payloads = new ArrayList<>(lines.size());
        for (String line : lines) {
            payloads.add(line.getBytes(StandardCharsets.UTF_8));
        }
        return new KinesisEventBuilder(payloads);
    }

    /**
     * One Kinesis record per non-blank line of NDJSON text (lines end with {@code \n} or {@code \r\n}).
     *
     * @param ndjson newline-delimited JSON
     * @return a builder with default settings
     */
    public static KinesisEventBuilder ofNdjson(String ndjson) {
        return ofLines(ndjson.lines().filter(line -> !line.isBlank()).toList());
    }

    /**
     * Sets the source stream; the event's {@code awsRegion} is taken from it.
     *
     * @param streamArn {@code arn:aws:kinesis:REGION:ACCOUNT:stream/NAME}
     * @return this builder
     */
    public KinesisEventBuilder streamArn(String streamArn) {
        if (!STREAM_ARN.matcher(streamArn).matches()) {
            throw new IllegalArgumentException(
                    "not a Kinesis stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME): " + streamArn);
        }
        this.streamArn = streamArn;
        return this;
    }

    /**
     * Sets the function's execution role, reported as {@code invokeIdentityArn}.
     *
     * @param invokeIdentityArn an IAM role ARN
     * @return this builder
     */
    public KinesisEventBuilder invokeIdentityArn(String invokeIdentityArn) {
        this.invokeIdentityArn = Objects.requireNonNull(invokeIdentityArn, "invokeIdentityArn");
        return this;
    }

    /**
     * Sets the shard, which prefixes each {@code eventID}.
     *
     * @param shardId such as {@code shardId-000000000003}
     * @return this builder
     */
    public KinesisEventBuilder shardId(String shardId) {
        if (!shardId.matches("shardId-\\d{12}")) {
            throw new IllegalArgumentException("not a shard id (shardId- and 12 digits): " + shardId);
        }
        this.shardId = shardId;
        return this;
    }

    /**
     * Sets the partition key of every record.
     *
     * @param partitionKey the key
     * @return this builder
     */
    public KinesisEventBuilder partitionKey(String partitionKey) {
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        return this;
    }

    /**
     * Sets the first record's sequence number; each later record adds {@link
     * #DEFAULT_SEQUENCE_NUMBER_STEP}.
     *
     * @param firstSequenceNumber a positive number, usually of 56 digits
     * @return this builder
     */
    public KinesisEventBuilder firstSequenceNumber(BigInteger firstSequenceNumber) {
        if (firstSequenceNumber.signum() <= 0) {
            throw new IllegalArgumentException("sequence numbers are positive: " + firstSequenceNumber);
        }
        this.firstSequenceNumber = firstSequenceNumber;
        return this;
    }

    /**
     * Sets when the records arrived in the stream: the first at {@code firstArrival}, each later one {@code
     * step} after the previous.
     *
     * @param firstArrival the first record's arrival time (millisecond precision, as Lambda reports it)
     * @param step the gap between records, zero or more
     * @return this builder
     */
    public KinesisEventBuilder arrivals(Instant firstArrival, Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("arrival step must not be negative: " + step);
        }
        this.firstArrival = Objects.requireNonNull(firstArrival, "firstArrival");
        this.arrivalStep = step;
        return this;
    }

    /**
     * The sequence number of record {@code index}.
     *
     * @param index the record's position, from 0
     * @return the sequence number as Lambda reports it (decimal string)
     */
    public String sequenceNumber(int index) {
        return firstSequenceNumber
                .add(DEFAULT_SEQUENCE_NUMBER_STEP.multiply(BigInteger.valueOf(index)))
                .toString();
    }

    /**
     * Builds the event as the aws-lambda-java-events type.
     *
     * @return a new event with one record per payload
     */
    public KinesisEvent build() {
        List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>(payloads.size());
        for (int index = 0; index < payloads.size(); index++) {
            KinesisEvent.Record kinesis = new KinesisEvent.Record();
            kinesis.setKinesisSchemaVersion(KINESIS_SCHEMA_VERSION);
            kinesis.setPartitionKey(partitionKey);
            kinesis.setSequenceNumber(sequenceNumber(index));
            kinesis.setData(ByteBuffer.wrap(payloads.get(index).clone()));
            kinesis.setApproximateArrivalTimestamp(Date.from(arrival(index)));

            KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
            record.setKinesis(kinesis);
            record.setEventSource(EVENT_SOURCE);
            record.setEventVersion(EVENT_VERSION);
            record.setEventID(eventId(index));
            record.setEventName(EVENT_NAME);
            record.setInvokeIdentityArn(invokeIdentityArn);
            record.setAwsRegion(region());
            record.setEventSourceARN(streamArn);
            records.add(record);
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(records);
        return event;
    }

    /**
     * Builds the event as the JSON document Lambda passes to a function, with the same keys in the same
     * order; {@code data} is base64 and {@code approximateArrivalTimestamp} is epoch seconds with a
     * millisecond fraction.
     *
     * @return compact JSON
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            for (int index = 0; index < payloads.size(); index++) {
                json.writeStartObject();
                json.writeObjectFieldStart("kinesis");
                json.writeStringField("kinesisSchemaVersion", KINESIS_SCHEMA_VERSION);
                json.writeStringField("partitionKey", partitionKey);
                json.writeStringField("sequenceNumber", sequenceNumber(index));
                json.writeStringField("data", Base64.getEncoder().encodeToString(payloads.get(index)));
                json.writeFieldName("approximateArrivalTimestamp");
                json.writeNumber(BigDecimal.valueOf(arrival(index).toEpochMilli(), 3));
                json.writeEndObject();
                json.writeStringField("eventSource", EVENT_SOURCE);
                json.writeStringField("eventVersion", EVENT_VERSION);
                json.writeStringField("eventID", eventId(index));
                json.writeStringField("eventName", EVENT_NAME);
                json.writeStringField("invokeIdentityArn", invokeIdentityArn);
                json.writeStringField("awsRegion", region());
                json.writeStringField("eventSourceARN", streamArn);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    private Instant arrival(int index) {
        return firstArrival.plus(arrivalStep.multipliedBy(index));
    }

    private String eventId(int index) {
        return shardId + ":" + sequenceNumber(index);
    }

    private String region() {
        Matcher matcher = STREAM_ARN.matcher(streamArn);
        if (!matcher.matches()) {
            throw new IllegalStateException("stream ARN was validated when set: " + streamArn);
        }
        return matcher.group(1);
    }
}
