package io.github.logway.local.bench;

import io.github.logway.local.ExitCodes;
import io.github.logway.local.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * {@code ./logway bench gen --events N --kind json|cwl|kpl|alb --out FILE}: writes an event file for {@code bench}
 * (see {@link BenchCommand#usage()}). Takes the clock once, so every time in the file is consistent.
 */
final class GenCommand {

    /** The suffix of the access log that {@code --kind alb} writes next to FILE. */
    static final String LOG_GZ_SUFFIX = ".log.gz";
    private static final String JSON_SUFFIX = ".json";
    /** Keeps a generated event (and the memory it takes) to a sane size. */
    static final int MAX_EVENTS = 10_000_000;

    private final Clock clock;

    GenCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    int run(List<String> args, PrintStream err) {
        Integer events = null;
        EventKind kind = null;
        Path out = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--events" -> {
                    events = BenchCommand.integer(option, BenchCommand.value(args, i++), 1);
                    if (events > MAX_EVENTS) {
                        throw new UsageException("--events must be at most " + MAX_EVENTS + ", got " + events);
                    }
                }
                case "--kind" -> {
                    String name = BenchCommand.value(args, i++);
                    kind = EventKind.of(name).orElseThrow(() -> new UsageException("--kind must be one of "
                            + String.join(", ", EventKind.cliNames()) + ", got '" + name + "'"));
                }
                case "--out" -> out = Path.of(BenchCommand.value(args, i++));
                default -> throw new UsageException("unknown option '" + option
                        + "' for gen; options: --events, --kind, --out");
            }
        }
        if (events == null || kind == null || out == null) {
            throw new UsageException("gen needs --events N, --kind KIND and --out FILE");
        }
        EventGenerator generator = new EventGenerator(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        String eventJson;
        switch (kind) {
            case JSON -> eventJson = generator.jsonLines(events);
            case CWL -> eventJson = generator.cloudWatchLogs(events);
            case KPL -> eventJson = generator.kplAggregates(events);
            case ALB -> {
                Path logGz = logGzNextTo(out);
                EventGenerator.AlbSample sample = generator.alb(events, logGz.getFileName().toString());
                write(logGz, sample.logGz());
                eventJson = sample.eventJson();
                err.println("logway bench gen: wrote " + logGz + " (" + events + " ALB access-log lines, gzipped)");
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        write(out, eventJson.getBytes(StandardCharsets.UTF_8));
        err.println("logway bench gen: wrote " + out + " (" + events + " log events, kind " + kind.cliName() + ")");
        return ExitCodes.SUCCESS;
    }

    /** {@code DIR/NAME.log.gz} for {@code DIR/NAME.json} (or {@code DIR/NAME}). */
    static Path logGzNextTo(Path eventFile) {
        String name = eventFile.getFileName().toString();
        String stem = name.endsWith(JSON_SUFFIX) ? name.substring(0, name.length() - JSON_SUFFIX.length()) : name;
        return eventFile.resolveSibling(stem + LOG_GZ_SUFFIX);
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e);
        }
    }
}
