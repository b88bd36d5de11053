package io.github.logway.s3;

/**
 * The codec of object bodies ({@code S3_COMPRESSION}) with the range and default of its level
 * ({@code S3_COMPRESSION_LEVEL}), its key extension and its {@code Content-Encoding}.
 */
public enum Compression {

    /**
     * gzip (deflate), read by Athena, {@code zcat} and every log tool. Level 1 to 9; the default comes from
     * {@code KinesisToS3Benchmark} (see docs/kinesis-to-s3.md).
     */
    GZIP(".gz", "gzip", 1, 9, 6),

    /** Zstandard: smaller and faster than gzip; Athena reads {@code .zst}. Level 1 to 19 (20 to 22 need far more memory). */
    ZSTD(".zst", "zstd", 1, 19, 3),

    /** Uncompressed NDJSON: no extension, no {@code Content-Encoding}; a level must not be set. */
    NONE("", null, 0, 0, 0);

    private final String extension;
    private final String contentEncoding;
    private final int minLevel;
    private final int maxLevel;
    private final int defaultLevel;

    Compression(String extension, String contentEncoding, int minLevel, int maxLevel, int defaultLevel) {
        this.extension = extension;
        this.contentEncoding = contentEncoding;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.defaultLevel = defaultLevel;
    }

    /** The end of every object key: {@code .gz}, {@code .zst} or nothing. */
    public String extension() {
        return extension;
    }

    /** The {@code Content-Encoding} header, or {@code null} for uncompressed bodies. */
    public String contentEncoding() {
        return contentEncoding;
    }

    /** The lowest level accepted. */
    public int minLevel() {
        return minLevel;
    }

    /** The highest level accepted. */
    public int maxLevel() {
        return maxLevel;
    }

    /** The level used when {@code S3_COMPRESSION_LEVEL} is unset. */
    public int defaultLevel() {
        return defaultLevel;
    }

    /** Whether {@code level} is valid for this codec. */
    public boolean accepts(int level) {
        return level >= minLevel && level <= maxLevel;
    }
}
