package io.github.logway.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.logway.schema.decode.CloudWatchLogsEnvelope;
import io.github.logway.schema.decode.CwlEvent;
import io.github.logway.schema.decode.CwlParseResult;
import io.github.logway.schema.decode.GzipDecoder;
import io.github.logway.schema.decode.InflateResult;
import io.github.logway.schema.decode.KplDeaggregator;
import io.github.logway.schema.decode.KplResult;
import io.github.logway.schema.decode.KplSubRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Turns the data of one Kinesis record into log events, in the order of PRODUCT.md §2: KPL de-aggregation,
 * gzip, the CloudWatch Logs envelope, then one JSON object or NDJSON.
 *
 * <p>Every record yields at least one {@link DecodedEvent}: a record that holds no event (corrupt gzip, bad
 * UTF-8, a control message) yields one rejection or one skip, so the accounting of PRODUCT.md §3 adds up.
 * Thread-safe; build one at cold start.
 */
public final class LogDecoder {

    private final SchemaRules rules;
    private final LogRecordParser parser;
    private final JsonFactory factory;

    public LogDecoder(SchemaRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.parser = new LogRecordParser(rules);
        this.factory = parser.jsonFactory();
    }

    public SchemaRules rules() {
        return rules;
    }

    public LogRecordParser parser() {
        return parser;
    }

    /** Decodes one Kinesis record's data and appends its events to {@code out}. */
    public void decode(byte[] data, RecordSource source, List<? super DecodedEvent> out) {
        EventRef ref = EventRef.of(source);
        if (data.length == 0) {
            out.add(new Rejected(RejectReason.NOT_JSON, "empty record", data, ref));
            return;
        }
        KplResult kpl = KplDeaggregator.deaggregate(data, 0, data.length);
        if (kpl instanceof KplResult.Aggregated aggregated) {
            List<KplSubRecord> records = aggregated.records();
            if (records.isEmpty()) {
                out.add(new Rejected(RejectReason.CORRUPT_KPL, "KPL aggregate holds no record", data, ref));
                return;
            }
            for (int i = 0; i < records.size(); i++) {
                byte[] sub = records.get(i).data();
                decodeUnit(sub, 0, sub.length, ref.withSubSequence(i), out);
            }
        } else if (kpl instanceof KplResult.CorruptKpl corrupt) {
            out.add(new Rejected(RejectReason.CORRUPT_KPL, corrupt.detail(), data, ref));
        } else {
            decodeUnit(data, 0, data.length, ref, out);
        }
    }

    private void decodeUnit(byte[] data, int offset, int length, EventRef ref, List<? super DecodedEvent> out) {
        byte[] buf = data;
        int off = offset;
        int len = length;
        if (GzipDecoder.isGzip(data, offset, length)) {
            InflateResult inflated = GzipDecoder.inflate(data, offset, length, rules.maxDecompressedBytes());
            if (inflated instanceof InflateResult.Inflated ok) {
                buf = ok.bytes();
                off = 0;
                len = ok.length();
            } else if (inflated instanceof InflateResult.InflateFailed failed) {
                out.add(LogRecordParser.reject(failed.reason(), failed.detail(), data, offset, length, ref));
                return;
            }
        }
        if (!parser.parsePayload(buf, off, len, ref, out, true)) {
            return;
        }
        // The payload is one object with a string messageType and a logEvents array.
        CwlParseResult envelope = CloudWatchLogsEnvelope.parse(factory, buf, off, len);
        if (envelope instanceof CwlParseResult.DataMessage message) {
            decodeCloudWatchEvents(message, ref, out);
        } else if (envelope instanceof CwlParseResult.ControlMessage) {
            out.add(new Skipped(Skipped.CWL_CONTROL_MESSAGE, ref));
        } else {
            // NotEnvelope or MalformedEnvelope: an ordinary record, judged by the schema.
            parser.parsePayload(buf, off, len, ref, out, false);
        }
    }

