package io.github.logway.local.replay;

import io.github.logway.core.FatalException;
import io.github.logway.core.failedlog.FailedLogEnvelope;
import io.github.logway.core.failedlog.FailedLogReader;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.local.S3Location;
import io.github.logway.schema.RejectReason;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Replays the failed-log and S3 on-failure objects below an {@code s3://BUCKET/PREFIX}, one source per object,
 * in key order. A source is selected by {@link ReplayFilter}, skipped when its {@code .replayed} marker exists,
 * and marked once every record was sent (never in a dry run).
 */
final class S3Replay {

    /** What one object holds once read: its records, reason (failed log only) and time. */
    private record ReadObject(List<PublishEntry> entries, Optional<RejectReason> reason, Instant time) {
    }

    private final S3Client s3;
    private final S3Location location;
    private final ReplayFilter filter;
    private final ReplaySender sender;
    private final String to;
    private final Clock clock;
    private final PrintStream err;

    S3Replay(S3Client s3, S3Location location, ReplayFilter filter, ReplaySender sender, String to, Clock clock,
            PrintStream err) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.location = Objects.requireNonNull(location, "location");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.to = Objects.requireNonNull(to, "to");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.err = Objects.requireNonNull(err, "err");
    }

    /**
     * Replays every selected object, reporting each to {@code report} as it is done.
     *
     * @throws SdkException when the listing fails (missing bucket, denied access)
     * @throws FatalException when the target stream cannot be written at all
     */
    void run(Consumer<ReplayCounts> report) {
        List<String> keys = new ArrayList<>();
        Set<String> all = new HashSet<>();
        for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(location.bucket())
                .prefix(listPrefix())).contents()) {
            all.add(object.key());
            keys.add(object.key());
        }
        err.println("logway replay: " + keys.size() + " objects under " + location.url(listPrefix()));
        for (String key : keys) {
            SourceKey kind = SourceKey.of(key);
            if (kind instanceof SourceKey.NotASource || !preselected(kind)) {
                continue;
            }
            if (all.contains(ReplayMarker.keyOf(key))) {
                skipIfSelected(key, kind).ifPresent(report);
            } else {
                replay(key, kind).ifPresent(report);
            }
        }
    }

    private String listPrefix() {
        return location.prefix();
    }

    private boolean preselected(SourceKey kind) {
        if (kind instanceof SourceKey.FailedLogKey failedLog) {
            return filter.mayAccept(failedLog.reason(), failedLog.timeAsUtc());
        }
        if (kind instanceof SourceKey.OnFailureKey onFailure) {
            return filter.accepts(Optional.empty(), onFailure.time());
        }
        return true;
    }

    private Optional<ReplayCounts> skipIfSelected(String key, SourceKey kind) {
        String source = location.url(key);
        Optional<ReplayMarker> marker;
        try {
            marker = ReplayMarker.parse(s3.getObjectAsBytes(request -> request.bucket(location.bucket())
                    .key(ReplayMarker.keyOf(key))).asByteArray());
        } catch (SdkException e) {
            marker = Optional.empty();
        }
        Optional<RejectReason> reason = kind instanceof SourceKey.FailedLogKey failedLog
                ? Optional.of(failedLog.reason())
                : Optional.empty();
        Optional<Instant> time = marker.map(ReplayMarker::sourceTime);
        if (time.isEmpty() && kind instanceof SourceKey.FailedLogKey failedLog) {
            time = Optional.of(failedLog.timeAsUtc());
        } else if (time.isEmpty() && kind instanceof SourceKey.OnFailureKey onFailure) {
            time = Optional.of(onFailure.time());
        }
        if (time.isPresent() && !filter.accepts(reason, time.get())) {
            return Optional.empty();
        }
        long events = marker.map(ReplayMarker::events).orElse(0L);
        err.println("logway replay: " + source + " was replayed before (" + ReplayMarker.keyOf(key)
                + " exists): skipped");
        return Optional.of(ReplayCounts.skipped(source, events));
    }

    private Optional<ReplayCounts> replay(String key, SourceKey kind) {
        String source = location.url(key);
        ReadObject object;
        try {
            byte[] body = s3.getObjectAsBytes(request -> request.bucket(location.bucket()).key(key)).asByteArray();
            object = read(body);
        } catch (SdkException | FatalException | IllegalArgumentException e) {
            err.println("logway replay: " + source + " cannot be read: " + e.getMessage());
            return Optional.of(new ReplayCounts(source, 1, 0, 0, 1));
        }
        if (kind instanceof SourceKey.OnFailureKey onFailure) {
            object = new ReadObject(object.entries(), object.reason(), onFailure.time());
        }
        if (!filter.accepts(object.reason(), object.time())) {
            return Optional.empty();
        }
        int events = object.entries().size();
        if (sender.dryRun()) {
            err.println("logway replay: " + source + ": " + events + " records (dry run, nothing sent)");
            return Optional.of(new ReplayCounts(source, events, 0, 0, 0));
        }
        ReplaySender.Result result = sender.send(source, object.entries());
        if (result.allSent()) {
            try {
                byte[] marker = new ReplayMarker(clock.instant(), to, events, object.time()).toJson();
                s3.putObject(request -> request.bucket(location.bucket()).key(ReplayMarker.keyOf(key))
                        .contentType("application/json"), RequestBody.fromBytes(marker));
            } catch (SdkException e) {
                err.println("logway replay: " + source + ": sent, but the marker " + ReplayMarker.keyOf(key)
                        + " could not be written (a later run sends it again): " + e.getMessage());
            }
        }
        err.println("logway replay: " + source + ": " + result.sent() + " of " + events + " records sent to " + to);
        return Optional.of(new ReplayCounts(source, events, result.sent(), 0, result.failed()));
    }

    /**
     * Reads an object by its content: gzip = a failed-log object, a JSON object = an on-failure invocation
     * record with its payload.
     *
     * @throws IllegalArgumentException or {@link FatalException} when it is neither or is corrupt
     */
    static ReadObject read(byte[] body) {
        if (FailedLogObjects.looksLikeGzip(body)) {
            List<FailedLogEnvelope> envelopes = FailedLogReader.read(body);
            if (envelopes.isEmpty()) {
                throw new IllegalArgumentException("a failed-log object without envelopes");
            }
            FailedLogEnvelope first = envelopes.get(0);
            return new ReadObject(FailedLogObjects.entries(envelopes), Optional.of(first.reason()),
                    FailedLogObjects.timeOf(first));
        }
        if (OnFailureBatch.looksLikeJsonObject(body)) {
            OnFailureBatch batch = OnFailureBatch.parse(body);
            List<PublishEntry> entries = batch.payload().orElseThrow(() -> new IllegalArgumentException(
                    "an on-failure record without payload (as SQS and SNS"
                            + " destinations send it): only an S3 destination's object holds the records"));
            return new ReadObject(entries, Optional.empty(), batch.timestamp().orElse(Instant.EPOCH));
        }
        throw new IllegalArgumentException("neither a failed-log object (gzip NDJSON) nor an S3 on-failure record"
                + " (JSON with KinesisBatchInfo and payload)");
    }
}
