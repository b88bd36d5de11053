package io.github.logway.local.audit;

import io.github.logway.core.retry.Sleeper;
import io.github.logway.local.Command;
import io.github.logway.local.ExitCodes;
import io.github.logway.local.UsageException;
import io.github.logway.schema.FieldNames;
import io.github.logway.schema.LogDecoder;
import io.github.logway.schema.SchemaRules;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code ./logway audit --sent FILE [--s3 ...] [--es URL --index PATTERN] [--stream NAME]}: checks that every
 * log id of a file of sent records arrived at each destination (PRODUCT.md §10). One JSON line per destination
 * on stdout; exit 1 when an id is missing anywhere, or duplicated in OpenSearch.
 */
public final class AuditCommand implements Command {

    static final String NAME = "audit";

    private final Supplier<AuditClients> clients;
    private final Sleeper sleeper;

    /** The command with clients from the SDK's standard settings. */
    public AuditCommand() {
        this(SdkAuditClients::new, Sleeper.SYSTEM);
    }

    /**
     * @param clients builds the clients for one run; they are closed when it ends
     * @param sleeper waits between empty reads of a stream that is behind
     */
    AuditCommand(Supplier<AuditClients> clients, Sleeper sleeper) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Check that every log_id of a file of sent records arrived in S3, OpenSearch or a stream";
    }

    @Override
    public String usage() {
        return """
                Usage: ./logway audit --sent FILE [--s3 s3://BUCKET/PREFIX] [--es URL --index PATTERN]
                                      [--stream NAME] [--log-id-field NAME]

                Reads the log_id of every line of FILE (NDJSON of the records you sent) and looks for each id
                at every destination named, then prints one JSON line per destination on stdout, with exactly
                destination, sent, found, missing, duplicated, missing_ids, duplicated_ids. sent counts the
                distinct ids of FILE, found those seen at least once, duplicated those seen more than once;
                missing_ids and duplicated_ids list at most 100 ids each, in FILE's order. Records at a
                destination whose id FILE does not hold are counted on stderr only.

                Destinations (at least one; --s3 and --stream may be repeated):
                  --s3 s3://BUCKET/PREFIX  every object under the prefix, each line a JSON record; gzip, zstd
                                           or plain, by Content-Encoding or magic bytes. Duplicates allowed:
                                           a batch re-delivered from another starting point can repeat lines.
                  --es URL --index PATTERN documents of the matching indices whose log id field (a keyword in
                                           Logway's index template) holds a sent id, by _search. URL is
                                           http(s)://HOST[:PORT] (user:password@ for basic authentication; no
                                           SigV4); without a scheme, https. OpenSearch is duplicate-free:
                                           a duplicate there fails the audit. Refresh the indices first if the
                                           records were just written (POST PATTERN/_refresh).
                  --stream NAME            every record of every shard from TRIM_HORIZON to the end, decoded as
                                           the functions do (KPL, gzip, CloudWatch Logs, NDJSON). Duplicates
                                           allowed: delivery is at-least-once.
                Other options:
                  --log-id-field NAME      the log id field (default log_id, as LOG_ID_FIELD)

                S3 and Kinesis are reached with the SDK's standard settings (AWS_REGION, credentials,
                AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_KINESIS: eval "$(./logway stack up)" sets them for the
                local stack, and ES_HOST for --es "$ES_HOST"). Destinations are read in full: this is a check
                for test and migration runs, not for a production bucket's whole history.

                Exit codes: 0 nothing missing and no duplicate in OpenSearch; 1 an id is missing somewhere or
                duplicated in OpenSearch; 2 bad usage, an unreadable FILE without any log_id, or a destination
                that cannot be read (no such bucket, stream or endpoint: no line is printed for it).
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        AuditOptions options = AuditOptions.parse(args);
        LogIdReader logIds = new LogIdReader(options.logIdField());
        LogDecoder decoder;
        try {
            decoder = new LogDecoder(SchemaRules.DEFAULTS.withFieldNames(new FieldNames(
                    FieldNames.DEFAULT_LOG_TYPE, options.logIdField(), FieldNames.DEFAULT_TIME)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--log-id-field: " + e.getMessage());
        }
        SentIds sent;
        try (Reader reader = Files.newBufferedReader(options.sent(), StandardCharsets.UTF_8)) {
            sent = SentIds.read(reader, logIds);
        } catch (IOException e) {
            err.println("logway audit: cannot read " + options.sent() + ": " + e);
            return ExitCodes.USAGE;
        }
        reportSent(sent, options, err);
        if (sent.ids().isEmpty()) {
            err.println("logway audit: no line of " + options.sent() + " is a JSON object with a string '"
                    + options.logIdField() + "'");
            return ExitCodes.USAGE;
        }
        List<AuditResult> results = new ArrayList<>();
        boolean unreadable = false;
        try (AuditClients opened = clients.get()) {
            for (AuditOptions.Target target : options.destinations()) {
                AuditDestination destination = destination(target, opened, decoder, logIds);
                err.println("logway audit: reading " + destination.name() + " ...");
                IdTally tally = new IdTally(sent.ids());
                try {
                    destination.collect(tally);
                } catch (AuditDestinationException e) {
                    err.println("logway audit: " + e.getMessage());
                    unreadable = true;
                    continue;
                }
                AuditResult result = tally.result(destination.name(), destination.duplicatesAllowed());
                out.println(result.jsonLine());
                out.flush();
                results.add(result);
            }
        }
        for (AuditResult result : results) {
            err.println("  " + result.summary());
        }
        if (unreadable) {
            return ExitCodes.USAGE;
        }
        return results.stream().allMatch(AuditResult::passed) ? ExitCodes.SUCCESS : ExitCodes.UNHANDLED_RECORDS;
    }

    private AuditDestination destination(AuditOptions.Target target, AuditClients opened, LogDecoder decoder,
            LogIdReader logIds) {
        if (target instanceof AuditOptions.S3Target s3) {
            return new S3Destination(opened.s3(), s3.location(), logIds);
        }
        if (target instanceof AuditOptions.OpenSearchTarget openSearch) {
            return new OpenSearchDestination(opened.http(), openSearch.url(), openSearch.indexPattern(),
                    logIds.field());
        }
        if (target instanceof AuditOptions.StreamTarget stream) {
            return new StreamDestination(opened.kinesis(), stream.stream(), decoder, logIds, sleeper);
        }
        throw new IllegalStateException("unknown destination " + target);
    }

    private static void reportSent(SentIds sent, AuditOptions options, PrintStream err) {
        err.println("logway audit: " + options.sent() + ": " + sent.lines() + " line(s), " + sent.ids().size()
                + " distinct log id(s)");
        if (sent.repeatedIds() > 0) {
            err.println("  " + sent.repeatedIds() + " line(s) repeat an earlier log id (counted once)");
        }
        if (sent.linesWithoutIdCount() > 0) {
            err.println("  " + sent.linesWithoutIdCount() + " line(s) without a string '" + options.logIdField()
                    + "', ignored: line " + sent.linesWithoutId().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + (sent.linesWithoutIdCount() > sent.linesWithoutId().size()
                    ? ", ..." : ""));
        }
    }
}
