package io.github.logway.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class S3ObjectKeysTest {

    private static final S3ObjectKeys GZIP_KEYS = new S3ObjectKeys("logs", ".gz");

    private static long localSecond(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toEpochSecond(ZoneOffset.UTC);
    }

    @Test
    void baikonur_whenPrefixSet_followsBaikonurLayout() {
        String key = GZIP_KEYS.baikonur("nginx", localSecond("2026-11-24T09:05:07"), "id-1", 1, 1);

        assertThat(key).isEqualTo("logs/nginx/2026-11/24/2026-11-24-09:05:07-id-1.gz");
    }

    @Test
    void baikonur_whenPrefixEmpty_hasNoLeadingSlash() {
        String key = new S3ObjectKeys("", ".gz").baikonur("nginx", localSecond("2026-01-02T00:00:00"), "x", 1, 1);

        assertThat(key).isEqualTo("nginx/2026-01/02/2026-01-02-00:00:00-x.gz");
    }

    @Test
    void baikonur_whenLogIdHasReservedCharacters_percentEncodesThem() {
        String key = GZIP_KEYS.baikonur("app", localSecond("2026-11-24T10:00:00"), "order 42/€?a=b&c~d_e.f-g", 1, 1);

        assertThat(key).isEqualTo("logs/app/2026-11/24/2026-11-24-10:00:00-order%2042%2F%E2%82%AC%3Fa%3Db%26c~d_e.f-g.gz");
    }

    @Test
    void baikonur_whenEncodedKeyWouldPass1024Bytes_usesSha256OfLogId() {
        String logId = "é".repeat(256); // 512 bytes, the schema's maximum; 1,536 characters once encoded

        String key = GZIP_KEYS.baikonur("app", localSecond("2026-11-24T10:00:00"), logId, 1, 1);

        assertThat(key).isEqualTo("logs/app/2026-11/24/2026-11-24-10:00:00-" + S3ObjectKeys.sha256Hex(logId) + ".gz");
        assertThat(S3ObjectKeys.sha256Hex(logId)).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void baikonur_whenEncodedKeyFitsExactly1024Bytes_keepsTheLogId() {
        String head = "logs/app/2026-11/24/2026-11-24-10:00:00-";
        String logId = "a".repeat(S3ObjectKeys.MAX_KEY_BYTES - head.length() - ".gz".length());

        String key = GZIP_KEYS.baikonur("app", localSecond("2026-11-24T10:00:00"), logId, 1, 1);

        assertThat(key).isEqualTo(head + logId + ".gz");
        assertThat(key.getBytes(StandardCharsets.UTF_8)).hasSize(S3ObjectKeys.MAX_KEY_BYTES);
    }

    @Test
    void baikonur_whenGroupIsSplit_addsPartNumberBeforeExtension() {
        String key = GZIP_KEYS.baikonur("app", localSecond("2026-11-24T10:00:00"), "id", 2, 3);

        assertThat(key).isEqualTo("logs/app/2026-11/24/2026-11-24-10:00:00-id-part-0002.gz");
    }

    @Test
    void hive_followsPartitionLayout() {
        long localHour = localSecond("2026-11-24T07:00:00") / 3600;

        String key = GZIP_KEYS.hive("nginx", localHour, "shardId-000000000001", "4959", "4961", 1, 1);

        assertThat(key).isEqualTo("logs/log_type=nginx/dt=2026-11-24/hour=07/shardId-000000000001-4959-4961.gz");
    }

    @Test
    void keys_whenCompressionIsZstdOrNone_useItsExtension() {
        long second = localSecond("2026-11-24T10:00:00");

        assertThat(new S3ObjectKeys("p", ".zst").baikonur("app", second, "id", 1, 1)).endsWith("-id.zst");
        assertThat(new S3ObjectKeys("p", "").hive("app", second / 3600, "s", "1", "2", 1, 1)).endsWith("/s-1-2");
    }

    @Test
    void percentEncode_keepsUnreservedCharactersOnly() {
        assertThat(S3ObjectKeys.percentEncode("AZaz09-._~")).isEqualTo("AZaz09-._~");
        assertThat(S3ObjectKeys.percentEncode("%+:@!*'()")).isEqualTo("%25%2B%3A%40%21%2A%27%28%29");
    }
}
