package io.github.logway.elb;

import io.github.logway.schema.FieldNames;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one ALB or Classic ELB access-log line into one JSON log record (PRODUCT.md §7).
 *
 * <p>Fields are read positionally in the order the AWS documentation gives them. Every field keeps the name the
 * documentation uses, except that {@code client:port}, {@code target:port} and {@code backend:port} become
 * {@code *_ip} and {@code *_port}, {@code request} becomes {@code request_method}, {@code request_url} and
 * {@code request_protocol}, and the ALB lists {@code target:port_list} / {@code target_status_code_list} become
 * the arrays {@code target_port_list} / {@code target_status_code_list}. {@code -} is written as {@code null};
 * numbers (times, status codes, byte counts, ports, rule priority) as JSON numbers. Fields the format gained after
 * a line was written are left out; fields AWS adds after the ones known here are kept, in order, in the array
 * {@code extra_fields}. The record starts with the schema fields: {@code log_type}, {@code log_id} and
 * {@code time} (ALB {@code time}, the moment the response was sent; Classic ELB {@code timestamp}).
 *
 * <p>Bad data never throws: a line that does not fit the format is an {@link InvalidLine}. One instance per
 * thread (it reuses its buffers).
 */
public final class AccessLogParser {

    /** ALB fields up to {@code trace_id}, present in every ALB log since 2016. */
    static final int MIN_ALB_FIELDS = 18;
    /** Classic ELB fields up to {@code request}, present in every Classic ELB log. */
    static final int MIN_CLASSIC_FIELDS = 12;
    /** The array of fields after the known ones. */
    static final String EXTRA_FIELDS = "extra_fields";
    /** Where {@code client:port} is (0-based): field 3 of ALB lines. */
    private static final int ALB_CLIENT_FIELD = 3;
    /** Where {@code client:port} is (0-based): field 2 of Classic ELB lines. */
    private static final int CLASSIC_CLIENT_FIELD = 2;

    /** How a field is read and written. */
    enum Kind {
        STRING, NUMBER, TIME, HOST_PORT, REQUEST, STRING_LIST, NUMBER_LIST
    }

    /**
     * One positional field.
     *
     * @param awsName the name in the AWS documentation
     * @param names the JSON names written: one, or two for {@code HOST_PORT}, three for {@code REQUEST}
     */
    record Field(String awsName, Kind kind, List<byte[]> names) {

        static Field of(String name, Kind kind) {
            return new Field(name, kind, List.of(JsonBytes.name(name)));
        }

        static Field named(String awsName, String jsonName, Kind kind) {
            return new Field(awsName, kind, List.of(JsonBytes.name(jsonName)));
        }

        static Field hostPort(String awsName, String prefix) {
            return new Field(awsName, Kind.HOST_PORT,
                    List.of(JsonBytes.name(prefix + "_ip"), JsonBytes.name(prefix + "_port")));
        }

        static Field request() {
            return new Field("request", Kind.REQUEST, List.of(JsonBytes.name("request_method"),
                    JsonBytes.name("request_url"), JsonBytes.name("request_protocol")));
        }
    }

    /** ALB access-log fields in log order (Elastic Load Balancing, "Access log entries" of ALB). */
    static final List<Field> ALB_FIELDS = List.of(
            Field.of("type", Kind.STRING),
            Field.of("time", Kind.TIME),
            Field.of("elb", Kind.STRING),
            Field.hostPort("client:port", "client"),
            Field.hostPort("target:port", "target"),
            Field.of("request_processing_time", Kind.NUMBER),
            Field.of("target_processing_time", Kind.NUMBER),
            Field.of("response_processing_time", Kind.NUMBER),
            Field.of("elb_status_code", Kind.NUMBER),
            Field.of("target_status_code", Kind.NUMBER),
            Field.of("received_bytes", Kind.NUMBER),
            Field.of("sent_bytes", Kind.NUMBER),
            Field.request(),
            Field.of("user_agent", Kind.STRING),
            Field.of("ssl_cipher", Kind.STRING),
            Field.of("ssl_protocol", Kind.STRING),
            Field.of("target_group_arn", Kind.STRING),
            Field.of("trace_id", Kind.STRING),
            Field.of("domain_name", Kind.STRING),
            Field.of("chosen_cert_arn", Kind.STRING),
            Field.of("matched_rule_priority", Kind.NUMBER),
            Field.of("request_creation_time", Kind.STRING),
            Field.of("actions_executed", Kind.STRING),
            Field.of("redirect_url", Kind.STRING),
            Field.of("error_reason", Kind.STRING),
            Field.named("target:port_list", "target_port_list", Kind.STRING_LIST),
            Field.of("target_status_code_list", Kind.NUMBER_LIST),
            Field.of("classification", Kind.STRING),
            Field.of("classification_reason", Kind.STRING),
            Field.of("conn_trace_id", Kind.STRING),
            Field.of("transformed_host", Kind.STRING),
            Field.of("transformed_uri", Kind.STRING),
            Field.of("request_transform_status", Kind.STRING));