    private void decodeCloudWatchEvents(
            CwlParseResult.DataMessage message, EventRef ref, List<? super DecodedEvent> out) {
        List<CwlEvent> events = message.events();
        if (events.isEmpty()) {
            out.add(new Rejected(RejectReason.NOT_JSON, "CloudWatch Logs DATA_MESSAGE without log events",
                    new byte[0], ref));
            return;
        }
        boolean withMetadata = !rules.cwlMetadataField().isEmpty();
        for (int i = 0; i < events.size(); i++) {
            CwlEvent event = events.get(i);
            EventRef eventRef = ref.withEventIndex(i);
            byte[] text = event.message().getBytes(StandardCharsets.UTF_8);
            int start = firstNonWhitespace(text);
            if (start < text.length && text[start] == '{') {
                byte[] candidate = withMetadata ? withMetadata(text, start, message, event) : text;
                ParseResult result = parser.parseObject(candidate, 0, candidate.length, eventRef);
                if (!(result instanceof Rejected rejected && isNotAnObject(rejected.reason()))) {
                    out.add(result);
                    continue;
                }
            }
            out.add(textMessage(text, message, event, eventRef));
        }
    }

    private static boolean isNotAnObject(RejectReason reason) {
        return reason == RejectReason.NOT_JSON || reason == RejectReason.NOT_OBJECT;
    }

    /** A CloudWatch Logs message that is not a JSON object: rejected, or wrapped per {@code CWL_TEXT_MODE}. */
    private ParseResult textMessage(byte[] text, CwlParseResult.DataMessage message, CwlEvent event, EventRef ref) {
        if (rules.cwlTextMode() == CwlTextMode.REJECT) {
            return new Rejected(RejectReason.CWL_TEXT_MESSAGE,
                    "CloudWatch Logs message from " + message.logGroup() + " is not a JSON object (CWL_TEXT_MODE=reject)",
                    text, ref);
        }
        String logType = rules.logTypeForLogGroup(message.logGroup());
        if (logType == null) {
            return new Rejected(RejectReason.CWL_TEXT_MESSAGE,
                    "no CWL_LOG_TYPE_MAP entry matches log group " + message.logGroup(), text, ref);
        }
        byte[] wrapped = wrap(logType, message, event);
        return parser.parseObject(wrapped, 0, wrapped.length, ref);
    }

    private byte[] wrap(String logType, CwlParseResult.DataMessage message, CwlEvent event) {
        FieldNames names = rules.fieldNames();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(event.message().length() + 160);
        try (JsonGenerator json = factory.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField(names.logType(), logType);
            json.writeStringField(names.logId(), event.id());
            json.writeNumberField(names.time(), event.timestamp());
            json.writeStringField("message", event.message());
            if (!rules.cwlMetadataField().isEmpty()) {
                json.writeFieldName(rules.cwlMetadataField());
                writeMetadata(json, message, event);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Inserts {@code "field":{log_group, log_stream, event_id}} as the object's first member. */
    private byte[] withMetadata(byte[] text, int brace, CwlParseResult.DataMessage message, CwlEvent event) {
        ByteArrayOutputStream member = new ByteArrayOutputStream(200);
        try (JsonGenerator json = factory.createGenerator(member)) {
            json.writeStartObject();
            json.writeFieldName(rules.cwlMetadataField());
            writeMetadata(json, message, event);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        // The generator wrote {"field":{...}}: keep the member, drop the outer braces.
        byte[] generated = member.toByteArray();
        ByteArrayOutputStream result = new ByteArrayOutputStream(generated.length + text.length);
        result.write(text, 0, brace + 1);
        result.write(generated, 1, generated.length - 2);
        int next = brace + 1;
        while (next < text.length && isWhitespace(text[next])) {
            next++;
        }
        if (next < text.length && text[next] != '}') {
            result.write(',');
        }
        result.write(text, brace + 1, text.length - (brace + 1));
        return result.toByteArray();
    }

    private static void writeMetadata(JsonGenerator json, CwlParseResult.DataMessage message, CwlEvent event)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("log_group", message.logGroup());
        json.writeStringField("log_stream", message.logStream());
        json.writeStringField("event_id", event.id());
        json.writeEndObject();
    }

    private static int firstNonWhitespace(byte[] text) {
        int i = 0;
        while (i < text.length && isWhitespace(text[i])) {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
