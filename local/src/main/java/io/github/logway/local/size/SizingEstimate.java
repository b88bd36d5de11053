package io.github.logway.local.size;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * What {@link SizingModel} works out, unrounded; {@link #jsonLine()} and {@link #table()} round for display.
 *
 * @param input what was sized
 * @param recordsPerSecond log records (Kinesis records) written per second
 * @param shards shards per stream
 * @param streams streams priced: 1, or 2 with a router and kinesis-forward
 * @param lambdaConcurrency concurrent invocations of all functions together (one per shard per function)
 * @param shardHours shard-hours per month, every stream
 * @param putPayloadUnits Kinesis PUT payload units per month, every stream
 * @param kinesisUsd Kinesis per month
 * @param invocationsPerSecond invocations per second of each function
 * @param functions the cost of each function
 * @param lambdaUsd Lambda per month, every function
 * @param storedGigabytes compressed GB kept in S3 (0 without to-s3)
 * @param s3Puts S3 PUT requests per month
 * @param s3Usd S3 per month
 */
record SizingEstimate(SizingInput input, double recordsPerSecond, int shards, int streams, int lambdaConcurrency,
        double shardHours, double putPayloadUnits, double kinesisUsd, double invocationsPerSecond,
        List<FunctionCost> functions, double lambdaUsd, double storedGigabytes, double s3Puts, double s3Usd) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One function's share.
     *
     * @param function the function
     * @param megabytesPerSecondPerInvocation what one invocation processes at the configured memory
     * @param busySecondsPerSecond Lambda seconds per second of traffic, all shards
     * @param shardBusyShare the share of its time one invocation is busy with a shard's traffic (above 1: falls
     *     behind)
     * @param gigabyteSeconds GB-seconds per month
     * @param requests invocations per month
     * @param usd per month
     */
    record FunctionCost(SizedFunction function, double megabytesPerSecondPerInvocation, double busySecondsPerSecond,
            double shardBusyShare, double gigabyteSeconds, double requests, double usd) {
    }

    /** The sum of the rounded parts, so the parts add up to the total shown. */
    double totalUsd() {
        return cents(kinesisUsd) + cents(lambdaUsd) + cents(s3Usd);
    }

    /**
     * The machine-readable line: exactly {@code mb_per_s}, {@code shards}, {@code lambda_concurrency}, {@code
     * memory_mb} and {@code monthly_usd} ({@code kinesis}, {@code lambda}, {@code s3}, {@code total}), USD in
     * cents.
     */
    String jsonLine() {
        ObjectNode line = JSON.createObjectNode();
        line.put("mb_per_s", Math.round(input.megabytesPerSecond() * 1000) / 1000.0);
        line.put("shards", shards);
        line.put("lambda_concurrency", lambdaConcurrency);
        line.put("memory_mb", input.memoryMb());
        ObjectNode monthly = line.putObject("monthly_usd");
        monthly.put("kinesis", cents(kinesisUsd));
        monthly.put("lambda", cents(lambdaUsd));
        monthly.put("s3", cents(s3Usd));
        monthly.put("total", cents(totalUsd()));
        return line.toString();
    }

    /** The human-readable table, each line ending with a line break. */
    String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Traffic: %,.3f MB/s = %,.1f GB/day, %,.0f records/s of %,d bytes%n",
                input.megabytesPerSecond(), input.megabytesPerSecond() * 86.4, recordsPerSecond, input.recordBytes()));
        text.append(String.format(Locale.ROOT,
                "Kinesis: %d shard(s) per stream x %d stream(s)%s; limit 1 MB/s and 1,000 records/s per shard%n",
                shards, streams, streams == 2 ? " (router + destination)" : ""));
        text.append(String.format(Locale.ROOT,
                "Lambda: %d MB, JIT %s, batch size %d, %,.1f invocations/s per function, concurrency %d%n%n",
                input.memoryMb(), input.jit().name(), input.batchSize(), invocationsPerSecond, lambdaConcurrency));
        text.append(String.format(Locale.ROOT, "%-9s %12s %12s %12s %14s %14s %12s%n", "function", "MB/s/invoc.",
                "busy s/s", "shard busy", "GB-s/month", "requests/mo", "USD/month"));
        for (FunctionCost cost : functions) {
            text.append(String.format(Locale.ROOT, "%-9s %12.1f %12.3f %11.1f%% %,14.0f %,14.0f %12.2f%n",
                    cost.function().cliName(), cost.megabytesPerSecondPerInvocation(), cost.busySecondsPerSecond(),
                    cost.shardBusyShare() * 100, cost.gigabyteSeconds(), cost.requests(), cost.usd()));
        }
        text.append('\n');
        text.append(String.format(Locale.ROOT, "%-8s %12s  %s%n", "monthly", "USD", "from"));
        text.append(String.format(Locale.ROOT, "%-8s %12.2f  %,.0f shard-hours, %,.0f PUT payload units%n",
                "kinesis", cents(kinesisUsd), shardHours, putPayloadUnits));
        text.append(String.format(Locale.ROOT, "%-8s %12.2f  compute and requests of %d function(s)%n",
                "lambda", cents(lambdaUsd), functions.size()));
        text.append(String.format(Locale.ROOT, "%-8s %12.2f  %s%n", "s3", cents(s3Usd), storedGigabytes > 0
                ? String.format(Locale.ROOT, "%,.1f GB-month (%d days, gzip ratio %.1f), %,.0f PUTs",
                        storedGigabytes, input.retentionDays(), SizingModel.GZIP_COMPRESSION_RATIO, s3Puts)
                : "to-s3 not chosen"));
        text.append(String.format(Locale.ROOT, "%-8s %12.2f%n%n", "total", cents(totalUsd())));
        text.append("List prices of ").append(AwsPrices.REGION).append(", on-demand, as of ").append(AwsPrices.AS_OF)
                .append(", without free tier, OpenSearch, data transfer, CloudWatch or Lambda time waiting on I/O.\n");
        for (FunctionCost cost : functions) {
            if (cost.shardBusyShare() > 1) {
                text.append("Warning: ").append(cost.function().cliName()).append(" at ").append(input.memoryMb())
                        .append(" MB cannot keep up with one shard's traffic: raise the memory.\n");
            }
        }
        return text.toString();
    }

    private static double cents(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
