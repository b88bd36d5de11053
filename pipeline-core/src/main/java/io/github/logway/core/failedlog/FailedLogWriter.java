package io.github.logway.core.failedlog;

import static io.github.logway.core.failedlog.FailedLogFormat.ARRIVAL_TIME;
import static io.github.logway.core.failedlog.FailedLogFormat.BUCKET;
import static io.github.logway.core.failedlog.FailedLogFormat.DATA;
import static io.github.logway.core.failedlog.FailedLogFormat.DATA_BASE64;
import static io.github.logway.core.failedlog.FailedLogFormat.DETAIL;
import static io.github.logway.core.failedlog.FailedLogFormat.EVENT_INDEX;
import static io.github.logway.core.failedlog.FailedLogFormat.EVENT_TIME;
import static io.github.logway.core.failedlog.FailedLogFormat.FUNCTION;
import static io.github.logway.core.failedlog.FailedLogFormat.KEY;
import static io.github.logway.core.failedlog.FailedLogFormat.LINE;
import static io.github.logway.core.failedlog.FailedLogFormat.PARTITION_KEY;
import static io.github.logway.core.failedlog.FailedLogFormat.REASON;
import static io.github.logway.core.failedlog.FailedLogFormat.SEQUENCE;
import static io.github.logway.core.failedlog.FailedLogFormat.SHARD;
import static io.github.logway.core.failedlog.FailedLogFormat.SOURCE;
import static io.github.logway.core.failedlog.FailedLogFormat.STREAM;
import static io.github.logway.core.failedlog.FailedLogFormat.SUB_SEQUENCE;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.logway.core.RetryableException;
import io.github.logway.core.store.ObjectStore;
import io.github.logway.core.store.PutOptions;
import io.github.logway.schema.EventRef;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.RejectReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * Writes diverted records to the failed log (PRODUCT.md §3 "Failed log"): one gzip NDJSON object per reject
 * reason, one envelope per record,
 * {@code {"reason":..,"detail":..,"function":..,"source":{..},"data":"<original text>"}} ({@code data_base64}
 * instead of {@code data} when the bytes are not UTF-8).
 *
 * <p>Keys, with the time of the group's first entry in the configured zone:
 * {@code {prefix}/{reason}/{yyyy-MM}/{dd}/{yyyy-MM-dd-HH:mm:ss}-{shard}-{first sequence}.gz} for Kinesis
 * sources (arrival time) and {@code ...-{first 16 hex of sha256(bucket/key)}-{first line}.gz} for S3 lines (the
 * S3 event time). The same entries always give the same keys and byte-identical bodies (the gzip header carries
 * no modification time), so a re-delivered batch overwrites its own objects.
 *
 * <p>A record counts as handled only once its group is {@link Written}.
 */
