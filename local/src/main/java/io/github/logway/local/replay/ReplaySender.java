package io.github.logway.local.replay;

import io.github.logway.core.Deadline;
import io.github.logway.core.publish.BatchPutResult;
import io.github.logway.core.publish.EntryOutcome;
import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.publish.PutRecordsBatcher;
import io.github.logway.core.publish.Sent;
import io.github.logway.core.publish.TooLarge;
import io.github.logway.core.publish.Unsent;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts one source's records into the target stream with pipeline-core's {@link PutRecordsBatcher} (only failed
 * entries are retried, with backoff), paced by {@code --rate} when given; in a dry run sends nothing.
 */
final class ReplaySender {

    /** What became of one source's records. */
    record Result(long sent, long failed) {

        boolean allSent() {
            return failed == 0;
        }
    }

    private final PutRecordsBatcher batcher;
    private final String stream;
    private final Optional<RateLimit> rate;
    private final boolean dryRun;
    private final Clock clock;
    private final PrintStream err;

    /**
     * @param batcher the batcher on the target stream's publisher
     * @param stream {@code --to}
     * @param rate the pace, when {@code --rate} is given
     * @param dryRun send nothing
     * @param err receives a line per record that could not be sent
     */
    ReplaySender(PutRecordsBatcher batcher, String stream, Optional<RateLimit> rate, boolean dryRun, Clock clock,
            PrintStream err) {
        this.batcher = Objects.requireNonNull(batcher, "batcher");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.rate = Objects.requireNonNull(rate, "rate");
        this.dryRun = dryRun;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.err = Objects.requireNonNull(err, "err");
    }

    boolean dryRun() {
        return dryRun;
    }

    /**
     * Sends {@code entries}, in chunks of one second's worth when paced.
     *
     * @throws io.github.logway.core.FatalException when the stream is missing, access is denied, or another error
     *     that no retry fixes
     */
    Result send(String source, List<PublishEntry> entries) {
        if (dryRun || entries.isEmpty()) {
            return new Result(0, 0);
        }
        int chunk = rate.map(RateLimit::recordsPerSecond).orElse(entries.size());
        long sent = 0;
        long failed = 0;
        for (int from = 0; from < entries.size(); from += chunk) {
            List<PublishEntry> part = entries.subList(from, Math.min(entries.size(), from + chunk));
            rate.ifPresent(limit -> limit.acquire(part.size()));
            BatchPutResult result = batcher.putAll(stream, part, Deadline.none(clock));
            for (int i = 0; i < part.size(); i++) {
                EntryOutcome outcome = result.outcome(i);
                if (outcome instanceof Sent) {
                    sent++;
                } else {
                    failed++;
                    err.println("logway replay: " + source + " record " + (from + i + 1) + " not sent: "
                            + describe(outcome));
                }
            }
        }
        return new Result(sent, failed);
    }

    private static String describe(EntryOutcome outcome) {
        if (outcome instanceof TooLarge tooLarge) {
            return tooLarge.bytes() + " bytes, over the stream's record limit";
        }
        if (outcome instanceof Unsent unsent) {
            return "still refused after retries (" + unsent.lastErrorCode() + ")";
        }
        return outcome.toString();
    }
}
