package io.github.logway.elb;

import io.github.logway.core.Deadline;
import io.github.logway.core.RetryableException;
import io.github.logway.core.config.CommonConfig;
import io.github.logway.core.failedlog.FailedLogEntry;
import io.github.logway.core.failedlog.FailedLogWriter;
import io.github.logway.core.failedlog.S3LineSource;
import io.github.logway.core.publish.BatchPutResult;
import io.github.logway.core.publish.EntryOutcome;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.publish.PutRecordsBatcher;
import io.github.logway.core.publish.Sent;
import io.github.logway.core.publish.TooLarge;
import io.github.logway.core.publish.Unsent;
import io.github.logway.schema.EventRef;
import io.github.logway.schema.LogRecordParser;
import io.github.logway.schema.ParseResult;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.RejectReason;
import io.github.logway.schema.Rejected;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.http.Abortable;

/**
 * Reads one access-log object from a given line, in chunks: stream, split, parse, validate, put, divert. Before
 * each chunk it checks the deadline; when the deadline stops it (or leaves entries unsent), it says where to
 * resume. A line counts as handled once it is sent, diverted (its failed-log object stored) or dropped by the
 * whitelist.
 *
 * <p>Never holds the object in memory: at most one chunk of records. Used on the invocation's thread only.
 */
final class ObjectReader {

    /** Longest line kept whole: 1 MiB, the default Kinesis record limit (the line's JSON is larger still). */
    static final int MAX_LINE_BYTES = 1024 * 1024;
    /** The gzip magic bytes {@code 1F 8B} (RFC 1952). */
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    /** Read-ahead of the decompressed and the raw stream: 64 KiB each. */
    private static final int STREAM_BUFFER_BYTES = 64 * 1024;

    /**
     * How much is read before each PutRecords round.
     *
     * @param lines lines per chunk (default 2,000: four full PutRecords requests in flight)
     * @param recordBytes JSON bytes per chunk (default 8 MiB: the memory one chunk may hold)
     */
    record ChunkSettings(int lines, long recordBytes) {

        static final ChunkSettings DEFAULTS = new ChunkSettings(2_000, 8L * 1024 * 1024);

        ChunkSettings {
            if (lines < 1 || recordBytes < 1) {
                throw new IllegalArgumentException("chunk limits must be positive: " + lines + ", " + recordBytes);
            }
        }
    }

    private final AccessLogSource source;
    private final AccessLogParser parser;
    private final LogRecordParser validator;
    private final PutRecordsBatcher batcher;
    private final String targetStream;
    private final FailedLogWriter failedLog;
    private final PartitionKeys partitionKeys;
    private final CommonConfig common;
    private final ChunkSettings chunkSettings;

    ObjectReader(AccessLogSource source, AccessLogParser parser, LogRecordParser validator, PutRecordsBatcher batcher,
            String targetStream, FailedLogWriter failedLog, PartitionKeys partitionKeys, CommonConfig common,
            ChunkSettings chunk) {
        this.source = Objects.requireNonNull(source, "source");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.batcher = Objects.requireNonNull(batcher, "batcher");
        this.targetStream = Objects.requireNonNull(targetStream, "targetStream");
        this.failedLog = Objects.requireNonNull(failedLog, "failedLog");
        this.partitionKeys = Objects.requireNonNull(partitionKeys, "partitionKeys");
        this.common = Objects.requireNonNull(common, "common");
        this.chunkSettings = Objects.requireNonNull(chunk, "chunk");
    }

    /**
     * Reads {@code task} until its end, the deadline or a transient failure.
     *
     * @throws io.github.logway.core.FatalException from S3, Kinesis or the failed log (denied access...)
     */
    ObjectOutcome read(ObjectTask task, Deadline deadline, Tally tally) {
        if (deadline.isExpired()) {
            return new ObjectOutcome.Interrupted(task);
        }
        long offset = task.byteOffset().orElse(0);
        ObjectOpening opening;
        try {
            opening = source.open(task.bucket(), task.key(), offset);
        } catch (RetryableException e) {
            return new ObjectOutcome.Failed(e);
        }
        if (opening instanceof ObjectOpening.Missing) {
            return new ObjectOutcome.Missing();
        }
        ObjectOpening.Opened opened = (ObjectOpening.Opened) opening;
        ObjectTask current = task;
        if (task.isResume() && task.eTag().isPresent() && !task.eTag().get().equals(opened.eTag())) {
            // Replaced since the continuation was written: a new object, read from its first line.
            tally.restarts++;
            current = ObjectTask.whole(task.bucket(), task.key(), Optional.of(opened.eTag()), task.eventTimeMillis());
            if (offset > 0) {
                abort(opened.body());
                offset = 0;
                try {
                    opening = source.open(task.bucket(), task.key(), 0);
                } catch (RetryableException e) {
                    return new ObjectOutcome.Failed(e);
                }
                if (opening instanceof ObjectOpening.Missing) {
                    return new ObjectOutcome.Missing();
                }
                opened = (ObjectOpening.Opened) opening;
            }
        }
        return new Run(current, opened, offset, deadline, tally).execute();
    }