    /** Classic ELB access-log fields in log order (Elastic Load Balancing, Classic "Access log entries"). */
    static final List<Field> CLASSIC_FIELDS = List.of(
            Field.of("timestamp", Kind.TIME),
            Field.of("elb", Kind.STRING),
            Field.hostPort("client:port", "client"),
            Field.hostPort("backend:port", "backend"),
            Field.of("request_processing_time", Kind.NUMBER),
            Field.of("backend_processing_time", Kind.NUMBER),
            Field.of("response_processing_time", Kind.NUMBER),
            Field.of("elb_status_code", Kind.NUMBER),
            Field.of("backend_status_code", Kind.NUMBER),
            Field.of("received_bytes", Kind.NUMBER),
            Field.of("sent_bytes", Kind.NUMBER),
            Field.request(),
            Field.of("user_agent", Kind.STRING),
            Field.of("ssl_cipher", Kind.STRING),
            Field.of("ssl_protocol", Kind.STRING));

    private static final byte[] EXTRA_FIELDS_NAME = JsonBytes.name(EXTRA_FIELDS);

    private final byte[] logTypeField;
    private final byte[] logIdField;
    private final byte[] timeField;
    private final Set<String> schemaFields;
    private final String albLogType;
    private final String elbLogType;
    private final byte[] albLogTypeUtf8;
    private final byte[] elbLogTypeUtf8;
    private final FieldTokenizer tokens = new FieldTokenizer();
    private final JsonBytes out = new JsonBytes();
    private String clientIp;
    private int clientField;

    /**
     * @param fieldNames the schema's field names ({@code LOG_TYPE_FIELD}...); an AWS field of the same name is not
     *     written again
     * @param albLogType {@code ALB_LOG_TYPE}
     * @param elbLogType {@code ELB_LOG_TYPE}
     */
    public AccessLogParser(FieldNames fieldNames, String albLogType, String elbLogType) {
        Objects.requireNonNull(fieldNames, "fieldNames");
        this.logTypeField = JsonBytes.name(fieldNames.logType());
        this.logIdField = JsonBytes.name(fieldNames.logId());
        this.timeField = JsonBytes.name(fieldNames.time());
        this.schemaFields = Set.of(fieldNames.logType(), fieldNames.logId(), fieldNames.time());
        this.albLogType = Objects.requireNonNull(albLogType, "albLogType");
        this.elbLogType = Objects.requireNonNull(elbLogType, "elbLogType");
        this.albLogTypeUtf8 = albLogType.getBytes(StandardCharsets.UTF_8);
        this.elbLogTypeUtf8 = elbLogType.getBytes(StandardCharsets.UTF_8);
    }

    /** The log type of lines of this kind. */
    public String logTypeOf(AccessLogKind kind) {
        return kind == AccessLogKind.ALB ? albLogType : elbLogType;
    }

    /**
     * Parses {@code line[offset .. offset + length)} (no newline) into a record with {@code log_id} {@code logId}.
     */
    public LineOutcome parse(byte[] line, int offset, int length, String logId) {
        boolean tokenized = tokens.tokenize(line, offset, length);
        if (tokens.hasNonAscii() || !tokenized) {
            // The tokenizer saw every byte up to where it stopped; a line it rejected is checked whole.
            int badByte = firstInvalidUtf8(line, offset, length);
            if (badByte >= 0) {
                return new InvalidLine("not valid UTF-8 at byte " + (badByte - offset));
            }
        }
        if (!tokenized) {
            return new InvalidLine(tokens.error());
        }
        AccessLogKind kind = AccessLogKind.of(line, offset, length);
        List<Field> fields = kind == AccessLogKind.ALB ? ALB_FIELDS : CLASSIC_FIELDS;
        int minimum = kind == AccessLogKind.ALB ? MIN_ALB_FIELDS : MIN_CLASSIC_FIELDS;
        if (tokens.count() < minimum) {
            return new InvalidLine((kind == AccessLogKind.ALB ? "ALB" : "Classic ELB") + " line has "
                    + tokens.count() + " fields, at least " + minimum + " expected");
        }
        String problem = check(fields);
        if (problem != null) {
            return new InvalidLine(problem);
        }
        clientIp = null;
        clientField = kind == AccessLogKind.ALB ? ALB_CLIENT_FIELD : CLASSIC_CLIENT_FIELD;
        out.reset();
        out.startObject();
        out.field(logTypeField);
        byte[] logType = kind == AccessLogKind.ALB ? albLogTypeUtf8 : elbLogTypeUtf8;
        out.string(logType, 0, logType.length);
        out.field(logIdField);
        out.string(logId);
        int known = Math.min(fields.size(), tokens.count());
        for (int f = 0; f < known; f++) {
            if (fields.get(f).kind() == Kind.TIME) {
                out.field(timeField);
                writeString(f);
                break;
            }
        }
        int schemaHeaderBytes = out.size();
        for (int f = 0; f < known; f++) {
            write(fields.get(f), f);
        }
        if (tokens.count() > fields.size()) {
            out.field(EXTRA_FIELDS_NAME);
            out.startArray();
            for (int f = fields.size(); f < tokens.count(); f++) {
                writeString(f);
            }
            out.endArray();
        }
        out.endObject();
        return new ConvertedLine(out.toByteArray(), schemaHeaderBytes, clientIp);
    }

