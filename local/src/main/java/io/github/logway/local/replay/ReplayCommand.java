package io.github.logway.local.replay;

import io.github.logway.core.FatalException;
import io.github.logway.core.publish.BatcherSettings;
import io.github.logway.core.publish.KinesisRecordPublisher;
import io.github.logway.core.publish.PutRecordsBatcher;
import io.github.logway.core.publish.RequestThreads;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.local.Command;
import io.github.logway.local.ExitCodes;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * {@code ./logway replay}: puts records back into a stream from failed-log objects, S3 on-failure objects or SQS
 * on-failure messages (PRODUCT.md §3 "Replay", §10). One {@link ReplayCounts} line per source on stdout, then the
 * total; progress on stderr.
 */
public final class ReplayCommand implements Command {

    static final String NAME = "replay";

    private final Clock clock;
    private final Sleeper sleeper;
    private final Supplier<ReplayClients> clients;

    /** The command line's replay: clients from the SDK's default chains and the process environment. */
    public ReplayCommand(Clock clock) {
        this(clock, Sleeper.SYSTEM, () -> ReplayClients.fromEnvironment(System.getenv()));
    }

    /**
     * @param clock the time of markers and of the rate limit
     * @param sleeper waits for the rate limit, retries and GetRecords pacing
     * @param clients the AWS clients of one run (tests pass the local servers')
     */
    public ReplayCommand(Clock clock, Sleeper sleeper, Supplier<ReplayClients> clients) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Put failed-log records or discarded batches back into a stream";
    }

    @Override
    public String usage() {
        return """
                Usage: ./logway replay --from s3://BUCKET/PREFIX --to STREAM [--reason R] [--since T] [--until T]
                                       [--rate N] [--dry-run]
                       ./logway replay --from-sqs QUEUE_URL --to STREAM [--rate N] [--dry-run]

                Puts records back into STREAM (a name or an ARN) with PutRecords, retrying only the entries
                that failed. Sources:
                  --from s3://BUCKET/PREFIX  every object below PREFIX that is
                      a failed-log object (gzip NDJSON envelopes): one record per envelope, its original
                        data, its original partition key (else its log_id, else a hash of the data);
                      an S3 on-failure object (the batch an event source mapping discarded, key
                        aws/lambda/<uuid>/<shard>/YYYY/MM/DD/...): the records of its payload.
                  --from-sqs QUEUE_URL  every message of an SQS on-failure queue: the shard and sequence range
                      it names is re-read from the stream (only while the records are in its retention).
                SNS on-failure notifications cannot be replayed (they carry no records).

                Idempotent per source: a replayed S3 object gets a marker object KEY.replayed next to it, and
                later runs skip it (delete the marker to replay it again); a replayed SQS message is deleted.
                A source with a record that could not be sent is neither marked nor deleted.

                Options:
                  --from s3://BUCKET/PREFIX  replay S3 objects (excludes --from-sqs)
                  --from-sqs QUEUE_URL       replay SQS on-failure messages (excludes --from)
                  --to STREAM                the target stream (required)
                  --reason R                 only failed-log objects of this reason (not_json, missing_log_id...);
                                             excludes on-failure objects
                  --since T, --until T       only objects whose time is at or after T, before T (ISO-8601
                                             instants, 2026-11-24T10:00:00Z); a failed-log object's time is its
                                             first record's arrival, an on-failure object's the time in its key
                  --rate N                   at most N records per second
                  --dry-run                  read and count, send nothing, mark and delete nothing

                Endpoints, region and credentials: the AWS SDK's standard settings (AWS_ENDPOINT_URL_KINESIS,
                AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_SQS, AWS_REGION...; eval "$(./logway stack up)" sets them
                for the local stack).

                Output: one JSON line per source on stdout, {"source", "events", "sent", "skipped", "failed"},
                then {"total": true, "events", "sent", "skipped", "failed"}. Progress goes to stderr.

                Exit codes: 0 nothing failed; 1 a record could not be read or sent; 2 bad usage (missing --to,
                both --from and --from-sqs, a bad time, URL or reason), or a missing bucket, queue or stream.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        ReplayOptions options = ReplayOptions.parse(args);
        ReplayCounts[] total = {ReplayCounts.total()};
        Consumer<ReplayCounts> report = counts -> {
            out.println(counts.toJson());
            out.flush();
            total[0] = total[0].plus(counts);
        };
        ExecutorService threads = RequestThreads.forPutRecords("logway-replay");
        try (ReplayClients aws = clients.get()) {
            if (!options.dryRun()) {
                checkStream(aws, options.to());
            }
            PutRecordsBatcher batcher = new PutRecordsBatcher(new KinesisRecordPublisher(aws.kinesis()),
                    BatcherSettings.DEFAULTS, sleeper, new SplittableRandom(), threads);
            Optional<RateLimit> rate = options.rate().isPresent()
                    ? Optional.of(new RateLimit(options.rate().getAsInt(), clock, sleeper))
                    : Optional.empty();
            ReplaySender sender = new ReplaySender(batcher, options.to(), rate, options.dryRun(), clock, err);
            if (options.from().isPresent()) {
                new S3Replay(aws.s3(), options.from().get(), options.filter(), sender, options.to(), clock, err)
                        .run(report);
            } else {
                new SqsReplay(aws.sqs(), options.fromSqs().orElseThrow(),
                        new StreamRangeReader(aws.kinesis(), sleeper), sender, options.to(), err).run(report);
            }
        } catch (NoSuchBucketException | QueueDoesNotExistException | ResourceNotFoundException e) {
            err.println("logway replay: " + e.getMessage());
            out.println(total[0].toJson());
            return ExitCodes.USAGE;
        } catch (SdkClientException e) {
            err.println("logway replay: the AWS SDK is not configured or cannot connect: " + e.getMessage());
            out.println(total[0].toJson());
            return ExitCodes.USAGE;
        } catch (SdkException | FatalException e) {
            err.println("logway replay: stopped: " + e.getMessage());
            out.println(total[0].toJson());
            return ExitCodes.UNHANDLED_RECORDS;
        } finally {
            threads.shutdownNow();
        }
        ReplayCounts sum = total[0];
        out.println(sum.toJson());
        err.println("logway replay: " + sum.events() + " records, " + sum.sent() + " sent, " + sum.skipped()
                + " skipped, " + sum.failed() + " failed" + (options.dryRun() ? " (dry run)" : ""));
        return sum.failed() > 0 ? ExitCodes.UNHANDLED_RECORDS : ExitCodes.SUCCESS;
    }

    /** Fails early, with exit code 2, when the target stream does not exist. */
    private static void checkStream(ReplayClients aws, String stream) {
        if (stream.startsWith("arn:")) {
            aws.kinesis().describeStreamSummary(request -> request.streamARN(stream));
        } else {
            aws.kinesis().describeStreamSummary(request -> request.streamName(stream));
        }
    }
}