    /** Stops a stream without draining it (an S3 connection would otherwise read the rest of the object). */
    private static void abort(InputStream body) {
        if (body instanceof Abortable abortable) {
            abortable.abort();
        }
        try {
            body.close();
        } catch (IOException e) {
            // Closing a stream we stopped reading: nothing to do.
        }
    }

    /** The reading of one opened object. */
    private final class Run {

        private final ObjectTask task;
        private final ObjectOpening.Opened opened;
        private final long baseOffset;
        private final Deadline deadline;
        private final Tally tally;
        private final LogIds logIds;
        private final EventRef ref;
        private boolean gzip;
        private long nextLine;
        private boolean endOfObject;
        /** Set when the gzip data turned out corrupt: the object ends there, the rest is diverted. */
        private java.util.zip.ZipException corruption;
        private byte[] header = new byte[256];

        Run(ObjectTask task, ObjectOpening.Opened opened, long baseOffset, Deadline deadline, Tally tally) {
            this.task = task;
            this.opened = opened;
            this.baseOffset = baseOffset;
            this.deadline = deadline;
            this.tally = tally;
            this.logIds = LogIds.forObject(task.bucket(), task.key());
            this.ref = EventRef.of(new RecordSource("s3://" + task.bucket() + "/" + task.key(), "", "", "",
                    task.eventTimeMillis()));
        }

        ObjectOutcome execute() {
            LineReader lines = null;
            try {
                try {
                    lines = new LineReader(decompressed(), MAX_LINE_BYTES);
                } catch (java.util.zip.ZipException corrupt) {
                    // A gzip header that is not one (unknown method, reserved flags): nothing is readable.
                    corruption = corrupt;
                    nextLine = task.nextLine();
                    return completed(); // the body is aborted below: nothing of it is readable

                }
                nextLine = baseOffset > 0 ? task.nextLine() : 1;
                if (baseOffset == 0 && task.nextLine() > 1) {
                    // Re-inflate from the start and skip, unparsed, the lines already handled.
                    nextLine += lines.skipLines(task.nextLine() - 1);
                }
                while (true) {
                    if (deadline.isExpired()) {
                        return interruptedAt(nextLine, baseOffset + lines.consumed());
                    }
                    Chunk chunk = readChunk(lines);
                    if (chunk.lineCount == 0 && endOfObject) {
                        return completed();
                    }
                    ObjectOutcome stop = deliver(chunk);
                    if (stop != null) {
                        return stop;
                    }
                    if (endOfObject) {
                        return completed();
                    }
                }
            } catch (IOException e) {
                return new ObjectOutcome.Failed(new RetryableException("reading s3://" + task.bucket() + "/"
                        + task.key() + " failed near line " + nextLine + ": " + e.getMessage(), e));
            } finally {
                if (endOfObject) {
                    closeQuietly(lines);
                } else {
                    abort(opened.body());
                }
            }
        }

        /** The object's text: gunzipped when it starts with the gzip magic (only a read from byte 0 can). */
        private InputStream decompressed() throws IOException {
            BufferedInputStream raw = new BufferedInputStream(opened.body(), STREAM_BUFFER_BYTES);
            if (baseOffset > 0) {
                return raw;
            }
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            gzip = first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
            return gzip ? new GZIPInputStream(raw, STREAM_BUFFER_BYTES) : raw;
        }

        private ObjectOutcome interruptedAt(long line, long byteOffset) {
            OptionalLong offset = gzip ? OptionalLong.empty() : OptionalLong.of(byteOffset);
            return new ObjectOutcome.Interrupted(task.resumeAt(opened.eTag(), line, offset));
        }

