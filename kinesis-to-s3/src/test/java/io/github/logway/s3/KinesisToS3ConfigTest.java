package io.github.logway.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.logway.core.config.ConfigException;
import io.github.logway.core.config.EnvReader;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KinesisToS3ConfigTest {

    private static KinesisToS3Config read(Map<String, String> env) {
        return KinesisToS3Config.read(new EnvReader(env));
    }

    @Test
    void read_whenOnlyBucketSet_appliesEveryDefault() {
        KinesisToS3Config config = read(Map.of("LOG_S3_BUCKET", "my-logs"));

        assertThat(config.bucket()).isEqualTo("my-logs");
        assertThat(config.prefix()).isEmpty();
        assertThat(config.unknownPrefix()).isEqualTo("unknown");
        assertThat(config.unknownKeyPrefix()).isEqualTo("unknown");
        assertThat(config.timezone()).isEqualTo(ZoneOffset.UTC);
        assertThat(config.keyLayout()).isEqualTo(KeyLayout.BAIKONUR);
        assertThat(config.compression()).isEqualTo(Compression.GZIP);
        assertThat(config.compressionLevel()).isEqualTo(Compression.GZIP.defaultLevel());
        assertThat(config.sseKmsKeyId()).isEmpty();
        assertThat(config.storageClass()).isEmpty();
        assertThat(config.maxObjectBytes()).isEqualTo(KinesisToS3Config.DEFAULT_MAX_OBJECT_BYTES);
        assertThat(config.uploadConcurrency()).isEqualTo(KinesisToS3Config.DEFAULT_UPLOAD_CONCURRENCY);
        assertThat(config.forcePathStyle()).isFalse();
        assertThat(config.common().failedLogBucket()).isEmpty();
    }

    @Test
    void read_whenEverythingSet_takesEveryValue() {
        Map<String, String> env = new HashMap<>();
        env.put("LOG_S3_BUCKET", "my-logs");
        env.put("LOG_S3_PREFIX", "/archive/logs/");
        env.put("LOG_TYPE_UNKNOWN_PREFIX", "bad/");
        env.put("TIMEZONE", "Asia/Tokyo");
        env.put("S3_KEY_LAYOUT", "hive");
        env.put("S3_COMPRESSION", "zstd");
        env.put("S3_COMPRESSION_LEVEL", "19");
        env.put("S3_SSE_KMS_KEY_ID", "alias/logs");
        env.put("S3_STORAGE_CLASS", "standard_ia");
        env.put("S3_MAX_OBJECT_BYTES", "1048576");
        env.put("S3_UPLOAD_CONCURRENCY", "3");
        env.put("S3_FORCE_PATH_STYLE", "true");

        KinesisToS3Config config = read(env);

        assertThat(config.prefix()).isEqualTo("archive/logs");
        assertThat(config.unknownKeyPrefix()).isEqualTo("archive/logs/bad");
        assertThat(config.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(config.keyLayout()).isEqualTo(KeyLayout.HIVE);
        assertThat(config.compression()).isEqualTo(Compression.ZSTD);
        assertThat(config.compressionLevel()).isEqualTo(19);
        assertThat(config.sseKmsKeyId()).contains("alias/logs");
        assertThat(config.storageClass()).contains("STANDARD_IA");
        assertThat(config.maxObjectBytes()).isEqualTo(1_048_576L);
        assertThat(config.uploadConcurrency()).isEqualTo(3);
        assertThat(config.forcePathStyle()).isTrue();
    }

    @Test
    void read_whenManyVariablesAreBad_listsEveryOneInOneException() {
        Map<String, String> env = new HashMap<>();
        env.put("TIMEZONE", "Mars/Olympus_Mons");
        env.put("S3_KEY_LAYOUT", "flat");
        env.put("S3_COMPRESSION", "lz4");
        env.put("S3_STORAGE_CLASS", "COLD");
        env.put("S3_MAX_OBJECT_BYTES", "12");
        env.put("S3_UPLOAD_CONCURRENCY", "0");
        env.put("S3_FORCE_PATH_STYLE", "yes");
        env.put("DEADLINE_MARGIN_MS", "-1");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> read(env));

        assertThat(error.problems()).containsExactly(
                "DEADLINE_MARGIN_MS='-1': must be an integer from 0 to 600000",
                "LOG_S3_BUCKET is required",
                "TIMEZONE='Mars/Olympus_Mons': must be a time-zone id such as UTC or Asia/Tokyo",
                "S3_KEY_LAYOUT='flat': must be one of baikonur, hive",
                "S3_COMPRESSION='lz4': must be one of gzip, zstd, none",
                "S3_STORAGE_CLASS='COLD': must be one of " + String.join(", ",
                        new java.util.TreeSet<>(software.amazon.awssdk.services.s3.model.StorageClass.knownValues()
                                .stream().map(Object::toString).toList())),
                "S3_MAX_OBJECT_BYTES='12': must be an integer from 1024 to 1073741824",
                "S3_UPLOAD_CONCURRENCY='0': must be an integer from 1 to 64",
                "S3_FORCE_PATH_STYLE='yes': must be true or false");
        assertThat(error).hasMessageStartingWith("Invalid configuration (9 problems):");
    }

    @Test
    void read_whenGzipLevelOutOfRange_namesTheCodecRange() {
        assertThatThrownBy(() -> read(Map.of("LOG_S3_BUCKET", "b-1", "S3_COMPRESSION_LEVEL", "19")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("S3_COMPRESSION_LEVEL='19': must be an integer from 1 to 9 for S3_COMPRESSION=gzip");
    }

    @Test
    void read_whenLevelSetWithoutCompression_rejectsIt() {
        assertThatThrownBy(() -> read(Map.of("LOG_S3_BUCKET", "b-1", "S3_COMPRESSION", "none",
                "S3_COMPRESSION_LEVEL", "3")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("S3_COMPRESSION_LEVEL='3': must be unset when S3_COMPRESSION=none");
    }

    @Test
    void read_whenBucketNameInvalid_rejectsIt() {
        assertThatThrownBy(() -> read(Map.of("LOG_S3_BUCKET", "My_Bucket")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LOG_S3_BUCKET='My_Bucket': must be an S3 bucket name");
    }

    @Test
    void read_whenUnknownPrefixIsOnlySlashes_rejectsIt() {
        assertThatThrownBy(() -> read(Map.of("LOG_S3_BUCKET", "b-1", "LOG_TYPE_UNKNOWN_PREFIX", "//")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LOG_TYPE_UNKNOWN_PREFIX='//': must name a folder");
    }

    @Test
    void read_whenFailedLogBucketMissing_isFine() {
        assertThat(read(Map.of("LOG_S3_BUCKET", "b-1")).common().failedLogBucket()).isEmpty();
    }
}
