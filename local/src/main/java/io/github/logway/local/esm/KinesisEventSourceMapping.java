package io.github.logway.local.esm;

import io.github.logway.core.retry.Sleeper;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A local Lambda event source mapping on a Kinesis stream: one poller thread per shard reads with
 * GetShardIterator/GetRecords, gathers a batch (batch size and batching window), and hands it to a
 * {@link ShardProcessor}, which invokes the function with Lambda's semantics. Shards are processed in parallel,
 * records of one shard in order (parallelization factor 1).
 *
 * <p>Shards are listed once at {@link #start()}; shards created later by resharding are not followed (the
 * local stack never reshards).
 */
public final class KinesisEventSourceMapping implements AutoCloseable {

    /** Pause between GetRecords calls that return nothing (Lambda polls a shard about once a second). */
    static final Duration IDLE_POLL_INTERVAL = Duration.ofMillis(250);
    /** Pause before retrying an on-failure destination that could not be written. */
    static final Duration DESTINATION_RETRY_DELAY = Duration.ofSeconds(1);
    /** GetRecords returns at most this many records (Kinesis limit). */
    static final int MAX_GET_RECORDS = 10_000;

    private final KinesisClient kinesis;
    private final String streamArn;
    private final EsmSettings settings;
    private final FunctionInvoker invoker;
    private final OnFailureDestination onFailure;
    private final String functionArn;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PrintStream log;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<ShardWorker> workers = new CopyOnWriteArrayList<>();

    /**
     * @param kinesis a client for the stream's endpoint
     * @param streamArn the stream ARN (the event source)
     * @param settings the mapping's settings
     * @param invoker the function
     * @param onFailure where discarded batches go
     * @param functionArn the function's ARN, as the on-failure record names it
     * @param clock the clock of record ages and windows
     * @param sleeper how the pollers wait
     * @param log where the mapping reports problems (human-readable)
     */
    public KinesisEventSourceMapping(KinesisClient kinesis, String streamArn, EsmSettings settings,
            FunctionInvoker invoker, OnFailureDestination onFailure, String functionArn, Clock clock, Sleeper sleeper,
            PrintStream log) {
        this.kinesis = Objects.requireNonNull(kinesis, "kinesis");
        this.streamArn = Objects.requireNonNull(streamArn, "streamArn");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.functionArn = Objects.requireNonNull(functionArn, "functionArn");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Lists the shards and starts one poller per shard. */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        List<Shard> shards = kinesis.listShards(request -> request.streamARN(streamArn)).shards();
        KinesisEventJson events = new KinesisEventJson(streamArn, "arn:aws:iam::000000000000:role/logway-local");
        long seed = streamArn.hashCode();
        for (Shard shard : shards) {
            ShardProcessor processor = new ShardProcessor(settings, events, invoker, onFailure, functionArn, clock,
                    sleeper, new SplittableRandom(seed++));
            ShardWorker worker = new ShardWorker(shard.shardId(), processor);
            workers.add(worker);
            Thread thread = new Thread(worker, "esm-" + shard.shardId());
            thread.setDaemon(true);
            worker.thread = thread;
            thread.start();
        }
    }

    /**
     * Waits until every shard has been read to its end and every record read is past the checkpoint or
     * discarded, or until {@code timeout}.
     *
     * @return true when idle, false on timeout
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - until < 0) {
            boolean idle = true;
            for (ShardWorker worker : workers) {
                idle &= worker.idle;
            }
            if (idle && !workers.isEmpty()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The counters of every shard, summed. */
    public EsmStats stats() {
        EsmStats total = EsmStats.ZERO;
        for (ShardWorker worker : workers) {
            total = total.plus(worker.processor.stats());
        }
        return total;
    }

    /** Stops the pollers (a batch being processed finishes first). */
    @Override
    public void close() {
        running.set(false);
        for (ShardWorker worker : workers) {
            worker.thread.interrupt();
        }
        for (ShardWorker worker : workers) {
            try {
                worker.thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One shard's poller. */
    private final class ShardWorker implements Runnable {

        private final String shardId;
        private final ShardProcessor processor;
        private final Deque<StreamRecord> buffer = new ArrayDeque<>();
        private volatile boolean idle;
        private Thread thread;
        private String iterator;
        private String lastReadSequence;
        private Instant firstBuffered;

        ShardWorker(String shardId, ShardProcessor processor) {
            this.shardId = shardId;
            this.processor = processor;
        }

        @Override
        public void run() {
            try {
                iterator = initialIterator();
                while (running.get() && !Thread.currentThread().isInterrupted()) {
                    boolean caughtUp = poll();
                    if (!buffer.isEmpty() && (buffer.size() >= settings.batchSize() || caughtUp || windowElapsed())) {
                        deliverBatch();
                        continue;
                    }
                    idle = caughtUp && buffer.isEmpty();
                    if (caughtUp) {
                        sleeper.sleep(IDLE_POLL_INTERVAL);
                    }
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    log.println("event source mapping on " + shardId + " stopped: " + e);
                }
            }
        }

        /** Reads what the shard has; true when the shard has nothing more right now. */
        private boolean poll() {
            if (iterator == null || buffer.size() >= settings.batchSize()) {
                return iterator == null;
            }
            GetRecordsResponse response;
            try {
                String current = iterator;
                response = kinesis.getRecords(request -> request.shardIterator(current)
                        .limit(Math.min(MAX_GET_RECORDS, settings.batchSize() - buffer.size())));
            } catch (ExpiredIteratorException e) {
                iterator = afterLastRead();
                return false;
            }
            iterator = response.nextShardIterator();
            for (Record record : response.records()) {
                if (buffer.isEmpty()) {
                    firstBuffered = clock.instant();
                }
                buffer.add(new StreamRecord(shardId, record.sequenceNumber(), record.partitionKey(),
                        record.data().asByteArray(), record.approximateArrivalTimestamp()));
                lastReadSequence = record.sequenceNumber();
            }
            Long behind = response.millisBehindLatest();
            return response.records().isEmpty() || (behind != null && behind == 0L);
        }

        private boolean windowElapsed() {
            return firstBuffered != null
                    && !clock.instant().isBefore(firstBuffered.plus(settings.batchingWindow()));
        }

        private void deliverBatch() {
            List<StreamRecord> batch = new ArrayList<>(Math.min(buffer.size(), settings.batchSize()));
            for (StreamRecord record : buffer) {
                if (batch.size() == settings.batchSize()) {
                    break;
                }
                batch.add(record);
            }
            idle = false;
            try {
                processor.process(batch);
            } catch (RuntimeException e) {
                log.println("on-failure destination of " + shardId + " failed, retrying the batch: " + e);
                sleeper.sleep(DESTINATION_RETRY_DELAY);
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                buffer.removeFirst();
            }
            firstBuffered = buffer.isEmpty() ? null : clock.instant();
        }

        private String initialIterator() {
            ShardIteratorType type = settings.startingPosition() == EsmSettings.StartingPosition.LATEST
                    ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
            return kinesis.getShardIterator(request -> request.streamARN(streamArn).shardId(shardId)
                    .shardIteratorType(type)).shardIterator();
        }

        private String afterLastRead() {
            if (lastReadSequence == null) {
                return initialIterator();
            }
            return kinesis.getShardIterator(request -> request.streamARN(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .startingSequenceNumber(lastReadSequence)).shardIterator();
        }
    }
}
