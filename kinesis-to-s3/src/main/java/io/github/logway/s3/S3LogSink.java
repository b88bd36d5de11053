package io.github.logway.s3;

import io.github.logway.core.Deadline;
import io.github.logway.core.DeliveryOutcome;
import io.github.logway.core.FatalException;
import io.github.logway.core.LogSink;
import io.github.logway.core.RetryableException;
import io.github.logway.core.store.ObjectStore;
import io.github.logway.core.store.PutOptions;
import io.github.logway.schema.LogRecord;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Archives valid log records to S3 (PRODUCT.md §4).
 *
 * <p>Records are grouped by log type and the period of their own time in {@code TIMEZONE} (the day for
 * {@code baikonur}, the hour for {@code hive}); groups keep the order in which they first appear, records keep
 * input order. A group whose log text passes {@code S3_MAX_OBJECT_BYTES} is split into parts at line boundaries
 * (deterministically: the same records give the same parts). Each part is compressed and uploaded as one
 * object, parts running concurrently on the upload pool.
 *
 * <p>Outcomes: the records of an uploaded part are {@code Delivered}; those of a part whose upload failed
 * transiently are {@code Retryable}, so the batch processor reports the lowest sequence number among them. Once
 * an upload has failed, parts not yet started whose records all lie after that failure's lowest sequence number
 * are not uploaded (they would be re-delivered, and so written twice); parts before it still are, which keeps
 * the checkpoint as high as possible. Nothing starts once the deadline has passed; an upload still running at
 * the deadline is abandoned (its records are {@code Retryable}). A {@link FatalException} from the store fails
 * the invocation once running uploads have finished.
 */
final class S3LogSink implements LogSink {

    private final ObjectStore store;
    private final String bucket;
    private final KeyLayout layout;
    private final ZoneId zone;
    private final long maxObjectBytes;
    private final S3ObjectKeys keys;
    private final ObjectBodies bodies;
    private final PutOptions options;
    private final ExecutorService uploads;

    /**
     * @param store where objects go
     * @param config the bucket, layout, codec, headers and size cap
     * @param uploads the bounded upload pool shared across invocations, or {@code null} to upload one object
     *     after the other on the calling thread
     */
    S3LogSink(ObjectStore store, KinesisToS3Config config, ExecutorService uploads) {
        this.store = Objects.requireNonNull(store, "store");
        Objects.requireNonNull(config, "config");
        this.bucket = config.bucket();
        this.layout = config.keyLayout();
        this.zone = config.timezone();
        this.maxObjectBytes = config.maxObjectBytes();
        this.keys = new S3ObjectKeys(config.prefix(), config.compression().extension());
        this.bodies = new ObjectBodies(config.compression(), config.compressionLevel());
        this.options = new PutOptions(PutOptions.NDJSON, config.compression().contentEncoding(),
                config.sseKmsKeyId().orElse(null), config.storageClass().orElse(null));
        this.uploads = uploads;
    }

