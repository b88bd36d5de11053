package io.github.logway.local.size;

/**
 * The AWS list prices {@code ./logway size} multiplies by: us-east-1, on-demand, as listed on the AWS pricing
 * pages on 2026-11-28 (Kinesis Data Streams provisioned mode, Lambda x86, S3 Standard). They are list prices on
 * that date, without free tier, savings plans or taxes; check the pricing pages before quoting a figure.
 */
final class AwsPrices {

    /** The region the prices are for. */
    static final String REGION = "us-east-1";
    /** The day the prices were read from the AWS pricing pages. */
    static final String AS_OF = "2026-11-28";

    /** Kinesis Data Streams, provisioned mode: USD per shard-hour. */
    static final double KINESIS_USD_PER_SHARD_HOUR = 0.015;
    /** Kinesis Data Streams, provisioned mode: USD per million PUT payload units. */
    static final double KINESIS_USD_PER_MILLION_PUT_PAYLOAD_UNITS = 0.014;
    /** A PUT payload unit: each record is billed in 25 KB chunks, rounded up (AWS Kinesis pricing). */
    static final int KINESIS_PUT_PAYLOAD_UNIT_BYTES = 25 * 1024;

    /** Lambda, x86: USD per GB-second of duration (GB = 1,024 MB of configured memory). */
    static final double LAMBDA_USD_PER_GB_SECOND = 0.0000166667;
    /** Lambda: USD per million requests (invocations). */
    static final double LAMBDA_USD_PER_MILLION_REQUESTS = 0.20;

    /** S3 Standard: USD per GB-month of storage (first 50 TB tier). */
    static final double S3_USD_PER_GB_MONTH = 0.023;
    /** S3 Standard: USD per 1,000 PUT requests. */
    static final double S3_USD_PER_THOUSAND_PUTS = 0.005;

    /** Hours in a month, as the AWS pricing pages count them. */
    static final double HOURS_PER_MONTH = 730;
    /** Seconds in such a month. */
    static final double SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

    private AwsPrices() {}
}
