package io.github.logway.schema.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.logway.schema.decode.CwlParseResult.ControlMessage;
import io.github.logway.schema.decode.CwlParseResult.DataMessage;
import io.github.logway.schema.decode.CwlParseResult.MalformedEnvelope;
import io.github.logway.schema.decode.CwlParseResult.NotEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads the JSON envelope a CloudWatch Logs subscription filter delivers to Kinesis (after gzip), PRODUCT.md §2:
 * <pre>{@code
 * {"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"/aws/lambda/x","logStream":"2026/...",
 *  "subscriptionFilters":["f"],"logEvents":[{"id":"3654...","timestamp":1732440000000,"message":"..."}]}
 * }</pre>
 * A {@code CONTROL_MESSAGE} has the same shape, with one event announcing a health check.
 *
 * <p>An object is an envelope only if it has all of {@code messageType} (a string), {@code logGroup},
 * {@code logStream} and {@code logEvents} (an array): an application log that merely has a {@code messageType}
 * field is an ordinary record. The envelope is read in one streaming pass, whatever the key order.
 */
public final class CloudWatchLogsEnvelope {

    /** {@code messageType} of an envelope carrying log events (CloudWatch Logs subscription filters). */
    private static final String DATA_MESSAGE = "DATA_MESSAGE";
    /** {@code messageType} of the health check CloudWatch Logs sends to a new destination. */
    private static final String CONTROL_MESSAGE = "CONTROL_MESSAGE";
    private static final String FIELD_MESSAGE_TYPE = "messageType";
    private static final String FIELD_OWNER = "owner";
    private static final String FIELD_LOG_GROUP = "logGroup";
    private static final String FIELD_LOG_STREAM = "logStream";
    private static final String FIELD_LOG_EVENTS = "logEvents";
    private static final String FIELD_EVENT_ID = "id";
    private static final String FIELD_EVENT_TIMESTAMP = "timestamp";
    private static final String FIELD_EVENT_MESSAGE = "message";


    /** Longest piece of an unexpected value quoted in an error detail, characters. */
    private static final int MAX_QUOTED_CHARS = 64;

    private static final NotEnvelope NOT_ENVELOPE = new NotEnvelope();

    private CloudWatchLogsEnvelope() {
    }

    /**
     * Parses {@code data[offset, offset + length)} as a CloudWatch Logs subscription envelope.
     *
     * @param factory the JSON factory (its stream read constraints apply)
     * @param data the buffer
     * @param offset where the record starts in {@code data}
     * @param length the record's length, bytes
     * @return {@link NotEnvelope} for invalid JSON, a non-object, trailing content, or an object without the four
     *     envelope keys; {@link MalformedEnvelope} for an envelope whose events or type are bad, or a
     *     {@code DATA_MESSAGE} without events; else {@link DataMessage} or {@link ControlMessage}
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not lie inside {@code data}
     */
    public static CwlParseResult parse(JsonFactory factory, byte[] data, int offset, int length) {
        Objects.requireNonNull(factory, "factory");
        Objects.checkFromIndexSize(offset, length, data.length);
        try (JsonParser parser = factory.createParser(data, offset, length)) {
            return new EnvelopeReader(parser).read();
        } catch (IOException e) {
            // Not JSON, or past the factory's constraints: the caller's own parser reports the reason.
            return NOT_ENVELOPE;
        }
    }

    /** One streaming pass over an envelope candidate. */
    private static final class EnvelopeReader {
        private final JsonParser parser;
        /** The first problem that makes an envelope malformed, or {@code null} while there is none. */
        private String problem;

        EnvelopeReader(JsonParser parser) {
            this.parser = parser;
        }

