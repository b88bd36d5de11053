package io.github.logway.core.failedlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.logway.core.FatalException;
import io.github.logway.schema.EventRef;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.RejectReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads failed-log objects written by {@link FailedLogWriter} back into envelopes (for replay). Unknown fields
 * are ignored, so newer writers stay readable.
 */
public final class FailedLogReader {

    private static final JsonFactory JSON = new JsonFactory();

    private FailedLogReader() {
    }

    /**
     * The envelopes of one gzip NDJSON failed-log object, in order.
     *
     * @throws FatalException when the object is not gzip, not JSON, or an envelope lacks a required field: a
     *     corrupt object that retrying cannot fix
     */
    public static List<FailedLogEnvelope> read(byte[] gzBody) {
        List<FailedLogEnvelope> envelopes = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzBody));
                JsonParser parser = JSON.createParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw corrupt(envelopes.size() + 1, "expected a JSON object, found " + token);
                }
                envelopes.add(readEnvelope(parser, envelopes.size() + 1));
            }
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw new FatalException("failed-log object is corrupt near envelope " + (envelopes.size() + 1) + ": "
                    + e.getMessage(), e);
        }
        return envelopes;
    }

    private static FailedLogEnvelope readEnvelope(JsonParser parser, int line) throws IOException {
        String reasonCode = null;
        String detail = null;
        String function = null;
        FailedLogSource source = null;
        byte[] data = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case FailedLogFormat.REASON -> reasonCode = parser.getValueAsString();
                case FailedLogFormat.DETAIL -> detail = parser.getValueAsString();
                case FailedLogFormat.FUNCTION -> function = parser.getValueAsString();
                case FailedLogFormat.SOURCE -> source = value == JsonToken.START_OBJECT
                        ? readSource(parser, line)
                        : null;
                case FailedLogFormat.DATA -> data = textBytes(parser);
                case FailedLogFormat.DATA_BASE64 -> data = Base64.getDecoder().decode(parser.getValueAsString(""));
                default -> parser.skipChildren();
            }
        }
        RejectReason reason = reasonCode == null ? null : RejectReason.fromCode(reasonCode);
        if (reason == null) {
            throw corrupt(line, "unknown or missing reason '" + reasonCode + "'");
        }
        if (source == null) {
            throw corrupt(line, "missing source");
        }
        if (data == null) {
            throw corrupt(line, "missing data");
        }
        return new FailedLogEnvelope(reason, detail == null ? "" : detail, function == null ? "" : function, source,
                data);
    }

    private static byte[] textBytes(JsonParser parser) throws IOException {
        String text = parser.getValueAsString();
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static FailedLogSource readSource(JsonParser parser, int line) throws IOException {
        String stream = null;
        String shard = null;
        String sequence = null;
        String partitionKey = "";
        int subSequence = EventRef.NONE;
        int eventIndex = EventRef.NONE;
        Long arrival = null;
        String bucket = null;
        String key = null;
        Long lineNumber = null;
        Long eventTime = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case FailedLogFormat.STREAM -> stream = parser.getValueAsString();
                case FailedLogFormat.SHARD -> shard = parser.getValueAsString();
                case FailedLogFormat.SEQUENCE -> sequence = parser.getValueAsString();
                case FailedLogFormat.PARTITION_KEY -> partitionKey = parser.getValueAsString("");
                case FailedLogFormat.SUB_SEQUENCE -> subSequence = value == JsonToken.VALUE_NULL
                        ? EventRef.NONE
                        : parser.getIntValue();
                case FailedLogFormat.EVENT_INDEX -> eventIndex = value == JsonToken.VALUE_NULL
                        ? EventRef.NONE
                        : parser.getIntValue();
                case FailedLogFormat.ARRIVAL_TIME -> arrival = FailedLogFormat.parseTime(parser.getValueAsString());
                case FailedLogFormat.BUCKET -> bucket = parser.getValueAsString();
                case FailedLogFormat.KEY -> key = parser.getValueAsString();
                case FailedLogFormat.LINE -> lineNumber = parser.getLongValue();
                case FailedLogFormat.EVENT_TIME -> eventTime = FailedLogFormat.parseTime(parser.getValueAsString());
                default -> parser.skipChildren();
            }
        }
        if (shard != null && sequence != null) {
            RecordSource source = new RecordSource(stream == null ? "" : stream, shard, sequence, partitionKey,
                    arrival == null ? 0L : arrival);
            return new KinesisEventSource(new EventRef(source, subSequence, eventIndex));
        }
        if (bucket != null && key != null && lineNumber != null) {
            return new S3LineSource(bucket, key, lineNumber, eventTime == null ? 0L : eventTime);
        }
        throw corrupt(line, "source is neither a Kinesis event (shard, sequence) nor an S3 line (bucket, key, line)");
    }

    private static FatalException corrupt(int line, String problem) {
        return new FatalException("failed-log envelope " + line + " is invalid: " + problem);
    }
}
