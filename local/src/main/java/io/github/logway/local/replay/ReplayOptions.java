package io.github.logway.local.replay;

import io.github.logway.local.S3Location;
import io.github.logway.local.UsageException;
import io.github.logway.schema.RejectReason;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The parsed arguments of {@code replay (--from s3://BUCKET/PREFIX | --from-sqs QUEUE_URL) --to STREAM
 * [--reason R] [--since T] [--until T] [--rate N] [--dry-run]}.
 *
 * @param from the S3 location of failed-log or on-failure objects, when replaying from S3
 * @param fromSqs the on-failure queue's URL, when replaying from SQS
 * @param to the target stream, a name or an ARN
 * @param filter the reason and time range (S3 only; always {@link ReplayFilter#ALL} with SQS)
 * @param rate at most this many records per second, when given
 * @param dryRun read and count, send nothing, mark nothing
 */
record ReplayOptions(Optional<S3Location> from, Optional<String> fromSqs, String to, ReplayFilter filter,
        OptionalInt rate, boolean dryRun) {

    /** The highest {@code --rate}: well beyond what a handful of shards accept (1,000 records/s each). */
    static final int MAX_RATE = 1_000_000;

    ReplayOptions {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromSqs, "fromSqs");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(rate, "rate");
        if (from.isPresent() == fromSqs.isPresent()) {
            throw new IllegalArgumentException("exactly one of from and fromSqs");
        }
    }

    /**
     * Parses the arguments after {@code replay}.
     *
     * @throws UsageException naming what is wrong and what is allowed
     */
    static ReplayOptions parse(List<String> args) {
        String from = null;
        String fromSqs = null;
        String to = null;
        String reason = null;
        String since = null;
        String until = null;
        String rate = null;
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--from" -> from = once(from, args, i++);
                case "--from-sqs" -> fromSqs = once(fromSqs, args, i++);
                case "--to" -> to = once(to, args, i++);
                case "--reason" -> reason = once(reason, args, i++);
                case "--since" -> since = once(since, args, i++);
                case "--until" -> until = once(until, args, i++);
                case "--rate" -> rate = once(rate, args, i++);
                case "--dry-run" -> dryRun = true;
                default -> throw new UsageException("unknown argument '" + option + "'; options: --from, --from-sqs,"
                        + " --to, --reason, --since, --until, --rate, --dry-run");
            }
        }
        if (from == null && fromSqs == null) {
            throw new UsageException("missing the source: --from s3://BUCKET/PREFIX or --from-sqs QUEUE_URL");
        }
        if (from != null && fromSqs != null) {
            throw new UsageException("--from and --from-sqs exclude each other; replay one source at a time");
        }
        if (to == null || to.isBlank()) {
            throw new UsageException("missing --to STREAM (a stream name or ARN)");
        }
        if (fromSqs != null && (reason != null || since != null || until != null)) {
            throw new UsageException("--reason, --since and --until select S3 objects; with --from-sqs every"
                    + " message of the queue is replayed");
        }
        ReplayFilter filter = new ReplayFilter(Optional.ofNullable(reason).map(ReplayOptions::reason),
                Optional.ofNullable(since).map(text -> instant("--since", text)),
                Optional.ofNullable(until).map(text -> instant("--until", text)));
        if (filter.since().isPresent() && filter.until().isPresent()
                && !filter.since().get().isBefore(filter.until().get())) {
            throw new UsageException("--since must be before --until, got " + since + " and " + until);
        }
        return new ReplayOptions(Optional.ofNullable(from).map(ReplayOptions::location),
                Optional.ofNullable(fromSqs).map(ReplayOptions::queueUrl), to, filter,
                rate == null ? OptionalInt.empty() : OptionalInt.of(rate(rate)), dryRun);
    }

    private static String once(String current, List<String> args, int index) {
        if (current != null) {
            throw new UsageException(args.get(index) + " given twice");
        }
        if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
            throw new UsageException(args.get(index) + " needs a value");
        }
        return args.get(index + 1);
    }

    private static RejectReason reason(String code) {
        RejectReason reason = RejectReason.fromCode(code);
        if (reason == null) {
            throw new UsageException("unknown --reason '" + code + "'; one of " + Arrays.stream(RejectReason.values())
                    .map(RejectReason::code).collect(Collectors.joining(", ")));
        }
        return reason;
    }

    private static Instant instant(String option, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " takes an ISO-8601 instant such as 2026-11-24T10:15:30Z, got '"
                    + text + "'");
        }
    }

    private static int rate(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_RATE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--rate takes records per second from 1 to " + MAX_RATE + ", got '" + text + "'");
    }

    private static String queueUrl(String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getPath() != null && uri.getPath().length() > 1) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException("--from-sqs takes a queue URL such as"
                + " https://sqs.us-east-1.amazonaws.com/123456789012/logway-on-failure, got '" + text + "'");
    }

    private static S3Location location(String text) {
        try {
            return S3Location.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--from " + e.getMessage());
        }
    }
}