        CwlParseResult read() throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return NOT_ENVELOPE;
            }
            String messageType = null;
            String owner = "";
            String logGroup = null;
            String logStream = null;
            List<CwlEvent> events = null;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case FIELD_MESSAGE_TYPE -> {
                        if (value != JsonToken.VALUE_STRING) {
                            return NOT_ENVELOPE;
                        }
                        messageType = parser.getText();
                    }
                    case FIELD_LOG_EVENTS -> {
                        if (value != JsonToken.START_ARRAY) {
                            return NOT_ENVELOPE;
                        }
                        events = readEvents();
                        if (events == null) {
                            return NOT_ENVELOPE;
                        }
                    }
                    case FIELD_LOG_GROUP -> logGroup = readStringOrNote(value, FIELD_LOG_GROUP);
                    case FIELD_LOG_STREAM -> logStream = readStringOrNote(value, FIELD_LOG_STREAM);
                    case FIELD_OWNER -> owner = readStringOrNote(value, FIELD_OWNER);
                    default -> parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return NOT_ENVELOPE; // truncated, or trailing content after the object
            }
            if (messageType == null || logGroup == null || logStream == null || events == null) {
                return NOT_ENVELOPE;
            }
            if (problem != null) {
                return new MalformedEnvelope(problem);
            }
            return switch (messageType) {
                case DATA_MESSAGE -> events.isEmpty()
                        ? new MalformedEnvelope("DATA_MESSAGE without log events")
                        : new DataMessage(owner, logGroup, logStream, events);
                case CONTROL_MESSAGE -> new ControlMessage(logGroup, logStream);
                default -> new MalformedEnvelope("unknown messageType " + quoteShort(messageType));
            };
        }

        /** The string value, or {@code ""} (present, so still envelope-shaped) after noting the problem. */
        private String readStringOrNote(JsonToken value, String field) throws IOException {
            if (value == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            note(field + " is not a string");
            parser.skipChildren();
            return "";
        }

        /** Reads the array after its START_ARRAY; {@code null} if the input ends inside it. */
        private List<CwlEvent> readEvents() throws IOException {
            List<CwlEvent> events = new ArrayList<>();
            JsonToken token;
            int index = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    return null;
                }
                if (problem != null) {
                    parser.skipChildren(); // malformed already: only check the rest is JSON
                } else if (token != JsonToken.START_OBJECT) {
                    note("logEvents[" + index + "] is not an object");
                    parser.skipChildren();
                } else {
                    CwlEvent event = readEvent(index);
                    if (event != null) {
                        events.add(event);
                    }
                }
                index++;
            }
            return events;
        }

        /** Reads one event after its START_OBJECT; {@code null} after noting a problem. */
        private CwlEvent readEvent(int index) throws IOException {
            String id = null;
            long timestamp = 0;
            boolean hasTimestamp = false;
            String message = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case FIELD_EVENT_ID -> {
                        if (value == JsonToken.VALUE_STRING) {
                            id = parser.getText();
                        } else {
                            parser.skipChildren();
                        }
                    }
                    case FIELD_EVENT_TIMESTAMP -> {
                        if (value == JsonToken.VALUE_NUMBER_INT
                                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                            timestamp = parser.getLongValue();
                            hasTimestamp = true;
                        } else {
                            parser.skipChildren();
                        }
                    }
                    case FIELD_EVENT_MESSAGE -> {
                        if (value == JsonToken.VALUE_STRING) {
                            message = parser.getText();
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            // The loop ends on END_OBJECT, or on null at end of input, which read() then sees as truncation.
            if (message == null) {
                note("logEvents[" + index + "] has no string message");
            } else if (id == null) {
                note("logEvents[" + index + "] has no string id");
            } else if (!hasTimestamp) {
                note("logEvents[" + index + "] has no integer timestamp in epoch milliseconds");
            } else {
                return new CwlEvent(id, timestamp, message);
            }
            return null;
        }

        private void note(String detail) {
            if (problem == null) {
                problem = detail;
            }
        }
    }

    /** At most the first {@link #MAX_QUOTED_CHARS} characters of a value, quoted, for error details. */
    private static String quoteShort(String value) {
        return '"' + (value.length() <= MAX_QUOTED_CHARS ? value : value.substring(0, MAX_QUOTED_CHARS) + "...")
                + '"';
    }
}
