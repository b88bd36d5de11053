package io.github.logway.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Streaming parser and validator of log events (PRODUCT.md §2).
 *
 * <p>It reads the top level of one JSON object with Jackson's {@link JsonParser}, validates {@code log_type},
 * {@code log_id} and {@code time} (field names from {@link SchemaRules#fieldNames()}), skips everything else
 * without binding it, and keeps the original bytes. Bad data yields {@link Rejected}; nothing throws.
 *
 * <p>Thread-safe: one instance is built at cold start and shared.
 */
public final class LogRecordParser {

    /** {@code log_type} may hold at most this many characters (Unicode code points). */
    public static final int MAX_LOG_TYPE_CHARS = 100;
    /** {@code log_id} may take at most this many bytes in UTF-8. */
    public static final int MAX_LOG_ID_BYTES = 512;
    /** The CloudWatch Logs subscription envelope's keys that mark a candidate (both required). */
    private static final String ENVELOPE_TYPE_FIELD = "messageType";
    private static final String ENVELOPE_EVENTS_FIELD = "logEvents";

    private final SchemaRules rules;
    private final JsonFactory factory;
    private final String logTypeField;
    private final String logIdField;
    private final String timeField;

    public LogRecordParser(SchemaRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.factory = newJsonFactory(rules.maxNestingDepth());
        this.logTypeField = rules.fieldNames().logType();
        this.logIdField = rules.fieldNames().logId();
        this.timeField = rules.fieldNames().time();
    }

    /** A Jackson factory with the nesting cap used everywhere in the schema layer. */
    static JsonFactory newJsonFactory(int maxNestingDepth) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build())
                .build();
    }

    public SchemaRules rules() {
        return rules;
    }

    JsonFactory jsonFactory() {
        return factory;
    }

    /**
     * Parses a payload holding one JSON object or several newline-separated ones (NDJSON) and appends one
     * result per event to {@code out}. Blank lines are not events. A payload with no event at all yields one
     * {@code not_json} rejection, so the record still counts as one event. A single object pretty-printed over
     * several lines is accepted as one event.
     */
    public void parsePayload(byte[] buf, int offset, int length, EventRef ref, List<? super ParseResult> out) {
        parsePayload(buf, offset, length, ref, out, false);
    }

    /**
     * Like {@link #parsePayload(byte[], int, int, EventRef, List)}; with {@code detectEnvelope}, a payload that is
     * one object whose top level has a string {@code messageType} and an array {@code logEvents} adds nothing and
     * returns true, so the caller can read it as a CloudWatch Logs envelope (and parse it again without
     * detection if it is not one). Finding the candidate costs nothing extra: the parser reads the top-level keys
     * anyway.
     */
    boolean parsePayload(byte[] buf, int offset, int length, EventRef ref, List<? super ParseResult> out,
            boolean detectEnvelope) {
        int end = offset + length;
        int bad = Utf8.firstInvalid(buf, offset, length);
        if (bad >= 0) {
            // Binary or mis-encoded data: one rejection for the whole record, never split on stray newline bytes.
            out.add(reject(RejectReason.NOT_UTF8, "invalid UTF-8 at byte " + (bad - offset), buf, offset, length,
                    ref));
            return false;
        }
        int firstNewline = indexOf(buf, (byte) '\n', offset, end);
        if (firstNewline < 0) {
            if (isBlank(buf, offset, end)) {
                out.add(reject(RejectReason.NOT_JSON, "empty record", buf, offset, length, ref));
                return false;
            }
            return addOrDetect(parseObject(buf, offset, length, ref, true, detectEnvelope), out);
        }
        int lines = countNonBlankLines(buf, offset, end);
        if (lines == 0) {
            out.add(reject(RejectReason.NOT_JSON, "empty record", buf, offset, length, ref));
            return false;
        }
        if (lines == 1) {
            int[] span = firstNonBlankLine(buf, offset, end);
            return addOrDetect(parseObject(buf, span[0], span[1] - span[0], ref, true, detectEnvelope), out);
        }
        int before = out.size();
        boolean anyNotJson = false;
        int index = 0;
        int lineStart = offset;
        while (lineStart < end) {
            int newline = indexOf(buf, (byte) '\n', lineStart, end);
            int lineEnd = newline < 0 ? end : newline;
            int trimmedEnd = lineEnd;
            if (trimmedEnd > lineStart && buf[trimmedEnd - 1] == '\r') {
                trimmedEnd--;
            }
            if (!isBlank(buf, lineStart, trimmedEnd)) {
                ParseResult result =
                        parseObject(buf, lineStart, trimmedEnd - lineStart, ref.withEventIndex(index++), true, false);
                if (result instanceof Rejected rejected && rejected.reason() == RejectReason.NOT_JSON) {
                    anyNotJson = true;
                }
                out.add(result);
            }
            lineStart = lineEnd + 1;
        }
        if (anyNotJson) {
            // Perhaps one pretty-printed object rather than NDJSON: accept it whole if it parses as such.
            ParseResult whole = parseObject(buf, offset, length, ref, true, detectEnvelope);
            if (whole instanceof Parsed || whole == ENVELOPE_CANDIDATE) {
                out.subList(before, out.size()).clear();
                return addOrDetect(whole, out);
            }
        }
        return false;
    }

    /**
     * Returned by the parse, never to callers, when envelope detection is on and the object looks like a
     * CloudWatch Logs envelope. Compared by identity.
     */
    private static final Rejected ENVELOPE_CANDIDATE = new Rejected(RejectReason.NOT_JSON,
            "CloudWatch Logs envelope candidate", new byte[0], EventRef.of(new RecordSource("", "", "0", "", 0)));

    private static boolean addOrDetect(ParseResult result, List<? super ParseResult> out) {
        if (result == ENVELOPE_CANDIDATE) {
            return true;
        }
        out.add(result);
        return false;
    }

    /** Parses exactly one JSON object (surrounding whitespace allowed) and validates the schema fields. */
    public ParseResult parseObject(byte[] buf, int offset, int length, EventRef ref) {
        return parseObject(buf, offset, length, ref, false, false);
    }

    private ParseResult parseObject(byte[] buf, int offset, int length, EventRef ref, boolean utf8Checked,
            boolean detectEnvelope) {
        if (length > rules.maxEventBytes()) {
            return reject(RejectReason.TOO_LARGE,
                    "log event of " + length + " bytes exceeds the limit of " + rules.maxEventBytes() + " bytes",
                    buf, offset, length, ref);
        }
        int bad = utf8Checked ? -1 : Utf8.firstInvalid(buf, offset, length);
        if (bad >= 0) {
            return reject(RejectReason.NOT_UTF8, "invalid UTF-8 at byte " + (bad - offset), buf, offset, length, ref);
        }
        try (JsonParser parser = factory.createParser(buf, offset, length)) {
            return parseTopLevel(parser, buf, offset, length, ref, detectEnvelope);
        } catch (StreamConstraintsException e) {
            return reject(RejectReason.TOO_DEEP, e.getOriginalMessage(), buf, offset, length, ref);
        } catch (JsonProcessingException e) {
            return reject(RejectReason.NOT_JSON, describe(e), buf, offset, length, ref);
        } catch (IOException e) {
            // Reading from a byte array cannot fail with I/O; treat anything here as unreadable JSON.
            return reject(RejectReason.NOT_JSON, String.valueOf(e.getMessage()), buf, offset, length, ref);
        }
    }

    private ParseResult parseTopLevel(JsonParser parser, byte[] buf, int offset, int length, EventRef ref,
            boolean detectEnvelope) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return reject(RejectReason.NOT_JSON, "empty record", buf, offset, length, ref);
        }
        if (first != JsonToken.START_OBJECT) {
            if (first.isStructStart()) {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                return reject(RejectReason.NOT_JSON, "trailing data after the JSON value", buf, offset, length, ref);
            }
            return reject(RejectReason.NOT_OBJECT, "JSON value is " + describeToken(first) + ", not an object",
                    buf, offset, length, ref);
        }
        String logType = null;
        String logId = null;
        long time = TimeParser.INVALID;
        // Per field: null while fine, else why it is invalid (a wrong type or a duplicate).
        String typeProblem = null;
        String idProblem = null;
        String timeProblem = null;
        // The time is well-formed but beyond what epoch nanoseconds hold (year 9999, 10^18 ms): out of range.
        boolean timeBeyondRange = false;
        boolean seenTime = false;
        boolean envelopeType = false;
        boolean envelopeEvents = false;

        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(logTypeField)) {
                if (logType != null || typeProblem != null) {
                    typeProblem = "duplicate field '" + name + "'";
                    skipValue(parser, value);
                } else if (value == JsonToken.VALUE_STRING) {
                    logType = parser.getText();
                } else if (value != JsonToken.VALUE_NULL) {
                    typeProblem = "'" + name + "' is " + describeToken(value) + ", not a string";
                    skipValue(parser, value);
                }
            } else if (name.equals(logIdField)) {
                if (logId != null || idProblem != null) {
                    idProblem = "duplicate field '" + name + "'";
                    skipValue(parser, value);
                } else if (value == JsonToken.VALUE_STRING) {
                    logId = parser.getText();
                } else if (value != JsonToken.VALUE_NULL) {
                    idProblem = "'" + name + "' is " + describeToken(value) + ", not a string";
                    skipValue(parser, value);
                }
            } else if (name.equals(timeField)) {
                if (seenTime || timeProblem != null) {
                    timeProblem = "duplicate field '" + name + "'";
                    timeBeyondRange = false;
                    skipValue(parser, value);
                } else if (value != JsonToken.VALUE_NULL) {
                    seenTime = true;
                    time = readTime(parser, value);
                    if (time == TimeParser.INVALID) {
                        timeBeyondRange = isBeyondRange(parser, value);
                        timeProblem = timeBeyondRange
                                ? "'" + name + "' " + abbreviate(parser.getText(), 40) + " is outside [arrival - "
                                        + rules.maxTimeSkewPast() + ", arrival + " + rules.maxTimeSkewFuture() + "]"
                                : describeBadTime(parser, value, name);
                    }
                }
            } else {
                if (detectEnvelope) {
                    envelopeType |= value == JsonToken.VALUE_STRING && name.equals(ENVELOPE_TYPE_FIELD);
                    envelopeEvents |= value == JsonToken.START_ARRAY && name.equals(ENVELOPE_EVENTS_FIELD);
                }
                if (value.isStructStart()) {
                    parser.skipChildren();
                }
            }
        }
        if (token != JsonToken.END_OBJECT) {
            return reject(RejectReason.NOT_JSON, "unexpected " + describeToken(token), buf, offset, length, ref);
        }
        if (parser.nextToken() != null) {
            return reject(RejectReason.NOT_JSON, "trailing data after the JSON object", buf, offset, length, ref);
        }
        if (envelopeType && envelopeEvents) {
            return ENVELOPE_CANDIDATE;
        }

        // Report the first violation in field order: log_type, log_id, time.
        if (typeProblem == null && logType == null) {
            return reject(RejectReason.MISSING_LOG_TYPE, "no '" + logTypeField + "' field", buf, offset, length,
                    ref);
        }
        if (typeProblem == null) {
            typeProblem = checkLogType(logType);
        }
        if (typeProblem != null) {
            return reject(RejectReason.INVALID_LOG_TYPE, typeProblem, buf, offset, length, ref);
        }
        if (idProblem == null && logId == null) {
            return reject(RejectReason.MISSING_LOG_ID, "no '" + logIdField + "' field", buf, offset, length, ref);
        }
        if (idProblem == null) {
            idProblem = checkLogId(logId);
        }
        if (idProblem != null) {
            return reject(RejectReason.INVALID_LOG_ID, idProblem, buf, offset, length, ref);
        }
        if (timeProblem == null && !seenTime) {
            return reject(RejectReason.MISSING_TIME, "no '" + timeField + "' field", buf, offset, length, ref);
        }
        if (timeProblem != null) {
            return reject(timeBeyondRange ? RejectReason.TIME_OUT_OF_RANGE : RejectReason.INVALID_TIME, timeProblem,
                    buf, offset, length, ref);
        }
        long arrivalMillis = ref.source().arrivalEpochMillis();
        if (!TimeParser.withinSkew(time, arrivalMillis, rules.maxTimeSkewFuture(), rules.maxTimeSkewPast())) {
            return reject(RejectReason.TIME_OUT_OF_RANGE, "time " + instantText(time) + " is outside [arrival - "
                    + rules.maxTimeSkewPast() + ", arrival + " + rules.maxTimeSkewFuture() + "] of arrival "
                    + java.time.Instant.ofEpochMilli(arrivalMillis), buf, offset, length, ref);
        }
        int start = offset;
        int end = offset + length;
        while (start < end && isWhitespace(buf[start])) {
            start++;
        }
        while (end > start && isWhitespace(buf[end - 1])) {
            end--;
        }
        return new Parsed(new LogRecord(buf, start, end - start, logType, logId, time, ref));
    }

    private static long readTime(JsonParser parser, JsonToken value) throws IOException {
        switch (value) {
            case VALUE_STRING:
                return TimeParser.parseIso(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            case VALUE_NUMBER_INT:
                JsonParser.NumberType type = parser.getNumberType();
                if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                    return TimeParser.fromEpochNumber(parser.getLongValue());
                }
                return TimeParser.INVALID;
            case VALUE_NUMBER_FLOAT:
                return TimeParser.fromEpochNumber(parser.getDoubleValue());
            case VALUE_NULL:
                return TimeParser.INVALID;
            default:
                skipValue(parser, value);
                return TimeParser.INVALID;
        }
    }

    /** Whether a refused time is a well-formed one beyond the representable range (any epoch number is). */
    private static boolean isBeyondRange(JsonParser parser, JsonToken value) throws IOException {
        switch (value) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return true;
            case VALUE_STRING:
                return TimeParser.isWellFormedBeyondRange(parser.getText());
            default:
                return false;
        }
    }

    private static String describeBadTime(JsonParser parser, JsonToken value, String name) throws IOException {
        switch (value) {
            case VALUE_STRING:
                String text = parser.getText();
                return "'" + name + "' is not an ISO-8601 date-time: \"" + abbreviate(text, 40) + "\"";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "'" + name + "' is a number outside the epoch seconds/milliseconds range";
            default:
                return "'" + name + "' is " + describeToken(value) + ", not a date-time string or epoch number";
        }
    }

    /** Returns why {@code logType} breaks PRODUCT.md §2, or null if it is valid. */
    static String checkLogType(String logType) {
        int n = logType.length();
        if (n == 0) {
            return "log_type is empty";
        }
        if (n > MAX_LOG_TYPE_CHARS && (n > 2 * MAX_LOG_TYPE_CHARS
                || logType.codePointCount(0, n) > MAX_LOG_TYPE_CHARS)) {
            return "log_type is longer than " + MAX_LOG_TYPE_CHARS + " characters";
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = logType.charAt(i);
            if (c > 0x20 && c < 0x7F) {
                if (c == '/' || c == '\\') {
                    return "log_type contains '" + c + "'";
                }
                if (c == '.' && previous == '.') {
                    return "log_type contains '..'";
                }
            } else if (Character.isISOControl(c)) {
                return "log_type contains a control character (U+" + hex(c) + ")";
            } else if (c <= 0x20 || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "log_type contains whitespace (U+" + hex(c) + ")";
            }
            previous = c;
        }
        return null;
    }

    /** Returns why {@code logId} breaks PRODUCT.md §2, or null if it is valid. */
    static String checkLogId(String logId) {
        if (logId.isEmpty()) {
            return "log_id is empty";
        }
        if (logId.length() > MAX_LOG_ID_BYTES / 3 && Utf8.encodedLength(logId) > MAX_LOG_ID_BYTES) {
            return "log_id is longer than " + MAX_LOG_ID_BYTES + " bytes";
        }
        return null;
    }

    private static void skipValue(JsonParser parser, JsonToken value) throws IOException {
        if (value != null && value.isStructStart()) {
            parser.skipChildren();
        }
    }

    static Rejected reject(RejectReason reason, String detail, byte[] buf, int offset, int length, EventRef ref) {
        byte[] copy = new byte[length];
        System.arraycopy(buf, offset, copy, 0, length);
        return new Rejected(reason, detail, copy, ref);
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        String firstLine = newline < 0 ? String.valueOf(message) : message.substring(0, newline);
        long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
        return at >= 0 ? firstLine + " (at byte " + at + ")" : firstLine;
    }

    private static String describeToken(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        switch (token) {
            case START_ARRAY:
                return "an array";
            case START_OBJECT:
                return "an object";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.name();
        }
    }

    private static String instantText(long nanos) {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L)).toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    static int indexOf(byte[] buf, byte b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    static boolean isBlank(byte[] buf, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!isWhitespace(buf[i])) {
                return false;
            }
        }
        return true;
    }

    private static int[] trim(byte[] buf, int from, int end) {
        while (from < end && isWhitespace(buf[from])) {
            from++;
        }
        while (end > from && isWhitespace(buf[end - 1])) {
            end--;
        }
        return new int[] {from, end};
    }

    private static int countNonBlankLines(byte[] buf, int from, int end) {
        int count = 0;
        boolean content = false;
        for (int i = from; i < end; i++) {
            byte b = buf[i];
            if (b == '\n') {
                if (content) {
                    count++;
                }
                content = false;
            } else if (!isWhitespace(b)) {
                content = true;
            }
        }
        return content ? count + 1 : count;
    }

    private static int[] firstNonBlankLine(byte[] buf, int from, int end) {
        int lineStart = from;
        while (lineStart < end) {
            int newline = indexOf(buf, (byte) '\n', lineStart, end);
            int lineEnd = newline < 0 ? end : newline;
            if (!isBlank(buf, lineStart, lineEnd)) {
                return trim(buf, lineStart, lineEnd);
            }
            lineStart = lineEnd + 1;
        }
        return new int[] {from, from};
    }

    /** UTF-8 bytes of a string (helper for callers that build events from text). */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
