package io.github.logway.local.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What {@code bench gen --kind} writes. */
public enum EventKind {
    /** A Kinesis event, one JSON log line per record. */
    JSON,
    /**
     * A Kinesis event, each record a gzipped CloudWatch Logs DATA_MESSAGE of
     * {@value EventGenerator#CWL_EVENTS_PER_RECORD} events.
     */
    CWL,
    /** A Kinesis event, each record a KPL aggregate of {@value EventGenerator#KPL_EVENTS_PER_RECORD} lines. */
    KPL,
    /** An SQS event whose S3 notification names a {@code .log.gz} of ALB lines written beside it. */
    ALB;

    /** The name on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind called {@code name} on the command line, if any. */
    public static Optional<EventKind> of(String name) {
        return Arrays.stream(values()).filter(kind -> kind.cliName().equals(name)).findFirst();
    }

    /** Every command-line name, in order. */
    public static List<String> cliNames() {
        return Arrays.stream(values()).map(EventKind::cliName).toList();
    }
}