    /** The first field that does not fit its kind, or {@code null}. */
    private String check(List<Field> fields) {
        int known = Math.min(fields.size(), tokens.count());
        for (int f = 0; f < known; f++) {
            Field field = fields.get(f);
            switch (field.kind()) {
                case TIME:
                    if (!looksLikeTime(f)) {
                        return "field " + field.awsName() + " is not an ISO-8601 time";
                    }
                    break;
                case NUMBER:
                    if (!tokens.isDash(f) && !isNumber(tokens.line(), tokens.start(f), tokens.end(f))) {
                        return "field " + field.awsName() + " is not a number";
                    }
                    break;
                case HOST_PORT:
                    if (!tokens.isDash(f) && portStart(f) < 0) {
                        return "field " + field.awsName() + " is not ip:port";
                    }
                    break;
                case NUMBER_LIST:
                    if (!tokens.isDash(f) && !isNumberList(f)) {
                        return "field " + field.awsName() + " is not a list of numbers";
                    }
                    break;
                case REQUEST:
                    if (!tokens.isQuoted(f)) {
                        return "field request is not quoted";
                    }
                    break;
                default:
                    break;
            }
        }
        return null;
    }

    private void write(Field field, int f) {
        List<byte[]> names = field.names();
        switch (field.kind()) {
            case STRING:
            case TIME:
                if (!schemaFields.contains(field.awsName())) {
                    out.field(names.get(0));
                    writeString(f);
                }
                break;
            case NUMBER:
                out.field(names.get(0));
                writeNumber(tokens.line(), tokens.start(f), tokens.end(f), tokens.isDash(f));
                break;
            case HOST_PORT:
                writeHostPort(names, f);
                break;
            case REQUEST:
                writeRequest(names, f);
                break;
            case STRING_LIST:
            case NUMBER_LIST:
                out.field(names.get(0));
                writeList(f, field.kind() == Kind.NUMBER_LIST);
                break;
            default:
                throw new IllegalStateException("unknown kind " + field.kind());
        }
    }

    private void writeString(int f) {
        if (tokens.isDash(f)) {
            out.nullValue();
        } else if (tokens.hasEscapes(f)) {
            byte[] text = tokens.unescaped(f);
            out.string(text, 0, text.length);
        } else {
            out.string(tokens.line(), tokens.start(f), tokens.length(f));
        }
    }

    private void writeNumber(byte[] bytes, int start, int end, boolean dash) {
        if (dash) {
            out.nullValue();
        } else {
            out.number(bytes, start, end - start);
        }
    }

    private void writeHostPort(List<byte[]> names, int f) {
        out.field(names.get(0));
        if (tokens.isDash(f)) {
            out.nullValue();
            out.field(names.get(1));
            out.nullValue();
            return;
        }
        int colon = portStart(f) - 1;
        int ipStart = tokens.start(f);
        int ipEnd = colon;
        byte[] line = tokens.line();
        if (ipEnd - ipStart >= 2 && line[ipStart] == '[' && line[ipEnd - 1] == ']') {
            ipStart++;
            ipEnd--;
        }
        out.string(line, ipStart, ipEnd - ipStart);
        if (f == clientField) {
            clientIp = new String(line, ipStart, ipEnd - ipStart, StandardCharsets.UTF_8);
        }
        out.field(names.get(1));
        writeNumber(line, colon + 1, tokens.end(f), false);
    }

