package io.github.logway.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.logway.local.pipeline.FunctionTally;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo's final table: what was sent, what each function did (from its metrics lines), and what each
 * destination holds (read from the destination), with one check per row that the numbers add up.
 */
final class DemoReport {

    private final DemoTraffic traffic;
    private final Map<String, FunctionTally> functions;
    private final Map<String, Long> expectedIn = new LinkedHashMap<>();
    private final List<Destination> destinations = new ArrayList<>();

    /**
     * One destination row.
     *
     * @param name where, as a user would write it
     * @param found what it holds (lines, documents or records)
     * @param unit "lines", "documents", "records", "batches"
     * @param detail the breakdown (per log type, index or reason)
     * @param expected what it should hold
     * @param expectedFrom where the expectation comes from
     */
    record Destination(String name, long found, String unit, String detail, long expected, String expectedFrom) {
        boolean ok() {
            return found == expected;
        }
    }

    private DemoReport(DemoTraffic traffic, Map<String, FunctionTally> functions) {
        this.traffic = traffic;
        this.functions = functions;
    }

    static DemoReport build(DemoTraffic traffic, Map<String, FunctionTally> functions, DestinationCounts counts,
            URI openSearch) {
        DemoReport report = new DemoReport(traffic, functions);
        FunctionTally elb = functions.getOrDefault(DemoPipeline.ELB, FunctionTally.ZERO);
        FunctionTally archive = functions.getOrDefault(DemoPipeline.FORWARD_ARCHIVE, FunctionTally.ZERO);
        FunctionTally orders = functions.getOrDefault(DemoPipeline.FORWARD_ORDERS, FunctionTally.ZERO);
        FunctionTally toS3 = functions.getOrDefault(DemoPipeline.TO_S3, FunctionTally.ZERO);
        FunctionTally toEs = functions.getOrDefault(DemoPipeline.TO_ES, FunctionTally.ZERO);
        long routerEvents = traffic.producerEvents() + elb.delivered();
        report.expectedIn.put(DemoPipeline.ELB, (long) traffic.albLines());
        report.expectedIn.put(DemoPipeline.FORWARD_ARCHIVE, routerEvents);
        report.expectedIn.put(DemoPipeline.FORWARD_ORDERS, routerEvents);
        report.expectedIn.put(DemoPipeline.TO_S3, archive.delivered());
        report.expectedIn.put(DemoPipeline.TO_ES, archive.delivered());

        Map<String, long[]> s3 = counts.gzipLinesBySegment(DemoPipeline.LOG_BUCKET, DemoPipeline.LOG_PREFIX);
        report.destinations.add(new Destination("s3://" + DemoPipeline.LOG_BUCKET + "/" + DemoPipeline.LOG_PREFIX,
                s3.values().stream().mapToLong(c -> c[1]).sum(), "lines",
                s3.values().stream().mapToLong(c -> c[0]).sum() + " objects; " + breakdown(s3, 1),
                toS3.delivered(), DemoPipeline.TO_S3 + " delivered"));
        Map<String, Long> indices = counts.documentsByIndex(openSearch, DemoPipeline.INDEX_PREFIX + "-*");
        report.destinations.add(new Destination("OpenSearch " + DemoPipeline.INDEX_PREFIX + "-*",
                indices.values().stream().mapToLong(Long::longValue).sum(), "documents",
                indices.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")), toEs.delivered(), DemoPipeline.TO_ES + " delivered"));
        report.destinations.add(new Destination("stream " + DemoPipeline.ARCHIVE,
                counts.streamRecords(DemoPipeline.ARCHIVE), "records", "", archive.delivered(),
                DemoPipeline.FORWARD_ARCHIVE + " delivered"));
        report.destinations.add(new Destination("stream " + DemoPipeline.ORDERS,
                counts.streamRecords(DemoPipeline.ORDERS), "records", "", orders.delivered(),
                DemoPipeline.FORWARD_ORDERS + " delivered"));
        for (String function : functions.keySet()) {
            Map<String, long[]> failed = counts.gzipLinesBySegment(DemoPipeline.FAILED_BUCKET,
                    DemoPipeline.FAILED_PREFIX + "/" + function);
            report.destinations.add(new Destination(
                    "failed log s3://" + DemoPipeline.FAILED_BUCKET + "/" + DemoPipeline.FAILED_PREFIX + "/" + function,
                    failed.values().stream().mapToLong(c -> c[1]).sum(), "records", breakdown(failed, 1),
                    functions.get(function).diverted(), function + " diverted"));
        }
        report.destinations.add(new Destination("on-failure s3://" + DemoPipeline.FAILED_BATCHES_BUCKET,
                counts.objects(DemoPipeline.FAILED_BATCHES_BUCKET), "batches", "", 0, "none expected"));
        report.destinations.add(new Destination("ELB log lines diverted",
                elb.divertedByReason().getOrDefault("invalid_access_log_line", 0L), "lines", "", traffic.albInvalidLines(),
                "broken lines in the file"));
        return report;
    }

    private static String breakdown(Map<String, long[]> bySegment, int index) {
        return bySegment.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[index])
                .collect(Collectors.joining(", "));
    }

    /** Whether every function and destination row adds up. */
    boolean addsUp() {
        for (Map.Entry<String, Long> entry : expectedIn.entrySet()) {
            if (functions.getOrDefault(entry.getKey(), FunctionTally.ZERO).handled() != entry.getValue()) {
                return false;
            }
        }
        return destinations.stream().allMatch(Destination::ok);
    }

    void print(PrintStream err) {
        err.println();
        err.println("Where every record went");
        err.println();
        err.printf("Sent: %,d log events by producers to %s (%s), and an ALB log of %,d lines%n",
                traffic.producerEvents(), DemoPipeline.ROUTER, traffic.eventsByKind().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                traffic.albLines());
        err.println();
        err.printf("%-16s %8s %10s %9s %8s %8s   %s%n", "function", "in", "delivered", "diverted", "dropped",
                "skipped", "check: in = sent to its source");
        for (Map.Entry<String, Long> entry : expectedIn.entrySet()) {
            FunctionTally tally = functions.getOrDefault(entry.getKey(), FunctionTally.ZERO);
            err.printf("%-16s %,8d %,10d %,9d %,8d %,8d   %s%n", entry.getKey(), tally.handled(), tally.delivered(),
                    tally.diverted(), tally.dropped(), tally.skipped(), tally.handled() == entry.getValue()
                            ? "ok (" + String.format("%,d", entry.getValue()) + ")"
                            : "MISMATCH: expected " + String.format("%,d", entry.getValue()));
        }
        err.println();
        err.printf("%-58s %12s   %s%n", "destination (read back)", "holds", "check");
        for (Destination destination : destinations) {
            err.printf("%-58s %,8d %-9s %s%n", destination.name(), destination.found(), destination.unit(),
                    destination.ok() ? "ok (= " + destination.expectedFrom() + ")"
                            : "MISMATCH: expected " + String.format("%,d", destination.expected()) + " = "
                                    + destination.expectedFrom());
            if (!destination.detail().isEmpty()) {
                err.println("    " + destination.detail());
            }
        }
        err.println();
        err.println(addsUp() ? "Every record is accounted for: sent = delivered + diverted + dropped + skipped."
                : "Some records are not accounted for (see MISMATCH above).");
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("sent_log_events", traffic.producerEvents());
        root.put("sent_alb_lines", traffic.albLines());
        ObjectNode functionsNode = root.putObject("functions");
        functions.forEach((name, tally) -> {
            ObjectNode node = functionsNode.putObject(name);
            node.put("in", tally.handled());
            node.put("expected_in", expectedIn.getOrDefault(name, 0L));
            node.put("delivered", tally.delivered());
            node.put("diverted", tally.diverted());
            node.put("dropped", tally.dropped());
            node.put("skipped", tally.skipped());
            ObjectNode reasons = node.putObject("diverted_by_reason");
            tally.divertedByReason().forEach(reasons::put);
        });
        ObjectNode destinationsNode = root.putObject("destinations");
        for (Destination destination : destinations) {
            ObjectNode node = destinationsNode.putObject(destination.name());
            node.put("found", destination.found());
            node.put("expected", destination.expected());
        }
        root.put("adds_up", addsUp());
        return root;
    }
}
