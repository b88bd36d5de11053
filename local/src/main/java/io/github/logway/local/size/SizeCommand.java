package io.github.logway.local.size;

import io.github.logway.local.Command;
import io.github.logway.local.ExitCodes;
import io.github.logway.local.UsageException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./logway size --mb-per-s X | --gb-per-day N ...}: shards, Lambda concurrency and a monthly cost
 * estimate for a traffic rate (PRODUCT.md §10). A table on stderr, one JSON line on stdout.
 */
public final class SizeCommand implements Command {

    static final String NAME = "size";
    /** 10^9 bytes a day in 10^6 bytes a second. */
    private static final double SECONDS_PER_DAY_IN_THOUSANDS = 86.4;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Estimate shards, Lambda concurrency and the monthly AWS cost for a log rate";
    }

    @Override
    public String usage() {
        return """
                Usage: ./logway size --mb-per-s X | --gb-per-day N [--record-bytes N] [--functions LIST]
                                     [--memory-mb N] [--batch-size N] [--jit c1|c2] [--retention-days N]

                Sizes a Logway pipeline for an average rate of log text and estimates its monthly cost from
                AWS list prices (us-east-1, on-demand, as of %s: Kinesis provisioned $0.015 per shard-hour
                and $0.014 per million 25 KB PUT payload units; Lambda x86 $0.0000166667 per GB-second and
                $0.20 per million requests; S3 Standard $0.023 per GB-month and $0.005 per 1,000 PUTs).

                  shards        max(ceil(MB/s / 1 MB/s), ceil(records/s / 1,000)): Kinesis's write limits per
                                shard. With forward, a router stream and one destination stream of that size.
                  Lambda        one invocation per shard per function (parallelization factor 1); busy time
                                from each function's measured throughput per vCPU (docs/performance.md: to-s3
                                19 MB/s under C1 and 36 under C2, to-es 37 / 90, forward 57 / 108), scaled by
                                memory / 1,769 MB; invocations = max(records/s / batch size, shards) per second.
                  S3            --retention-days of logs compressed at gzip 6's measured ratio 6.2, and one
                                PUT per to-s3 invocation.
                Not included: OpenSearch, data transfer, CloudWatch, free tiers, and Lambda time spent waiting
                on S3 or OpenSearch (the measured figures are compute only). An estimate, not a quote.

                Options:
                  --mb-per-s X         average log text, 10^6 bytes per second (or:)
                  --gb-per-day N       average log text, 10^9 bytes per day
                  --record-bytes N     average bytes per log record, one Kinesis record each (default 500)
                  --functions LIST     comma list of to-s3, to-es, forward (default to-s3,to-es,forward)
                  --memory-mb N        Lambda memory of each function, 128 to 10240 (default 1024)
                  --batch-size N       the event source mapping's batch size, 1 to 10000 (default 100)
                  --jit c1|c2          c1 = Lambda's default -XX:TieredStopAtLevel=1, c2 = normal tiering
                                       (default c1)
                  --retention-days N   days S3 keeps the logs (default 30)

                Output: the table on stderr; one JSON line on stdout with exactly mb_per_s, shards,
                lambda_concurrency (all functions together), memory_mb and monthly_usd (kinesis, lambda,
                s3, total; USD).

                Exit codes: 0 success; 2 bad usage.
                """.formatted(AwsPrices.AS_OF);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        SizingEstimate estimate = SizingModel.estimate(parse(args));
        err.print(estimate.table());
        out.println(estimate.jsonLine());
        return ExitCodes.SUCCESS;
    }

    /**
     * Reads the command line.
     *
     * @param args the arguments after {@code size}
     * @return the validated input
     * @throws UsageException when an argument is missing, unknown or out of range
     */
    static SizingInput parse(List<String> args) {
        Double megabytesPerSecond = null;
        int recordBytes = SizingInput.DEFAULT_RECORD_BYTES;
        List<SizedFunction> functions = SizingInput.DEFAULT_FUNCTIONS;
        int memoryMb = SizingInput.DEFAULT_MEMORY_MB;
        int batchSize = SizingInput.DEFAULT_BATCH_SIZE;
        SizedFunction.Jit jit = SizedFunction.Jit.C1;
        int retentionDays = SizingInput.DEFAULT_RETENTION_DAYS;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--mb-per-s", "--gb-per-day" -> {
                    if (megabytesPerSecond != null) {
                        throw new UsageException("give one of --mb-per-s and --gb-per-day, once");
                    }
                    double rate = positiveNumber(option, value(args, ++i, option));
                    megabytesPerSecond = option.equals("--mb-per-s") ? rate : rate / SECONDS_PER_DAY_IN_THOUSANDS;
                }
                case "--record-bytes" -> recordBytes =
                        integer(option, value(args, ++i, option), 1, SizingInput.MAX_RECORD_BYTES);
                case "--functions" -> functions = functions(value(args, ++i, option));
                case "--memory-mb" -> memoryMb = integer(option, value(args, ++i, option),
                        SizingInput.MIN_MEMORY_MB, SizingInput.MAX_MEMORY_MB);
                case "--batch-size" -> batchSize =
                        integer(option, value(args, ++i, option), 1, SizingInput.MAX_BATCH_SIZE);
                case "--jit" -> jit = jit(value(args, ++i, option));
                case "--retention-days" -> retentionDays =
                        integer(option, value(args, ++i, option), 1, Integer.MAX_VALUE);
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }
        if (megabytesPerSecond == null) {
            throw new UsageException("--mb-per-s X or --gb-per-day N is required");
        }
        return new SizingInput(megabytesPerSecond, recordBytes, functions, memoryMb, batchSize, jit, retentionDays);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static double positiveNumber(String option, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number above 0, got '" + text + "'");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UsageException(option + " must be a number above 0, got '" + text + "'");
        }
        return value;
    }

    private static int integer(String option, String text, int min, int max) {
        String range = max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be an integer " + range + ", got '" + text + "'");
    }

    private static List<SizedFunction> functions(String text) {
        List<SizedFunction> functions = new ArrayList<>();
        for (String name : text.split(",", -1)) {
            SizedFunction function = SizedFunction.byCliName(name.trim().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new UsageException(
                            "--functions takes a comma list of to-s3, to-es, forward, got '" + text + "'"));
            if (functions.contains(function)) {
                throw new UsageException("--functions names " + function.cliName() + " twice");
            }
            functions.add(function);
        }
        return functions;
    }

    private static SizedFunction.Jit jit(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "c1" -> SizedFunction.Jit.C1;
            case "c2" -> SizedFunction.Jit.C2;
            default -> throw new UsageException("--jit must be c1 or c2, got '" + text + "'");
        };
    }
}
