package io.github.logway.schema;

import static io.github.logway.schema.TimeParser.INVALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeParserTest {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** 2024-11-24T09:20:00Z, a plausible Kinesis arrival time. */
    private static final long ARRIVAL_MILLIS = 1_732_440_000_000L;
    private static final long ARRIVAL_NANOS = ARRIVAL_MILLIS * NANOS_PER_MILLI;
    private static final Duration SEVEN_DAYS = Duration.ofDays(7);
    private static final Duration TEN_YEARS = Duration.ofDays(3650);

    // ---------------------------------------------------------------- ISO text: valid

    /** Input, and the same instant in a form java.time's ISO_DATE_TIME reads (the oracle). */
    static Stream<Arguments> validIsoTexts() {
        return Stream.of(
                Arguments.of("2026-11-24T10:15:30Z", "2026-11-24T10:15:30Z"),
                Arguments.of("2026-11-24T10:15:30.123456+09:00", "2026-11-24T10:15:30.123456+09:00"),
                Arguments.of("2026-11-24T10:15:30+09:00", "2026-11-24T10:15:30+09:00"),
                Arguments.of("2026-11-24T10:15:30-05:30", "2026-11-24T10:15:30-05:30"),
                Arguments.of("2026-11-24T10:15:30+0530", "2026-11-24T10:15:30+05:30"),
                Arguments.of("2026-11-24T10:15:30-0530", "2026-11-24T10:15:30-05:30"),
                Arguments.of("2026-11-24T10:15:30+05", "2026-11-24T10:15:30+05:00"),
                Arguments.of("2026-11-24T10:15:30-08", "2026-11-24T10:15:30-08:00"),
                Arguments.of("2026-11-24T10:15:30+18:00", "2026-11-24T10:15:30+18:00"),
                Arguments.of("2026-11-24T10:15:30-18:00", "2026-11-24T10:15:30-18:00"),
                Arguments.of("2026-11-24T10:15:30-00:00", "2026-11-24T10:15:30Z"),
                Arguments.of("2026-11-24T10:15:30", "2026-11-24T10:15:30"),
                Arguments.of("2026-11-24T10:15:30.123456789", "2026-11-24T10:15:30.123456789"),
                Arguments.of("2026-11-24T10:15:30.1Z", "2026-11-24T10:15:30.1Z"),
                Arguments.of("2026-11-24T10:15:30.123Z", "2026-11-24T10:15:30.123Z"),
                Arguments.of("2026-11-24T10:15:30.123456Z", "2026-11-24T10:15:30.123456Z"),
                Arguments.of("2026-11-24T10:15:30.123456789Z", "2026-11-24T10:15:30.123456789Z"),
                Arguments.of("2026-11-24T10:15:30.000000001Z", "2026-11-24T10:15:30.000000001Z"),
                Arguments.of("2026-11-24T10:15:30.999999999-01:00", "2026-11-24T10:15:30.999999999-01:00"),
                Arguments.of("2026-11-24T10:15:30,25Z", "2026-11-24T10:15:30.25Z"),
                Arguments.of("2026-11-24 10:15:30Z", "2026-11-24T10:15:30Z"),
                Arguments.of("2026-11-24t10:15:30z", "2026-11-24T10:15:30Z"),
                Arguments.of("2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z"),
                Arguments.of("2000-02-29T00:00:00Z", "2000-02-29T00:00:00Z"),
                Arguments.of("2026-04-30T23:59:59Z", "2026-04-30T23:59:59Z"),
                Arguments.of("2026-12-31T23:59:59.999+14:00", "2026-12-31T23:59:59.999+14:00"),
                Arguments.of("2027-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
                Arguments.of("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
                Arguments.of("1969-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.999999999Z"),
                Arguments.of("1900-03-01T00:00:00Z", "1900-03-01T00:00:00Z"),
                Arguments.of("1800-02-28T13:14:15.5-03:00", "1800-02-28T13:14:15.5-03:00"),
                Arguments.of("1677-09-21T00:12:43.145224193Z", "1677-09-21T00:12:43.145224193Z"),
                Arguments.of("2262-04-11T23:47:16.854775807Z", "2262-04-11T23:47:16.854775807Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validIsoTexts")
    void parseIso_whenValidIsoText_returnsTheInstantJavaTimeReads(String input, String oracleText) {
        assertThat(TimeParser.parseIso(input)).isEqualTo(javaTimeEpochNanos(oracleText));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validIsoTexts")
    void parseIso_whenValidTextIsASliceOfALargerBuffer_readsOnlyTheSlice(String input, String oracleText) {
        char[] buffer = ("{\"time\":\"" + input + "\",\"n\":1}").toCharArray();

        assertThat(TimeParser.parseIso(buffer, 9, input.length())).isEqualTo(javaTimeEpochNanos(oracleText));
    }

    @Test
    void parseIso_whenEpochStart_returnsZero() {
        assertThat(TimeParser.parseIso("1970-01-01T00:00:00Z")).isZero();
    }

    @Test
    void parseIso_whenOffsetHasNoColon_acceptsIt() {
        assertThat(TimeParser.parseIso("1970-01-01T05:30:00+0530")).isZero();
    }

    @Test
    void parseIso_whenOffsetHasHoursOnly_acceptsIt() {
        assertThat(TimeParser.parseIso("1970-01-01T09:00:00+09")).isZero();
    }

    @Test
    void parseIso_whenNegativeOffset_addsItToReachUtc() {
        assertThat(TimeParser.parseIso("1969-12-31T18:30:00-05:30")).isZero();
    }

    @Test
    void parseIso_whenNoOffset_readsUtc() {
        assertThat(TimeParser.parseIso("1970-01-01T00:00:01")).isEqualTo(NANOS_PER_SECOND);
    }

    @Test
    void parseIso_whenSpaceSeparatesDateAndTime_acceptsIt() {
        assertThat(TimeParser.parseIso("1970-01-01 00:00:01Z")).isEqualTo(NANOS_PER_SECOND);
    }

    @Test
    void parseIso_whenCommaStartsFraction_acceptsIt() {
        assertThat(TimeParser.parseIso("1970-01-01T00:00:00,5Z")).isEqualTo(500_000_000L);
    }

    @Test
    void parseIso_whenFewerThanNineFractionDigits_scalesThemToNanos() {
        assertThat(TimeParser.parseIso("1970-01-01T00:00:00.000123Z")).isEqualTo(123_000L);
    }

    @Test
    void parseIso_whenBeforeEpoch_returnsNegativeNanos() {
        assertThat(TimeParser.parseIso("1969-12-31T23:59:59.75Z")).isEqualTo(-250_000_000L);
    }

    @Test
    void parseIso_whenLeapDay_returnsMidnightOfThatDay() {
        // 2024-02-29 is day 19,782 after 1970-01-01
        assertThat(TimeParser.parseIso("2024-02-29T00:00:00Z")).isEqualTo(19_782L * 86_400L * NANOS_PER_SECOND);
    }

    @Test
    void parseIso_whenLatestRepresentableInstant_returnsLongMaxValue() {
        assertThat(TimeParser.parseIso("2262-04-11T23:47:16.854775807Z")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void parseIso_whenEarliestRepresentableInstant_returnsOneAboveLongMinValue() {
        assertThat(TimeParser.parseIso("1677-09-21T00:12:43.145224193Z")).isEqualTo(Long.MIN_VALUE + 1);
    }

    @Test
    void parseIso_whenInstantIsLongMinValueNanos_returnsInvalidBecauseThatIsTheSentinel() {
        assertThat(TimeParser.parseIso("1677-09-21T00:12:43.145224192Z")).isEqualTo(INVALID);
    }

    @Test
    void parseIso_whenOneNanosecondAfterLatestRepresentable_returnsInvalid() {
        assertThat(TimeParser.parseIso("2262-04-11T23:47:16.854775808Z")).isEqualTo(INVALID);
    }

    @Test
    void parseIso_whenOffsetMovesLocalTimeBackIntoRange_returnsTheInstant() {
        // local time past the maximum, but an hour east of UTC it is one hour earlier
        assertThat(TimeParser.parseIso("2262-04-12T00:47:16.854775807+01:00")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void parseIso_whenSliceStopsBeforeTheOffset_readsTheSliceAsUtc() {
        char[] buffer = "1970-01-01T09:00:00+09:00".toCharArray();

        assertThat(TimeParser.parseIso(buffer, 0, 19)).isEqualTo(9L * 3_600L * NANOS_PER_SECOND);
    }

    @Test
    void parseIso_whenSliceStopsBeforeATenthFractionDigit_readsNineDigits() {
        char[] buffer = "1970-01-01T00:00:00.1234567891".toCharArray();

        assertThat(TimeParser.parseIso(buffer, 0, 29)).isEqualTo(123_456_789L);
    }

    @Test
    void parseIso_whenSliceLiesOutsideTheArray_throwsIndexOutOfBounds() {
        char[] buffer = "1970-01-01T00:00:00Z".toCharArray();

        assertThatThrownBy(() -> TimeParser.parseIso(buffer, 5, 20))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("out of bounds for length 20");
    }

    // ---------------------------------------------------------------- ISO text: invalid

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "",
        "yesterday",
        "1732440000",
        "1732440000123",
        "2026-11-24",
        "2026-11-24T10:15",
        "2026-11-24T10:15Z",
        "2026-11-24T10:15:30 ",
        " 2026-11-24T10:15:30Z",
        "2026-11-24T10:15:30Z ",
        "2026-11-24T10:15:30Zjunk",
        "2026-11-24T10:15:30ZZ",
        "2023-02-29T00:00:00Z",
        "2100-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
        "2026-11-00T00:00:00Z",
        "2026-11-32T00:00:00Z",
        "2026-11-24T24:00:00Z",
        "2026-11-24T10:60:00Z",
        "2016-12-31T23:59:60Z",
        "2026-11-24T10:15:30.1234567890Z",
        "2026-11-24T10:15:30.1234567890",
        "2026-11-24T10:15:30.Z",
        "2026-11-24T10:15:30.",
        "2026-11-24T10:15:30.12a4Z",
        "2026-11-24T10:15:30+19:00",
        "2026-11-24T10:15:30-19:00",
        "2026-11-24T10:15:30+18:01",
        "2026-11-24T10:15:30+09:60",
        "2026-11-24T10:15:30+9:00",
        "2026-11-24T10:15:30+09:0",
        "2026-11-24T10:15:30+090",
        "2026-11-24T10:15:30+09:00:00",
        "2026-11-24T10:15:30+09-00",
        "2026-11-24T10:15:30+",
        "2026-11-24T10:15:30+0900Z",
        "2026-11-24T10:15:30UTC",
        "2026-11-24T10:15:30 +09:00",
        "+10000-01-01T00:00:00Z",
        "-2026-11-24T10:15:30Z",
        "02026-11-24T10:15:30Z",
        "26-11-24T10:15:30Z",
        "2026-1-24T10:15:30Z",
        "2026/11/24T10:15:30Z",
        "2026-11-24X10:15:30Z",
        "2026-11-24  10:15:30Z",
        "2026-11-24T10-15-30Z",
        "2026-11-24T10:15:3aZ",
        "2026-1a-24T10:15:30Z",
        "\uFF12\uFF10\uFF12\uFF16-11-24T10:15:30Z",
        "1600-01-01T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "2263-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "2026-11-24T10:15:30.123456789+18:00x"
    })
    void parseIso_whenNotAValidTimeInRange_returnsInvalid(String input) {
        assertThat(TimeParser.parseIso(input)).isEqualTo(INVALID);
    }

    /** A slice that is not a time on its own, and the characters after it that would make it one. */
    static Stream<Arguments> incompleteSlicesAndTheirCompletions() {
        return Stream.of(
                Arguments.of("2026-11-24T10:15", ":30Z"),
                Arguments.of("2026-11-24T10:15:30.", "5Z"),
                Arguments.of("2026-11-24T10:15:30+", "09:00"),
                Arguments.of("2026-11-24T10:15:30+09:0", "0"),
                Arguments.of("2026-11-24T10:15:30-1", "0"));
    }

    @ParameterizedTest(name = "[{0}] + [{1}]")
    @MethodSource("incompleteSlicesAndTheirCompletions")
    void parseIso_whenOnlyCharsAfterTheSliceWouldCompleteIt_returnsInvalid(String slice, String completion) {
        char[] buffer = (slice + completion).toCharArray();
        assertThat(TimeParser.parseIso(buffer, 0, buffer.length)).as("whole buffer").isNotEqualTo(INVALID);

        assertThat(TimeParser.parseIso(buffer, 0, slice.length())).isEqualTo(INVALID);
    }

    // ---------------------------------------------------------------- epoch numbers: integers

    @Test
    void fromEpochNumber_whenSeconds_returnsNanos() {
        assertThat(TimeParser.fromEpochNumber(1_732_440_000L)).isEqualTo(1_732_440_000L * NANOS_PER_SECOND);
    }

    @Test
    void fromEpochNumber_whenMillis_returnsNanos() {
        assertThat(TimeParser.fromEpochNumber(1_732_440_000_123L)).isEqualTo(1_732_440_000_123L * NANOS_PER_MILLI);
    }

    @Test
    void fromEpochNumber_whenZero_returnsZero() {
        assertThat(TimeParser.fromEpochNumber(0L)).isZero();
    }

    @Test
    void fromEpochNumber_whenNegativeSeconds_returnsNanosBeforeEpoch() {
        assertThat(TimeParser.fromEpochNumber(-86_400L)).isEqualTo(-86_400L * NANOS_PER_SECOND);
    }

    @Test
    void fromEpochNumber_whenNegativeMillis_returnsNanosBeforeEpoch() {
        assertThat(TimeParser.fromEpochNumber(-200_000_000_000L)).isEqualTo(-200_000_000_000L * NANOS_PER_MILLI);
    }

    @Test
    void fromEpochNumber_whenJustBelowTenToTheEleven_readsSecondsAndOverflows() {
        // 99,999,999,999 seconds is the year 5138: seconds by the rule, beyond the nanosecond range
        assertThat(TimeParser.fromEpochNumber(99_999_999_999L)).isEqualTo(INVALID);
    }

    @Test
    void fromEpochNumber_whenExactlyTenToTheEleven_readsMillis() {
        assertThat(TimeParser.fromEpochNumber(100_000_000_000L)).isEqualTo(100_000_000_000L * NANOS_PER_MILLI);
    }

    @Test
    void fromEpochNumber_whenMinusTenToTheEleven_readsMillis() {
        assertThat(TimeParser.fromEpochNumber(-100_000_000_000L)).isEqualTo(-100_000_000_000L * NANOS_PER_MILLI);
    }

    @Test
    void fromEpochNumber_whenJustAboveMinusTenToTheEleven_readsSecondsAndOverflows() {
        assertThat(TimeParser.fromEpochNumber(-99_999_999_999L)).isEqualTo(INVALID);
    }

    @Test
    void fromEpochNumber_whenLargestSecondsThatFit_returnsNanos() {
        assertThat(TimeParser.fromEpochNumber(9_223_372_036L)).isEqualTo(9_223_372_036L * NANOS_PER_SECOND);
    }

    @Test
    void fromEpochNumber_whenOneSecondTooMany_returnsInvalid() {
        assertThat(TimeParser.fromEpochNumber(9_223_372_037L)).isEqualTo(INVALID);
    }

    @Test
    void fromEpochNumber_whenSmallestSecondsThatFit_returnsNanos() {
        assertThat(TimeParser.fromEpochNumber(-9_223_372_036L)).isEqualTo(-9_223_372_036L * NANOS_PER_SECOND);
    }

    @Test
    void fromEpochNumber_whenOneSecondTooFew_returnsInvalid() {
        assertThat(TimeParser.fromEpochNumber(-9_223_372_037L)).isEqualTo(INVALID);
    }

    @Test
    void fromEpochNumber_whenLargestMillisThatFit_returnsNanos() {
        assertThat(TimeParser.fromEpochNumber(9_223_372_036_854L)).isEqualTo(9_223_372_036_854L * NANOS_PER_MILLI);
    }

    @Test
    void fromEpochNumber_whenOneMilliTooMany_returnsInvalid() {
        assertThat(TimeParser.fromEpochNumber(9_223_372_036_855L)).isEqualTo(INVALID);
    }

    @Test
    void fromEpochNumber_whenOneMilliTooFew_returnsInvalid() {
        assertThat(TimeParser.fromEpochNumber(-9_223_372_036_855L)).isEqualTo(INVALID);
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1})
    void fromEpochNumber_whenLongExtremes_returnsInvalid(long value) {
        assertThat(TimeParser.fromEpochNumber(value)).isEqualTo(INVALID);
    }

    // ---------------------------------------------------------------- epoch numbers: doubles

    @Test
    void fromEpochNumber_whenDoubleSecondsWithMillis_returnsExactMillis() {
        assertThat(TimeParser.fromEpochNumber(1_732_440_000.123)).isEqualTo(1_732_440_000_123_000_000L);
    }

    @Test
    void fromEpochNumber_whenDoubleSecondsWithMicros_returnsExactMicros() {
        assertThat(TimeParser.fromEpochNumber(1_732_440_000.123456)).isEqualTo(1_732_440_000_123_456_000L);
    }

    @Test
    void fromEpochNumber_whenDoubleMillisWithFraction_returnsMicros() {
        assertThat(TimeParser.fromEpochNumber(1_732_440_000_123.5)).isEqualTo(1_732_440_000_123_500_000L);
    }

    @Test
    void fromEpochNumber_whenDoubleHasSubMicrosecondDigits_roundsToMicros() {
        assertThat(TimeParser.fromEpochNumber(0.0000126)).isEqualTo(13_000L);
    }

    @Test
    void fromEpochNumber_whenNegativeDoubleSeconds_returnsNanosBeforeEpoch() {
        assertThat(TimeParser.fromEpochNumber(-1.5)).isEqualTo(-1_500_000_000L);
    }

    @Test
    void fromEpochNumber_whenNegativeZero_returnsZero() {
        assertThat(TimeParser.fromEpochNumber(-0.0)).isZero();
    }

    @Test
    void fromEpochNumber_whenDoubleIsTenToTheEleven_readsMillis() {
        assertThat(TimeParser.fromEpochNumber(1e11)).isEqualTo(100_000_000_000L * NANOS_PER_MILLI);
    }

    @Test
    void fromEpochNumber_whenDoubleJustBelowTenToTheEleven_readsSecondsAndOverflows() {
        assertThat(TimeParser.fromEpochNumber(99_999_999_999.5)).isEqualTo(INVALID);
    }

    @Test
    void fromEpochNumber_whenDoubleMillisBeyondRange_returnsInvalid() {
        assertThat(TimeParser.fromEpochNumber(9_223_372_036_855.0)).isEqualTo(INVALID);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e300,
        Double.MAX_VALUE, 9.3e18})
    void fromEpochNumber_whenDoubleIsNotAFiniteTimeInRange_returnsInvalid(double value) {
        assertThat(TimeParser.fromEpochNumber(value)).isEqualTo(INVALID);
    }

    // ---------------------------------------------------------------- skew

    @Test
    void withinSkew_whenTimeEqualsArrival_returnsTrue() {
        assertThat(TimeParser.withinSkew(ARRIVAL_NANOS, ARRIVAL_MILLIS, SEVEN_DAYS, TEN_YEARS)).isTrue();
    }

    @Test
    void withinSkew_whenTimeIsExactlyMaxFutureAhead_returnsTrue() {
        long time = ARRIVAL_NANOS + SEVEN_DAYS.toNanos();

        assertThat(TimeParser.withinSkew(time, ARRIVAL_MILLIS, SEVEN_DAYS, TEN_YEARS)).isTrue();
    }

    @Test
    void withinSkew_whenTimeIsOneNanosecondPastMaxFuture_returnsFalse() {
        long time = ARRIVAL_NANOS + SEVEN_DAYS.toNanos() + 1;

        assertThat(TimeParser.withinSkew(time, ARRIVAL_MILLIS, SEVEN_DAYS, TEN_YEARS)).isFalse();
    }

    @Test
    void withinSkew_whenTimeIsExactlyMaxPastBehind_returnsTrue() {
        long time = ARRIVAL_NANOS - TEN_YEARS.toNanos();

        assertThat(TimeParser.withinSkew(time, ARRIVAL_MILLIS, SEVEN_DAYS, TEN_YEARS)).isTrue();
    }

    @Test
    void withinSkew_whenTimeIsOneNanosecondBeyondMaxPast_returnsFalse() {
        long time = ARRIVAL_NANOS - TEN_YEARS.toNanos() - 1;

        assertThat(TimeParser.withinSkew(time, ARRIVAL_MILLIS, SEVEN_DAYS, TEN_YEARS)).isFalse();
    }

    @Test
    void withinSkew_whenSkewsHaveNanosecondParts_keepsEdgesInclusive() {
        Duration future = Duration.ofSeconds(1, 999_999_999);
        Duration past = Duration.ofSeconds(2, 1);

        assertThat(TimeParser.withinSkew(ARRIVAL_NANOS + future.toNanos(), ARRIVAL_MILLIS, future, past)).isTrue();
        assertThat(TimeParser.withinSkew(ARRIVAL_NANOS + future.toNanos() + 1, ARRIVAL_MILLIS, future, past))
                .isFalse();
        assertThat(TimeParser.withinSkew(ARRIVAL_NANOS - past.toNanos(), ARRIVAL_MILLIS, future, past)).isTrue();
        assertThat(TimeParser.withinSkew(ARRIVAL_NANOS - past.toNanos() - 1, ARRIVAL_MILLIS, future, past))
                .isFalse();
    }

    @Test
    void withinSkew_whenSkewsAreZero_acceptsOnlyTheArrivalInstant() {
        assertThat(TimeParser.withinSkew(ARRIVAL_NANOS, ARRIVAL_MILLIS, Duration.ZERO, Duration.ZERO)).isTrue();
        assertThat(TimeParser.withinSkew(ARRIVAL_NANOS + 1, ARRIVAL_MILLIS, Duration.ZERO, Duration.ZERO)).isFalse();
        assertThat(TimeParser.withinSkew(ARRIVAL_NANOS - 1, ARRIVAL_MILLIS, Duration.ZERO, Duration.ZERO)).isFalse();
    }

    @Test
    void withinSkew_whenMaxPastExceedsTheNanosecondRange_acceptsTheEarliestTime() {
        Duration thousandYears = Duration.ofDays(365_250);

        assertThat(TimeParser.withinSkew(Long.MIN_VALUE + 1, ARRIVAL_MILLIS, SEVEN_DAYS, thousandYears)).isTrue();
    }

    @Test
    void withinSkew_whenMaxFutureExceedsTheNanosecondRange_acceptsTheLatestTime() {
        Duration thousandYears = Duration.ofDays(365_250);

        assertThat(TimeParser.withinSkew(Long.MAX_VALUE, ARRIVAL_MILLIS, thousandYears, TEN_YEARS)).isTrue();
    }

    @Test
    void withinSkew_whenArrivalAndSkewsAreExtreme_doesNotOverflow() {
        Duration longest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

        assertThat(TimeParser.withinSkew(0L, Long.MAX_VALUE, longest, longest)).isTrue();
        assertThat(TimeParser.withinSkew(0L, Long.MIN_VALUE, longest, longest)).isTrue();
        assertThat(TimeParser.withinSkew(0L, Long.MAX_VALUE, longest, Duration.ZERO)).isFalse();
        assertThat(TimeParser.withinSkew(0L, Long.MIN_VALUE, Duration.ZERO, longest)).isFalse();
    }

    @Test
    void withinSkew_whenTimeIsInvalid_returnsFalse() {
        Duration longest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

        assertThat(TimeParser.withinSkew(INVALID, ARRIVAL_MILLIS, longest, longest)).isFalse();
    }

    // ---------------------------------------------------------------- oracle

    /** Epoch nanoseconds of an ISO date-time, read by java.time; no offset means UTC. */
    static long javaTimeEpochNanos(String isoText) {
        TemporalAccessor parsed =
                DateTimeFormatter.ISO_DATE_TIME.parseBest(isoText, OffsetDateTime::from, LocalDateTime::from);
        Instant instant = parsed instanceof OffsetDateTime offsetDateTime
                ? offsetDateTime.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        return BigInteger.valueOf(instant.getEpochSecond()).multiply(BigInteger.valueOf(NANOS_PER_SECOND))
                .add(BigInteger.valueOf(instant.getNano())).longValueExact();
    }
}