    @Override
    public List<DeliveryOutcome> deliver(List<LogRecord> records, Deadline deadline) {
        List<Part> parts = split(group(records));
        DeliveryOutcome[] outcomes = new DeliveryOutcome[records.size()];
        Batch batch = new Batch(records, deadline);
        List<Result> results = uploads == null || parts.size() == 1 ? uploadInline(batch, parts)
                : uploadConcurrently(batch, parts);
        FatalException fatal = null;
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            Result result = results.get(p);
            DeliveryOutcome outcome;
            if (result instanceof Uploaded) {
                outcome = DeliveryOutcome.DELIVERED;
            } else if (result instanceof NotUploaded notUploaded) {
                outcome = new DeliveryOutcome.Retryable(notUploaded.cause());
            } else if (result instanceof FailedFatally failed) {
                fatal = fatal == null ? failed.cause() : fatal;
                outcome = new DeliveryOutcome.Retryable(failed.cause().getMessage());
            } else {
                throw new AssertionError("unknown upload result " + result);
            }
            for (int k = part.from; k < part.to; k++) {
                outcomes[part.group.indexes[k]] = outcome;
            }
        }
        if (fatal != null) {
            throw fatal;
        }
        return Arrays.asList(outcomes);
    }

    /** Groups in order of first appearance; records of a group in input order. */
    private List<Group> group(List<LogRecord> records) {
        LocalPeriods periods = new LocalPeriods(zone);
        Map<String, TypeGroups> byType = new HashMap<>();
        List<Group> groups = new ArrayList<>();
        boolean hourly = layout == KeyLayout.HIVE;
        for (int i = 0; i < records.size(); i++) {
            LogRecord record = records.get(i);
            long nanos = record.timeEpochNanos();
            long period = hourly ? periods.epochHour(nanos) : periods.epochDay(nanos);
            TypeGroups ofType = byType.get(record.logType());
            if (ofType == null) {
                ofType = new TypeGroups();
                byType.put(record.logType(), ofType);
            }
            Group group = ofType.lastPeriod == period && ofType.last != null ? ofType.last
                    : ofType.byPeriod.get(period);
            if (group == null) {
                group = new Group(record.logType(), period, periods.localEpochSecond(nanos));
                ofType.byPeriod.put(period, group);
                groups.add(group);
            }
            ofType.last = group;
            ofType.lastPeriod = period;
            group.add(i, record.length() + 1L);
        }
        return groups;
    }

    /** Cuts each group into parts of at most {@code maxObjectBytes} of text (a longer single line stands alone). */
    private List<Part> split(List<Group> groups) {
        List<Part> parts = new ArrayList<>(groups.size());
        for (Group group : groups) {
            if (group.textBytes <= maxObjectBytes) {
                parts.add(new Part(group, 1, 0, group.size, group.textBytes));
                group.parts = 1;
                continue;
            }
            int from = 0;
            long bytes = 0;
            int number = 1;
            for (int k = 0; k < group.size; k++) {
                long lineBytes = group.lineBytes[k];
                if (k > from && bytes + lineBytes > maxObjectBytes) {
                    parts.add(new Part(group, number++, from, k, bytes));
                    from = k;
                    bytes = 0;
                }
                bytes += lineBytes;
            }
            parts.add(new Part(group, number, from, group.size, bytes));
            group.parts = number;
        }
        return parts;
    }

    private List<Result> uploadInline(Batch batch, List<Part> parts) {
        List<Result> results = new ArrayList<>(parts.size());
        for (Part part : parts) {
            results.add(upload(batch, part));
        }
        return results;
    }

    private List<Result> uploadConcurrently(Batch batch, List<Part> parts) {
        List<Future<Result>> futures = new ArrayList<>(parts.size());
        for (Part part : parts) {
            futures.add(uploads.submit(() -> upload(batch, part)));
        }
        List<Result> results = new ArrayList<>(parts.size());
        boolean abandoned = false;
        for (int p = 0; p < futures.size(); p++) {
            Future<Result> future = futures.get(p);
            Result result;
            try {
                if (abandoned) {
                    future.cancel(true);
                }
                long waitMillis = Math.max(0, batch.deadline.remaining().toMillis());
                result = future.get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | CancellationException e) {
                future.cancel(true);
                abandoned = true;
                result = new NotUploaded("the deadline passed before the upload of s3://" + bucket + "/"
                        + keyOf(batch.records, parts.get(p)) + " finished");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                abandoned = true;
                result = new NotUploaded("interrupted while uploading");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("upload failed", cause);
            }
            results.add(result);
        }
        return results;
    }

    /** Compresses and stores one part; runs on the caller or a pool thread. */
    private Result upload(Batch batch, Part part) {
        if (batch.stop.get()) {
            return new NotUploaded("not uploaded: the invocation is failing");
        }
        if (batch.deadline.isExpired()) {
            return new NotUploaded("not uploaded: the deadline has passed");
        }
        String lowestFailed = batch.lowestFailedSequence.get();
        if (lowestFailed != null
                && SequenceNumbers.compare(lowestSequence(batch.records, part), lowestFailed) > 0) {
            return new NotUploaded("not uploaded: an upload of earlier records failed");
        }
        String key = keyOf(batch.records, part);
        byte[] body = bodies.encode(batch.records, part.group.indexes, part.from, part.to, part.textBytes);
        try {
            store.put(bucket, key, body, options);
            return new Uploaded(key);
        } catch (RetryableException e) {
            batch.lowestFailedSequence.accumulateAndGet(lowestSequence(batch.records, part), SequenceNumbers::min);
            return new NotUploaded(e.getMessage());
        } catch (FatalException e) {
            batch.stop.set(true);
            return new FailedFatally(e);
        }
    }

    private String keyOf(List<LogRecord> records, Part part) {
        Group group = part.group;
        LogRecord first = records.get(group.indexes[0]);
        if (layout == KeyLayout.HIVE) {
            LogRecord last = records.get(group.indexes[group.size - 1]);
            return keys.hive(group.logType, group.period, first.source().shardId(), first.source().sequenceNumber(),
                    last.source().sequenceNumber(), part.number, group.parts);
        }
        return keys.baikonur(group.logType, group.firstLocalEpochSecond, first.logId(), part.number, group.parts);
    }

    private static String lowestSequence(List<LogRecord> records, Part part) {
        String lowest = null;
        for (int k = part.from; k < part.to; k++) {
            String sequence = records.get(part.group.indexes[k]).source().sequenceNumber();
            if (lowest == null || SequenceNumbers.compare(sequence, lowest) < 0) {
                lowest = sequence;
            }
        }
        return lowest;
    }

    /** State shared by the uploads of one {@link #deliver} call. */
    private static final class Batch {
        final List<LogRecord> records;
        final Deadline deadline;
        final AtomicReference<String> lowestFailedSequence = new AtomicReference<>();
        final AtomicBoolean stop = new AtomicBoolean();

        Batch(List<LogRecord> records, Deadline deadline) {
            this.records = records;
            this.deadline = deadline;
        }
    }

    /** The groups of one log type, with the last one used (consecutive records usually share it). */
    private static final class TypeGroups {
        final Map<Long, Group> byPeriod = new HashMap<>(4);
        Group last;
        long lastPeriod;
    }

    /** Records of one log type and period: their indexes in the input and their line sizes. */
    private static final class Group {
        final String logType;
        final long period;
        final long firstLocalEpochSecond;
        int[] indexes = new int[16];
        long[] lineBytes = new long[16];
        int size;
        long textBytes;
        int parts;

        Group(String logType, long period, long firstLocalEpochSecond) {
            this.logType = logType;
            this.period = period;
            this.firstLocalEpochSecond = firstLocalEpochSecond;
        }

        void add(int index, long bytes) {
            if (size == indexes.length) {
                indexes = Arrays.copyOf(indexes, size * 2);
                lineBytes = Arrays.copyOf(lineBytes, size * 2);
            }
            indexes[size] = index;
            lineBytes[size] = bytes;
            size++;
            textBytes += bytes;
        }
    }

    /** One object: the records at {@code group.indexes[from..to)}. */
    private static final class Part {
        final Group group;
        final int from;
        final int to;
        final long textBytes;
        final int number;

        Part(Group group, int number, int from, int to, long textBytes) {
            this.group = group;
            this.number = number;
            this.from = from;
            this.to = to;
            this.textBytes = textBytes;
        }
    }

    /** What became of one part's upload. */
    private sealed interface Result permits Uploaded, NotUploaded, FailedFatally {
    }

    private record Uploaded(String key) implements Result {
    }

    private record NotUploaded(String cause) implements Result {
    }

    private record FailedFatally(FatalException cause) implements Result {
    }
}
