package io.github.logway.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.logway.core.FatalException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvReaderTest {

    private enum Compression { GZIP, ZSTD, NONE }

    @Test
    void string_whenSet_returnsTrimmedValue() {
        EnvReader env = new EnvReader(Map.of("NAME", "  value \t"));

        assertThat(env.string("NAME", "default")).isEqualTo("value");
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void string_whenUnsetOrBlank_returnsDefault() {
        EnvReader env = new EnvReader(Map.of("BLANK", "   "));

        assertThat(env.string("BLANK", "d1")).isEqualTo("d1");
        assertThat(env.string("MISSING", "d2")).isEqualTo("d2");
    }

    @Test
    void optional_whenBlank_isEmpty() {
        EnvReader env = new EnvReader(Map.of("BLANK", " ", "SET", " x "));

        assertThat(env.optional("BLANK")).isEmpty();
        assertThat(env.optional("SET")).contains("x");
    }

    @Test
    void required_whenMissing_recordsProblemAndReturnsEmpty() {
        EnvReader env = new EnvReader(Map.of("LOG_S3_BUCKET", ""));

        assertThat(env.required("LOG_S3_BUCKET")).isEmpty();
        assertThat(env.problems()).containsExactly("LOG_S3_BUCKET is required");
    }

    @Test
    void required_whenSet_returnsValue() {
        EnvReader env = new EnvReader(Map.of("LOG_S3_BUCKET", "logs"));

        assertThat(env.required("LOG_S3_BUCKET")).isEqualTo("logs");
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void intInRange_acceptsBounds() {
        EnvReader env = new EnvReader(Map.of("LOW", "1", "HIGH", "10"));

        assertThat(env.intInRange("LOW", 5, 1, 10)).isEqualTo(1);
        assertThat(env.intInRange("HIGH", 5, 1, 10)).isEqualTo(10);
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void intInRange_whenOutOfRange_recordsProblemAndReturnsDefault() {
        EnvReader env = new EnvReader(Map.of("N", "11"));

        assertThat(env.intInRange("N", 5, 1, 10)).isEqualTo(5);
        assertThat(env.problems()).containsExactly("N='11': must be an integer from 1 to 10");
    }

    @Test
    void intInRange_whenNotANumber_recordsProblem() {
        EnvReader env = new EnvReader(Map.of("N", "5k"));

        assertThat(env.intInRange("N", 5, 1, 10)).isEqualTo(5);
        assertThat(env.problems()).containsExactly("N='5k': must be an integer from 1 to 10");
    }

    @Test
    void intInRange_whenUnset_returnsDefault() {
        assertThat(new EnvReader(Map.of()).intInRange("N", 7, 1, 10)).isEqualTo(7);
    }

    @Test
    void longInRange_acceptsValuesBeyondInt() {
        EnvReader env = new EnvReader(Map.of("BIG", "5368709120"));

        assertThat(env.longInRange("BIG", 1, 1, Long.MAX_VALUE)).isEqualTo(5_368_709_120L);
    }

    @Test
    void isoDuration_parsesDaysAndMinutes() {
        EnvReader env = new EnvReader(Map.of("A", "P7D", "B", "PT5M"));

        assertThat(env.isoDuration("A", Duration.ZERO)).isEqualTo(Duration.ofDays(7));
        assertThat(env.isoDuration("B", Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void isoDuration_whenNotIso_recordsProblemAndReturnsDefault() {
        EnvReader env = new EnvReader(Map.of("SKEW", "7d"));

        assertThat(env.isoDuration("SKEW", Duration.ofDays(1))).isEqualTo(Duration.ofDays(1));
        assertThat(env.problems()).containsExactly("SKEW='7d': must be an ISO-8601 duration such as P7D or PT5M");
    }

    @Test
    void enumValue_acceptsLowerCase() {
        EnvReader env = new EnvReader(Map.of("S3_COMPRESSION", "zstd"));

        assertThat(env.enumValue("S3_COMPRESSION", Compression.GZIP, Compression.class)).isEqualTo(Compression.ZSTD);
    }

    @Test
    void enumValue_whenUnknown_listsAllowedValuesInLowerCase() {
        EnvReader env = new EnvReader(Map.of("S3_COMPRESSION", "lz4"));

        assertThat(env.enumValue("S3_COMPRESSION", Compression.GZIP, Compression.class)).isEqualTo(Compression.GZIP);
        assertThat(env.problems()).containsExactly("S3_COMPRESSION='lz4': must be one of gzip, zstd, none");
    }

    @Test
    void bool_acceptsTrueAndFalseInAnyCase() {
        EnvReader env = new EnvReader(Map.of("A", "true", "B", "FALSE", "C", "True"));

        assertThat(env.bool("A", false)).isTrue();
        assertThat(env.bool("B", true)).isFalse();
        assertThat(env.bool("C", false)).isTrue();
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void bool_whenYesOrOne_recordsProblem() {
        EnvReader env = new EnvReader(Map.of("A", "yes", "B", "1"));

        assertThat(env.bool("A", false)).isFalse();
        assertThat(env.bool("B", true)).isTrue();
        assertThat(env.problems()).containsExactly("A='yes': must be true or false", "B='1': must be true or false");
    }

    @Test
    void commaList_trimsItemsAndDropsEmptyOnes() {
        EnvReader env = new EnvReader(Map.of("LIST", " a, b ,,c , "));

        assertThat(env.commaList("LIST")).containsExactly("a", "b", "c");
    }

    @Test
    void commaList_whenUnset_isEmpty() {
        assertThat(new EnvReader(Map.of()).commaList("LIST")).isEmpty();
    }

    @Test
    void zoneId_parsesRegionAndOffset() {
        EnvReader env = new EnvReader(Map.of("TZ1", "Asia/Tokyo", "TZ2", "+09:00"));

        assertThat(env.zoneId("TZ1", ZoneOffset.UTC)).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(env.zoneId("TZ2", ZoneOffset.UTC)).isEqualTo(ZoneOffset.ofHours(9));
    }

    @Test
    void zoneId_whenUnknown_recordsProblem() {
        EnvReader env = new EnvReader(Map.of("TIMEZONE", "Mars/Olympus"));

        assertThat(env.zoneId("TIMEZONE", ZoneOffset.UTC)).isEqualTo(ZoneOffset.UTC);
        assertThat(env.problems())
                .containsExactly("TIMEZONE='Mars/Olympus': must be a time-zone id such as UTC or Asia/Tokyo");
    }

    @Test
    void problems_sameProblemTwice_isListedOnce() {
        EnvReader env = new EnvReader(Map.of());

        env.required("X");
        env.required("X");

        assertThat(env.problems()).containsExactly("X is required");
    }

    @Test
    void invalid_longValue_isShortenedInTheMessage() {
        EnvReader env = new EnvReader(Map.of());

        env.invalid("X", "a".repeat(500), "must be short");

        assertThat(env.problems().get(0)).startsWith("X='aaaa").endsWith("...(500 chars)': must be short")
                .hasSizeLessThan(300);
    }

    @Test
    void invalid_valueWithLineBreak_isEscapedSoEachProblemStaysOnOneLine() {
        EnvReader env = new EnvReader(Map.of("N", "1\n2"));

        env.intInRange("N", 0, 0, 5);

        assertThat(env.problems()).containsExactly("N='1\\n2': must be an integer from 0 to 5");
    }

    @Test
    void throwIfInvalid_withoutProblems_returns() {
        EnvReader env = new EnvReader(Map.of("A", "1"));
        env.intInRange("A", 0, 0, 5);

        env.throwIfInvalid();

        assertThat(env.problems()).isEmpty();
    }

    @Test
    void throwIfInvalid_listsEveryProblemOnePerLine() {
        EnvReader env = new EnvReader(Map.of("S3_COMPRESSION", "lz4"));
        env.enumValue("S3_COMPRESSION", Compression.GZIP, Compression.class);
        env.required("LOG_S3_BUCKET");

        ConfigException error = catchThrowableOfType(ConfigException.class, env::throwIfInvalid);

        assertThat(error).isInstanceOf(FatalException.class).hasMessage("Invalid configuration (2 problems):\n"
                + "  S3_COMPRESSION='lz4': must be one of gzip, zstd, none\n"
                + "  LOG_S3_BUCKET is required");
        assertThat(error.problems()).hasSize(2);
    }

    @Test
    void configException_withOneProblem_saysProblemInSingular() {
        assertThat(new ConfigException(java.util.List.of("X is required")))
                .hasMessage("Invalid configuration (1 problem):\n  X is required");
    }

    @Test
    void configException_withoutProblems_isRefused() {
        assertThatThrownBy(() -> new ConfigException(java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
