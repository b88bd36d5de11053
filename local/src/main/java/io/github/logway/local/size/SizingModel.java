package io.github.logway.local.size;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of {@code ./logway size}: shards from Kinesis's write limits, Lambda time from the measured
 * throughput of each function, S3 storage from the measured gzip ratio, each priced with {@link AwsPrices}.
 *
 * <p>The pipeline it prices: producers write into one stream; with {@code forward}, that is a router stream
 * and kinesis-forward copies every record into one destination stream of the same size, which the other
 * functions read. Every function reads its stream with one invocation per shard (parallelization factor 1).
 * Not priced: OpenSearch, data transfer, CloudWatch, the failed log, Lambda's time waiting on I/O (the
 * measured figures use no-op sinks) and free tiers.
 */
final class SizingModel {

    /** Kinesis write limit per shard: 1 MB/s of data (10^6 bytes, as the AWS Kinesis quotas page writes it). */
    static final double SHARD_WRITE_MEGABYTES_PER_SECOND = 1.0;
    /** Kinesis write limit per shard: 1,000 records per second. */
    static final double SHARD_WRITE_RECORDS_PER_SECOND = 1_000;
    /** Lambda polls each shard about once a second: the fewest invocations a busy shard causes per second. */
    static final double MIN_INVOCATIONS_PER_SHARD_SECOND = 1.0;
    /**
     * Log text over gzip 6 bytes, as kinesis-to-s3 writes by default: 2,349,491 / 381,486 = 6.2 on 500-byte JSON
     * lines (docs/kinesis-to-s3.md, "Compression: choice and figures").
     */
    static final double GZIP_COMPRESSION_RATIO = 6.2;
    /** Lambda bills GB-seconds of configured memory, 1 GB = 1,024 MB. */
    static final double MEGABYTES_PER_LAMBDA_GIGABYTE = 1024;
    /** Rounding guard: a rate of exactly 2 shards computed as 2.0000000000000004 still needs 2. */
    private static final double CEILING_TOLERANCE = 1e-9;

    private SizingModel() {}

    /**
     * Sizes and prices the pipeline for {@code input}.
     *
     * @param input what to size for
     * @return the estimate, unrounded
     */
    static SizingEstimate estimate(SizingInput input) {
        double recordsPerSecond = input.recordsPerSecond();
        int shards = Math.max(1, Math.max(
                ceiling(input.megabytesPerSecond() / SHARD_WRITE_MEGABYTES_PER_SECOND),
                ceiling(recordsPerSecond / SHARD_WRITE_RECORDS_PER_SECOND)));
        boolean forwarding = input.functions().contains(SizedFunction.FORWARD);
        int streams = forwarding ? 2 : 1;

        double shardHours = (double) streams * shards * AwsPrices.HOURS_PER_MONTH;
        double putUnitsPerRecord = Math.ceil((double) input.recordBytes() / AwsPrices.KINESIS_PUT_PAYLOAD_UNIT_BYTES);
        double putUnits = streams * recordsPerSecond * putUnitsPerRecord * AwsPrices.SECONDS_PER_MONTH;
        double kinesisUsd = shardHours * AwsPrices.KINESIS_USD_PER_SHARD_HOUR
                + putUnits / 1e6 * AwsPrices.KINESIS_USD_PER_MILLION_PUT_PAYLOAD_UNITS;

        double cpuShare = Math.min(input.memoryMb(), SizedFunction.ONE_VCPU_MEMORY_MB)
                / (double) SizedFunction.ONE_VCPU_MEMORY_MB;
        double invocationsPerSecond = Math.max(recordsPerSecond / input.batchSize(),
                shards * MIN_INVOCATIONS_PER_SHARD_SECOND);
        List<SizingEstimate.FunctionCost> functionCosts = new ArrayList<>();
        double lambdaUsd = 0;
        for (SizedFunction function : input.functions()) {
            double throughput = function.megabytesPerSecondPerVcpu(input.jit()) * cpuShare;
            double busySecondsPerSecond = input.megabytesPerSecond() / throughput;
            double gigabyteSeconds = busySecondsPerSecond * input.memoryMb() / MEGABYTES_PER_LAMBDA_GIGABYTE
                    * AwsPrices.SECONDS_PER_MONTH;
            double requests = invocationsPerSecond * AwsPrices.SECONDS_PER_MONTH;
            double usd = gigabyteSeconds * AwsPrices.LAMBDA_USD_PER_GB_SECOND
                    + requests / 1e6 * AwsPrices.LAMBDA_USD_PER_MILLION_REQUESTS;
            double shardBusyShare = input.megabytesPerSecond() / shards / throughput;
            functionCosts.add(new SizingEstimate.FunctionCost(function, throughput, busySecondsPerSecond,
                    shardBusyShare, gigabyteSeconds, requests, usd));
            lambdaUsd += usd;
        }

        double storedGigabytes = 0;
        double s3Puts = 0;
        double s3Usd = 0;
        if (input.functions().contains(SizedFunction.TO_S3)) {
            double gigabytesPerDay = input.megabytesPerSecond() * 86_400 / 1_000;
            storedGigabytes = gigabytesPerDay * input.retentionDays() / GZIP_COMPRESSION_RATIO;
            // One object per to-s3 invocation: one log type, one day.
            s3Puts = invocationsPerSecond * AwsPrices.SECONDS_PER_MONTH;
            s3Usd = storedGigabytes * AwsPrices.S3_USD_PER_GB_MONTH
                    + s3Puts / 1_000 * AwsPrices.S3_USD_PER_THOUSAND_PUTS;
        }
        return new SizingEstimate(input, recordsPerSecond, shards, streams, shards * input.functions().size(),
                shardHours, putUnits, kinesisUsd, invocationsPerSecond, List.copyOf(functionCosts), lambdaUsd,
                storedGigabytes, s3Puts, s3Usd);
    }

    /** The smallest integer at or above {@code value}, ignoring floating-point noise. */
    private static int ceiling(double value) {
        return (int) Math.ceil(value - CEILING_TOLERANCE);
    }
}