    /** Splits {@code "METHOD URL PROTOCOL"}: method before the first space, protocol after the last one. */
    private void writeRequest(List<byte[]> names, int f) {
        byte[] text = tokens.hasEscapes(f) ? tokens.unescaped(f) : null;
        byte[] line = text != null ? text : tokens.line();
        int start = text != null ? 0 : tokens.start(f);
        int end = text != null ? text.length : tokens.end(f);
        while (end > start && line[end - 1] == ' ') {
            end--; // Classic ELB TCP listeners log "- - - "
        }
        int firstSpace = indexOf(line, (byte) ' ', start, end);
        int lastSpace = lastIndexOf(line, (byte) ' ', start, end);
        int methodEnd = firstSpace < 0 ? end : firstSpace;
        out.field(names.get(0));
        writePart(line, start, methodEnd);
        out.field(names.get(1));
        if (firstSpace < 0) {
            out.nullValue();
        } else {
            int urlEnd = lastSpace > firstSpace ? lastSpace : end;
            writePart(line, firstSpace + 1, urlEnd);
        }
        out.field(names.get(2));
        if (lastSpace > firstSpace && firstSpace >= 0) {
            writePart(line, lastSpace + 1, end);
        } else {
            out.nullValue();
        }
    }

    private void writePart(byte[] bytes, int start, int end) {
        if (end <= start || (end - start == 1 && bytes[start] == '-')) {
            out.nullValue();
        } else {
            out.string(bytes, start, end - start);
        }
    }

    private void writeList(int f, boolean numbers) {
        if (tokens.isDash(f)) {
            out.nullValue();
            return;
        }
        byte[] line = tokens.line();
        out.startArray();
        int i = tokens.start(f);
        int end = tokens.end(f);
        while (i < end) {
            int space = indexOf(line, (byte) ' ', i, end);
            int itemEnd = space < 0 ? end : space;
            if (itemEnd > i) {
                boolean dash = itemEnd - i == 1 && line[i] == '-';
                if (numbers) {
                    writeNumber(line, i, itemEnd, dash);
                } else {
                    writePart(line, i, itemEnd);
                }
            }
            i = itemEnd + 1;
        }
        out.endArray();
    }

    /**
     * -1 when the bytes are valid UTF-8; otherwise the index of the first non-ASCII byte (where the strict JDK
     * decoder took over from the plain ASCII scan).
     */
    static int firstInvalidUtf8(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            return -1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, i, end - i));
            return -1;
        } catch (CharacterCodingException e) {
            return i;
        }
    }

    /** The index of the port's first digit in a {@code ip:port} field, or -1 when the field is not one. */
    private int portStart(int f) {
        byte[] line = tokens.line();
        int colon = lastIndexOf(line, (byte) ':', tokens.start(f), tokens.end(f));
        if (colon <= tokens.start(f) || colon == tokens.end(f) - 1) {
            return -1;
        }
        for (int i = colon + 1; i < tokens.end(f); i++) {
            if (line[i] < '0' || line[i] > '9') {
                return -1;
            }
        }
        return colon + 1;
    }

    private boolean isNumberList(int f) {
        byte[] line = tokens.line();
        int i = tokens.start(f);
        int end = tokens.end(f);
        while (i < end) {
            int space = indexOf(line, (byte) ' ', i, end);
            int itemEnd = space < 0 ? end : space;
            boolean dash = itemEnd - i == 1 && line[i] == '-';
            if (itemEnd > i && !dash && !isNumber(line, i, itemEnd)) {
                return false;
            }
            i = itemEnd + 1;
        }
        return true;
    }

    /** A cheap shape check ({@code 2026-11-24T10:15:30...}); the schema validates the time fully afterwards. */
    private boolean looksLikeTime(int f) {
        byte[] line = tokens.line();
        int start = tokens.start(f);
        return tokens.length(f) >= 19 && line[start + 4] == '-' && line[start + 7] == '-'
                && line[start + 10] == 'T' && line[start + 13] == ':';
    }

    /** Whether {@code bytes[start..end)} is a JSON number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}. */
    static boolean isNumber(byte[] bytes, int start, int end) {
        int i = start;
        if (i < end && bytes[i] == '-') {
            i++;
        }
        int intStart = i;
        while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && bytes[intStart] == '0')) {
            return false;
        }
        if (i < end && bytes[i] == '.') {
            i++;
            int fractionStart = i;
            while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
                i++;
            }
            if (i == fractionStart) {
                return false;
            }
        }
        return i == end;
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
