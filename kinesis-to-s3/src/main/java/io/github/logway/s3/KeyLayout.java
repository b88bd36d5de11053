package io.github.logway.s3;

/**
 * How object keys are laid out ({@code S3_KEY_LAYOUT}, PRODUCT.md §4).
 */
public enum KeyLayout {

    /**
     * Baikonur's layout, one object per log type and day of the records' own time:
     * {@code {prefix}/{log_type}/{yyyy-MM}/{dd}/{yyyy-MM-dd-HH:mm:ss}-{first log_id}.gz}.
     */
    BAIKONUR,

    /**
     * Hive-style partitions for Athena and Glue, one object per log type and hour:
     * {@code {prefix}/log_type={t}/dt={yyyy-MM-dd}/hour={HH}/{shard}-{first seq}-{last seq}.gz}.
     */
    HIVE
}