public final class FailedLogWriter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH:mm:ss");
    /** Hex characters of the SHA-256 of {@code bucket/key} in keys of S3-line groups. */
    private static final int OBJECT_HASH_HEX_CHARS = 16;

    private final ObjectStore store;
    private final String bucket;
    private final String prefix;
    private final String functionName;
    private final ZoneId zone;

    /**
     * @param bucket {@code FAILED_LOG_S3_BUCKET}
     * @param prefix {@code FAILED_LOG_S3_PREFIX}; leading and trailing slashes are ignored, empty means none
     * @param functionName written as {@code function} in every envelope, e.g. {@code kinesis-to-s3}
     * @param zone the zone of the key's date and time ({@code TIMEZONE}, usually UTC)
     */
    public FailedLogWriter(ObjectStore store, String bucket, String prefix, String functionName, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = stripSlashes(Objects.requireNonNull(prefix, "prefix"));
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** What became of one reason's group. */
    public sealed interface GroupOutcome permits Written, Failed {

        RejectReason reason();

        /** The object key the group was (or would have been) written to. */
        String key();

        /** The group's entries in input order. */
        List<FailedLogEntry> entries();
    }

    /** The group is stored: its entries are handled. */
    public record Written(RejectReason reason, String key, List<FailedLogEntry> entries) implements GroupOutcome {

        public Written {
            entries = List.copyOf(entries);
        }
    }

    /** The group could not be stored for a transient reason: leave its records behind the checkpoint. */
    public record Failed(RejectReason reason, String key, List<FailedLogEntry> entries, RetryableException cause)
            implements GroupOutcome {

        public Failed {
            entries = List.copyOf(entries);
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * The outcome of {@link #write(List)}: one group per reason, in the order reasons first appear in the input.
     */
    public record Result(List<GroupOutcome> groups) {

        public Result {
            groups = List.copyOf(groups);
        }

        /** Whether every group was written. */
        public boolean allWritten() {
            return groups.stream().allMatch(Written.class::isInstance);
        }

        /** The entries of written groups: these are handled. */
        public List<FailedLogEntry> written() {
            return entriesOf(Written.class);
        }

        /** The entries of failed groups: these stay behind the checkpoint. */
        public List<FailedLogEntry> failed() {
            return entriesOf(Failed.class);
        }

        /** The outcome for one reason, if the input had entries of it. */
        public Optional<GroupOutcome> outcome(RejectReason reason) {
            return groups.stream().filter(group -> group.reason() == reason).findFirst();
        }

        private List<FailedLogEntry> entriesOf(Class<? extends GroupOutcome> type) {
            List<FailedLogEntry> entries = new ArrayList<>();
            for (GroupOutcome group : groups) {
                if (type.isInstance(group)) {
                    entries.addAll(group.entries());
                }
            }
            return entries;
        }
    }

    /**
     * Groups {@code entries} by reason (input order kept inside a group) and stores one object per group.
     *
     * @return per reason, written (with its key) or failed (with the retryable cause)
     * @throws io.github.logway.core.FatalException from the store (denied access, missing bucket, KMS...)
     */
    public Result write(List<FailedLogEntry> entries) {
        Map<RejectReason, List<FailedLogEntry>> groups = new LinkedHashMap<>();
        for (FailedLogEntry entry : entries) {
            groups.computeIfAbsent(entry.reason(), reason -> new ArrayList<>()).add(entry);
        }
        List<GroupOutcome> outcomes = new ArrayList<>(groups.size());
        for (Map.Entry<RejectReason, List<FailedLogEntry>> group : groups.entrySet()) {
            String key = keyFor(group.getKey(), group.getValue().get(0));
            byte[] body = body(group.getValue());
            try {
                store.put(bucket, key, body, PutOptions.GZIP_NDJSON);
                outcomes.add(new Written(group.getKey(), key, group.getValue()));
            } catch (RetryableException e) {
                outcomes.add(new Failed(group.getKey(), key, group.getValue(), e));
            }
        }
        return new Result(outcomes);
    }

    /** The key of a group of {@code reason} whose first entry is {@code first}. */
    String keyFor(RejectReason reason, FailedLogEntry first) {
        long epochMillis;
        String suffix;
        if (first.source() instanceof KinesisEventSource kinesis) {
            RecordSource source = kinesis.ref().source();
            epochMillis = source.arrivalEpochMillis();
            suffix = source.shardId() + "-" + source.sequenceNumber();
        } else if (first.source() instanceof S3LineSource line) {
            epochMillis = line.eventTimeEpochMillis();
            suffix = objectHash(line.bucket(), line.key()) + "-" + line.line();
        } else {
            throw new IllegalStateException("unknown source " + first.source());
        }
        var time = Instant.ofEpochMilli(epochMillis).atZone(zone);
        StringBuilder key = new StringBuilder(128);
        if (!prefix.isEmpty()) {
            key.append(prefix).append('/');
        }
        key.append(reason.code()).append('/')
                .append(MONTH.format(time)).append('/')
                .append(DAY.format(time)).append('/')
                .append(SECOND.format(time)).append('-')
                .append(suffix).append(".gz");
        return key.toString();
    }

    /** The gzip NDJSON body of a group: one envelope per line, each line ending in a newline. */
    byte[] body(List<FailedLogEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + entries.size() * 256);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 8192);
                JsonGenerator json = JSON.createGenerator(gzip)) {
            json.setRootValueSeparator(null);
            for (FailedLogEntry entry : entries) {
                writeEnvelope(json, entry);
                json.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress the failed log", e);
        }
        return bytes.toByteArray();
    }

    private void writeEnvelope(JsonGenerator json, FailedLogEntry entry) throws IOException {
        json.writeStartObject();
        json.writeStringField(REASON, entry.reason().code());
        json.writeStringField(DETAIL, entry.detail());
        json.writeStringField(FUNCTION, functionName);
        json.writeObjectFieldStart(SOURCE);
        if (entry.source() instanceof KinesisEventSource kinesis) {
            writeKinesisSource(json, kinesis.ref());
        } else if (entry.source() instanceof S3LineSource line) {
            json.writeStringField(BUCKET, line.bucket());
            json.writeStringField(KEY, line.key());
            json.writeNumberField(LINE, line.line());
            json.writeStringField(EVENT_TIME, FailedLogFormat.formatTime(line.eventTimeEpochMillis()));
        }
        json.writeEndObject();
        Optional<String> text = utf8(entry.data());
        if (text.isPresent()) {
            json.writeStringField(DATA, text.get());
        } else {
            json.writeStringField(DATA_BASE64, Base64.getEncoder().encodeToString(entry.data()));
        }
        json.writeEndObject();
    }

    private static void writeKinesisSource(JsonGenerator json, EventRef ref) throws IOException {
        RecordSource source = ref.source();
        json.writeStringField(STREAM, source.streamArn());
        json.writeStringField(SHARD, source.shardId());
        json.writeStringField(SEQUENCE, source.sequenceNumber());
        writePosition(json, SUB_SEQUENCE, ref.subSequence());
        writePosition(json, EVENT_INDEX, ref.eventIndex());
        json.writeStringField(ARRIVAL_TIME, FailedLogFormat.formatTime(source.arrivalEpochMillis()));
        json.writeStringField(PARTITION_KEY, source.partitionKey());
    }

    private static void writePosition(JsonGenerator json, String name, int position) throws IOException {
        if (position == EventRef.NONE) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, position);
        }
    }

    private static Optional<String> utf8(byte[] data) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static String objectHash(String bucket, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bucket + "/" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, OBJECT_HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String stripSlashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '/') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(start, end);
    }
}