        /**
         * The object is read to its end. When its gzip data was corrupt, the unreadable rest counts as one log event
         * and is diverted as {@code corrupt_gzip}: retrying cannot mend the object, and the lines before the damage
         * are already sent.
         */
        private ObjectOutcome completed() {
            if (corruption == null) {
                return new ObjectOutcome.Completed();
            }
            tally.logEvents++;
            FailedLogEntry entry = new FailedLogEntry(RejectReason.CORRUPT_GZIP, "gzip data of s3://" + task.bucket()
                    + "/" + task.key() + " is corrupt after line " + (nextLine - 1) + ": " + corruption.getMessage()
                    + "; the rest of the object is unreadable", new byte[0], source(nextLine));
            FailedLogWriter.Result written = failedLog.write(List.of(entry));
            if (!written.allWritten()) {
                tally.behind++;
                return new ObjectOutcome.Failed(written.groups().stream()
                        .filter(FailedLogWriter.Failed.class::isInstance).map(FailedLogWriter.Failed.class::cast)
                        .findFirst().orElseThrow().cause());
            }
            tally.divert(RejectReason.CORRUPT_GZIP, 1);
            return new ObjectOutcome.Completed();
        }

        private Chunk readChunk(LineReader lines) throws IOException {
            Chunk chunk = new Chunk();
            long bytes = 0;
            while (chunk.lineCount < chunkSettings.lines() && bytes < chunkSettings.recordBytes()) {
                boolean more;
                try {
                    more = lines.next();
                } catch (java.util.zip.ZipException corrupt) {
                    // Bad deflate data or header: the object itself is damaged (a cut connection shows as
                    // another IOException, which is retried).
                    corruption = corrupt;
                    more = false;
                }
                if (!more) {
                    endOfObject = true;
                    break;
                }
                long line = nextLine++;
                if (lines.length() == 0) {
                    continue; // a blank line is no log event
                }
                chunk.lineCount++;
                tally.logEvents++;
                tally.logBytes += lines.length();
                long start = baseOffset + lines.lineStart();
                if (lines.truncated()) {
                    chunk.divert(RejectReason.INVALID_ACCESS_LOG_LINE, "line longer than " + MAX_LINE_BYTES
                            + " bytes (cut)", lines.copyLine(), line, start);
                    continue;
                }
                AccessLogKind kind = AccessLogKind.of(lines.buffer(), lines.offset(), lines.length());
                if (!common.allows(parser.logTypeOf(kind))) {
                    tally.dropped++;
                    continue;
                }
                String logId = logIds.idFor(line);
                LineOutcome outcome = parser.parse(lines.buffer(), lines.offset(), lines.length(), logId);
                if (outcome instanceof InvalidLine invalid) {
                    chunk.divert(RejectReason.INVALID_ACCESS_LOG_LINE, invalid.detail(), lines.copyLine(), line,
                            start);
                    continue;
                }
                ConvertedLine converted = (ConvertedLine) outcome;
                ParseResult checked = validateSchemaFields(converted);
                if (checked instanceof Rejected rejected) {
                    chunk.divert(rejected.reason(), rejected.detail(), lines.copyLine(), line, start);
                    continue;
                }
                chunk.add(PublishEntry.of(converted.json(), partitionKeys.keyFor(converted.clientIp(), logId)),
                        line, start);
                bytes += converted.json().length;
            }
            return chunk;
        }

        /**
         * Validates the record's schema fields ({@code log_type}, {@code log_id}, {@code time}) with the common
         * schema's parser and rules: the record's first bytes, closed after the time field. The rest of the record
         * is written by {@link AccessLogParser} from checked fields; validating it again would cost more than the
         * whole parse (see docs/elb-to-kinesis.md, Performance).
         */
        private ParseResult validateSchemaFields(ConvertedLine converted) {
            int length = converted.schemaHeaderBytes();
            if (header.length < length + 1) {
                header = new byte[Math.max(header.length * 2, length + 1)];
            }
            System.arraycopy(converted.json(), 0, header, 0, length);
            header[length] = '}';
            return validator.parseObject(header, 0, length + 1, ref);
        }

        /** Puts a chunk and writes its diverted lines; {@code null} when every line is handled. */
        private ObjectOutcome deliver(Chunk chunk) {
            BatchPutResult result = chunk.entries.isEmpty()
                    ? new BatchPutResult(List.of(), 0, 0)
                    : batcher.putAll(targetStream, chunk.entries, deadline);
            tally.retried += result.retries();
            int firstUnsent = result.firstUnsentIndex();
            long resumeLine = firstUnsent >= 0 ? chunk.entryLines.get(firstUnsent) : Long.MAX_VALUE;
            long resumeOffset = firstUnsent >= 0 ? chunk.entryStarts.get(firstUnsent) : -1;
            List<FailedLogEntry> toDivert = new ArrayList<>();
            for (int i = 0; i < chunk.entries.size(); i++) {
                EntryOutcome outcome = result.outcome(i);
                if (outcome instanceof Sent) {
                    tally.delivered++;
                } else if (outcome instanceof TooLarge tooLarge && chunk.entryLines.get(i) < resumeLine) {
                    PublishEntry entry = chunk.entries.get(i);
                    toDivert.add(new FailedLogEntry(RejectReason.RECORD_TOO_LARGE_FOR_TARGET, "record of "
                            + tooLarge.bytes() + " bytes exceeds MAX_RECORD_BYTES (" + batcher.settings()
                            .maxRecordBytes() + ")", entry.data(), source(chunk.entryLines.get(i))));
                } else {
                    tally.behind++;
                }
            }
            for (int i = 0; i < chunk.diverted.size(); i++) {
                if (chunk.divertedLines.get(i) < resumeLine) {
                    toDivert.add(chunk.diverted.get(i));
                } else {
                    // At or after the resume point: the continuation reads this line again.
                    tally.behind++;
                }
            }
            if (firstUnsent >= 0 && !stoppedByDeadline(result.outcome(firstUnsent))) {
                tally.behind += toDivert.size();
                return new ObjectOutcome.Failed(new RetryableException("PutRecords to " + targetStream + " left "
                        + result.unsentIndexes().size() + " line(s) of s3://" + task.bucket() + "/" + task.key()
                        + " unsent after retries (" + ((Unsent) result.outcome(firstUnsent)).lastErrorCode() + ")"));
            }
            if (!toDivert.isEmpty()) {
                FailedLogWriter.Result written = failedLog.write(toDivert);
                for (FailedLogWriter.GroupOutcome group : written.groups()) {
                    if (group instanceof FailedLogWriter.Written) {
                        tally.divert(group.reason(), group.entries().size());
                    } else {
                        tally.behind += group.entries().size();
                    }
                }
                if (!written.allWritten()) {
                    FailedLogWriter.Failed failed = written.groups().stream()
                            .filter(FailedLogWriter.Failed.class::isInstance)
                            .map(FailedLogWriter.Failed.class::cast).findFirst().orElseThrow();
                    return new ObjectOutcome.Failed(failed.cause());
                }
            }
            if (firstUnsent >= 0) {
                return interruptedAt(resumeLine, resumeOffset);
            }
            return null;
        }

        private boolean stoppedByDeadline(EntryOutcome outcome) {
            return deadline.isExpired()
                    || (outcome instanceof Unsent unsent && Unsent.DEADLINE_EXCEEDED.equals(unsent.lastErrorCode()));
        }

        private S3LineSource source(long line) {
            return new S3LineSource(task.bucket(), task.key(), line, task.eventTimeMillis());
        }

        /** One chunk: the entries to put and the lines to divert, each with its line number and first byte. */
        private final class Chunk {
            final List<PublishEntry> entries = new ArrayList<>();
            final List<Long> entryLines = new ArrayList<>();
            final List<Long> entryStarts = new ArrayList<>();
            final List<FailedLogEntry> diverted = new ArrayList<>();
            final List<Long> divertedLines = new ArrayList<>();
            int lineCount;

            void add(PublishEntry entry, long line, long start) {
                entries.add(entry);
                entryLines.add(line);
                entryStarts.add(start);
            }

            void divert(RejectReason reason, String detail, byte[] data, long line, long start) {
                diverted.add(new FailedLogEntry(reason, detail, data, source(line)));
                divertedLines.add(line);
            }
        }
    }

    private static void closeQuietly(LineReader lines) {
        if (lines == null) {
            return;
        }
        try {
            lines.close();
        } catch (IOException e) {
            // Fully read: nothing more to do with it.
        }
    }
}
