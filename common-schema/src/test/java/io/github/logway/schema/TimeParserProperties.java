package io.github.logway.schema;

import static io.github.logway.schema.TimeParser.INVALID;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class TimeParserProperties {

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger NANOS_PER_MILLI = BigInteger.valueOf(1_000_000L);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** 2000-01-01T00:00:00Z and 2040-01-01T00:00:00Z in epoch nanoseconds: where real log times lie. */
    private static final long RECENT_START_NANOS = 946_684_800L * 1_000_000_000L;
    private static final long RECENT_END_NANOS = 2_208_988_800L * 1_000_000_000L;
    /** Below 2^33 seconds a double carries better than half a microsecond, so rounding to micros is exact. */
    private static final long EXACT_DOUBLE_SECONDS_MICROS = (1L << 33) * 1_000_000L;
    /** Below 2^42 milliseconds a double carries better than half a microsecond, so rounding to micros is exact. */
    private static final long EXACT_DOUBLE_MILLIS_MICROS = (1L << 42) * 1_000L;

    /**
     * The grammar of TimeParser's class comment, written independently as a regular expression; java.time
     * then checks the values. Used as the oracle for mutated texts.
     */
    private static final Pattern ISO_GRAMMAR = Pattern.compile(
            "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})"
                    + "(?:[.,]([0-9]{1,9}))?(?:([Zz])|([+-])([0-9]{2})(?::?([0-9]{2}))?)?");

    // ---------------------------------------------------------------- ISO text

    @Property
    void parseIso_whenJavaTimeFormatsAnInstant_returnsItTruncatedToThePrintedDigits(
            @ForAll("supportedEpochNanos") long epochNanos,
            @ForAll("wholeMinuteOffsets") ZoneOffset offset,
            @ForAll("offsetPatterns") String offsetPattern,
            @ForAll @IntRange(min = 0, max = 9) int fractionDigits,
            @ForAll("dateTimeSeparators") char dateTimeSeparator,
            @ForAll("fractionSeparators") char fractionSeparator) {
        Instant instant = instantOf(epochNanos);
        String pattern = "uuuu-MM-dd'T'HH:mm:ss" + (fractionDigits == 0 ? "" : "." + "S".repeat(fractionDigits))
                + offsetPattern;
        ZoneOffset printedOffset = offsetPattern.isEmpty() ? ZoneOffset.UTC : offset;
        StringBuilder text = new StringBuilder(
                DateTimeFormatter.ofPattern(pattern).format(instant.atOffset(printedOffset)));
        text.setCharAt(10, dateTimeSeparator);
        if (fractionDigits > 0) {
            text.setCharAt(19, fractionSeparator);
        }
        long divisor = BigInteger.TEN.pow(9 - fractionDigits).longValueExact();
        long truncatedNano = instant.getNano() - instant.getNano() % divisor;

        assertThat(TimeParser.parseIso(text)).isEqualTo(epochNanosOrInvalid(instant.getEpochSecond(), truncatedNano));
    }

    @Property
    void parseIso_whenNineFractionDigitsAndAnOffset_returnsTheExactInstant(
            @ForAll("supportedEpochNanos") long epochNanos, @ForAll("wholeMinuteOffsets") ZoneOffset offset) {
        String nineDigits = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX")
                .format(instantOf(epochNanos).atOffset(offset));

        assertThat(TimeParser.parseIso(nineDigits)).isEqualTo(epochNanos);
    }

    @Property(tries = 3000)
    void parseIso_whenAValidTextIsMutated_agreesWithAnIndependentOracle(@ForAll("mutatedTexts") String text) {
        long expected = oracleEpochNanos(text);
        Statistics.label("oracle").collect(expected == INVALID ? "invalid" : "valid");

        assertThat(TimeParser.parseIso(text)).isEqualTo(expected);

        Statistics.label("oracle").coverage(coverage -> {
            coverage.check("valid").percentage(percent -> percent > 5);
            coverage.check("invalid").percentage(percent -> percent > 20);
        });
    }

    @Property
    void parseIso_whenTheTextIsASliceOfAnyBuffer_ignoresTheCharsAround(
            @ForAll("mutatedTexts") String text, @ForAll("junk") String before, @ForAll("junk") String after) {
        char[] buffer = (before + text + after).toCharArray();

        assertThat(TimeParser.parseIso(buffer, before.length(), text.length())).isEqualTo(TimeParser.parseIso(text));
    }

    // ---------------------------------------------------------------- epoch numbers

    @Property
    void fromEpochNumber_whenIntegerSecondsFitTheRange_returnsThoseSeconds(
            @ForAll @LongRange(min = -9_223_372_036L, max = 9_223_372_036L) long seconds) {
        assertThat(TimeParser.fromEpochNumber(seconds)).isEqualTo(nanosOf(Instant.ofEpochSecond(seconds)));
    }

    @Property
    void fromEpochNumber_whenIntegerSecondsOverflowTheRange_returnsInvalid(
            @ForAll @LongRange(min = 9_223_372_037L, max = 99_999_999_999L) long magnitude,
            @ForAll boolean negative) {
        assertThat(TimeParser.fromEpochNumber(negative ? -magnitude : magnitude)).isEqualTo(INVALID);
    }

    @Property
    void fromEpochNumber_whenIntegerMillisFitTheRange_returnsThoseMillis(
            @ForAll @LongRange(min = 100_000_000_000L, max = 9_223_372_036_854L) long magnitude,
            @ForAll boolean negative) {
        long millis = negative ? -magnitude : magnitude;

        assertThat(TimeParser.fromEpochNumber(millis)).isEqualTo(nanosOf(Instant.ofEpochMilli(millis)));
    }

    @Property
    void fromEpochNumber_whenIntegerMillisOverflowTheRange_returnsInvalid(
            @ForAll @LongRange(min = 9_223_372_036_855L, max = Long.MAX_VALUE) long magnitude,
            @ForAll boolean negative) {
        assertThat(TimeParser.fromEpochNumber(negative ? -magnitude : magnitude)).isEqualTo(INVALID);
    }

    @Property
    void fromEpochNumber_whenDoubleOfWholeMillis_returnsThoseMillis(
            @ForAll @LongRange(min = 100_000_000_000L, max = 9_223_372_036_854L) long magnitude,
            @ForAll boolean negative) {
        long millis = negative ? -magnitude : magnitude;

        assertThat(TimeParser.fromEpochNumber((double) millis)).isEqualTo(nanosOf(Instant.ofEpochMilli(millis)));
    }

    @Property
    void fromEpochNumber_whenDoubleSecondsWithMicros_returnsThoseMicros(
            @ForAll("exactDoubleSecondsMicros") long micros) {
        double seconds = micros / 1e6;

        assertThat(TimeParser.fromEpochNumber(seconds)).isEqualTo(micros * 1_000L);
    }

    @Property
    void fromEpochNumber_whenDoubleMillisWithMicros_returnsThoseMicros(
            @ForAll @LongRange(min = 100_000_000_000_000L, max = EXACT_DOUBLE_MILLIS_MICROS) long magnitude,
            @ForAll boolean negative) {
        long micros = negative ? -magnitude : magnitude;
        double millis = micros / 1e3;

        assertThat(TimeParser.fromEpochNumber(millis)).isEqualTo(micros * 1_000L);
    }

    @Property
    void fromEpochNumber_whenAnyDouble_isInvalidOrAWholeMicrosecond(@ForAll double value) {
        long nanos = TimeParser.fromEpochNumber(value);

        assertThat(nanos == INVALID || nanos % 1_000L == 0).as("%s -> %s", value, nanos).isTrue();
    }

    // ---------------------------------------------------------------- skew

    @Property
    void withinSkew_agreesWithUnboundedArithmetic(
            @ForAll("skewTimes") long timeNanos,
            @ForAll("arrivalMillis") long arrivalMillis,
            @ForAll("skews") Duration maxFuture,
            @ForAll("skews") Duration maxPast) {
        BigInteger time = BigInteger.valueOf(timeNanos);
        BigInteger arrival = BigInteger.valueOf(arrivalMillis).multiply(NANOS_PER_MILLI);
        boolean expected = timeNanos != INVALID
                && time.compareTo(arrival.subtract(nanosOf(maxPast))) >= 0
                && time.compareTo(arrival.add(nanosOf(maxFuture))) <= 0;

        Statistics.label("within").collect(expected);

        assertThat(TimeParser.withinSkew(timeNanos, arrivalMillis, maxFuture, maxPast)).isEqualTo(expected);

        Statistics.label("within").coverage(coverage -> {
            coverage.check(true).percentage(percent -> percent > 10);
            coverage.check(false).percentage(percent -> percent > 10);
        });
    }

    @Property
    void withinSkew_whenTimeIsOnABound_includesItAndExcludesTheNanosecondBeyond(
            @ForAll("recentEpochMillis") long arrivalMillis,
            @ForAll("realisticSkews") Duration maxFuture,
            @ForAll("realisticSkews") Duration maxPast) {
        long arrivalNanos = arrivalMillis * 1_000_000L;
        long latest = arrivalNanos + maxFuture.toNanos();
        long earliest = arrivalNanos - maxPast.toNanos();

        assertThat(TimeParser.withinSkew(latest, arrivalMillis, maxFuture, maxPast)).as("latest").isTrue();
        assertThat(TimeParser.withinSkew(latest + 1, arrivalMillis, maxFuture, maxPast)).as("after latest").isFalse();
        assertThat(TimeParser.withinSkew(earliest, arrivalMillis, maxFuture, maxPast)).as("earliest").isTrue();
        assertThat(TimeParser.withinSkew(earliest - 1, arrivalMillis, maxFuture, maxPast)).as("before earliest")
                .isFalse();
    }

    @Property
    void withinSkew_whenTimeIsWithinDefaultSkewOfArrival_returnsTrue(
            @ForAll("recentEpochMillis") long arrivalMillis,
            @ForAll @LongRange(min = -3_650L * 86_400_000L, max = 7L * 86_400_000L) long offsetMillis) {
        long timeNanos = (arrivalMillis + offsetMillis) * 1_000_000L;

        assertThat(TimeParser.withinSkew(
                timeNanos, arrivalMillis, SchemaRules.DEFAULT_MAX_TIME_SKEW_FUTURE,
                SchemaRules.DEFAULT_MAX_TIME_SKEW_PAST)).isTrue();
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Long> supportedEpochNanos() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE),
                Arbitraries.longs().between(RECENT_START_NANOS, RECENT_END_NANOS));
    }

    @Provide
    Arbitrary<Long> recentEpochMillis() {
        return Arbitraries.longs().between(RECENT_START_NANOS / 1_000_000L, RECENT_END_NANOS / 1_000_000L);
    }

    @Provide
    Arbitrary<ZoneOffset> wholeMinuteOffsets() {
        return Arbitraries.integers().between(-18 * 60, 18 * 60)
                .map(minutes -> ZoneOffset.ofTotalSeconds(minutes * 60));
    }

    /**
     * java.time offset patterns: Z or +HH:MM; always +HH:MM; +HHMM; +HH or +HHMM; Z or +HH or +HHMM; and none, for
     * which the text is printed in UTC.
     */
    @Provide
    Arbitrary<String> offsetPatterns() {
        return Arbitraries.of("XXX", "xxx", "xx", "x", "X", "");
    }

    @Provide
    Arbitrary<Character> dateTimeSeparators() {
        return Arbitraries.of('T', 't', ' ');
    }

    @Provide
    Arbitrary<Character> fractionSeparators() {
        return Arbitraries.of('.', ',');
    }

    @Provide
    Arbitrary<Long> exactDoubleSecondsMicros() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-EXACT_DOUBLE_SECONDS_MICROS + 1, EXACT_DOUBLE_SECONDS_MICROS - 1),
                Arbitraries.longs().between(RECENT_START_NANOS / 1_000L, RECENT_END_NANOS / 1_000L));
    }

    /** Times from anywhere in the long range (the sentinel included), with weight on recent times. */
    @Provide
    Arbitrary<Long> skewTimes() {
        return Arbitraries.oneOf(
                Arbitraries.longs(), Arbitraries.longs().between(RECENT_START_NANOS, RECENT_END_NANOS));
    }

    /** Arrivals from anywhere in the long range, with weight on recent times. */
    @Provide
    Arbitrary<Long> arrivalMillis() {
        return Arbitraries.oneOf(Arbitraries.longs(), recentEpochMillis());
    }

    /** Up to about 55 years, to the nanosecond. */
    @Provide
    Arbitrary<Duration> realisticSkews() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(0, 20_000L * 86_400L);
        return Combinators.combine(seconds, Arbitraries.integers().between(0, 999_999_999)).as(Duration::ofSeconds);
    }

    /** Durations from nothing to the largest a Duration holds, including the defaults and negative nonsense. */
    @Provide
    Arbitrary<Duration> skews() {
        Arbitrary<Duration> any = Combinators.combine(
                        Arbitraries.longs(), Arbitraries.integers().between(0, 999_999_999))
                .as(Duration::ofSeconds);
        Arbitrary<Duration> realistic = Arbitraries.longs().between(0, 20_000L * 86_400_000L).map(Duration::ofMillis);
        return Arbitraries.frequencyOf(
                Tuple.of(1, any),
                Tuple.of(3, realistic),
                Tuple.of(1, Arbitraries.of(
                        Duration.ZERO, SchemaRules.DEFAULT_MAX_TIME_SKEW_FUTURE, SchemaRules.DEFAULT_MAX_TIME_SKEW_PAST,
                        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE))));
    }

    /** A formatted time with one or two characters replaced, inserted or removed. */
    @Provide
    Arbitrary<String> mutatedTexts() {
        Arbitrary<String> valid = Combinators.combine(
                        supportedEpochNanos(), wholeMinuteOffsets(), Arbitraries.integers().between(0, 9))
                .as((nanos, offset, digits) -> DateTimeFormatter.ofPattern(
                                "uuuu-MM-dd'T'HH:mm:ss" + (digits == 0 ? "" : "." + "S".repeat(digits)) + "XXX")
                        .format(instantOf(nanos).atOffset(offset)));
        Arbitrary<Character> replacement = Arbitraries.of(
                '0', '1', '2', '3', '5', '6', '9', '-', ':', 'T', 't', ' ', 'Z', 'z', '+', '.', ',', 'x', '\u0660');
        return valid.flatMap(text -> mutation(text, replacement).list().ofMinSize(1).ofMaxSize(2)
                .map(edits -> {
                    StringBuilder mutated = new StringBuilder(text);
                    for (Edit edit : edits) {
                        edit.applyTo(mutated);
                    }
                    return mutated.toString();
                }));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings().withChars("0123456789:+-.,Z\" ").ofMaxLength(4);
    }

    private static Arbitrary<Edit> mutation(String text, Arbitrary<Character> replacement) {
        return Combinators.combine(
                        Arbitraries.of(EditKind.class),
                        Arbitraries.integers().between(0, text.length() + 2),
                        replacement)
                .as(Edit::new);
    }

    private enum EditKind { REPLACE, INSERT, DELETE }

    private record Edit(EditKind kind, int position, char replacement) {
        void applyTo(StringBuilder text) {
            if (text.length() == 0) {
                text.append(replacement);
                return;
            }
            int at = Math.min(position, text.length() - 1);
            switch (kind) {
                case REPLACE -> text.setCharAt(at, replacement);
                case INSERT -> text.insert(Math.min(position, text.length()), replacement);
                case DELETE -> text.deleteCharAt(at);
            }
        }
    }

    // ---------------------------------------------------------------- oracles

    /** What TimeParser should return for any text: the grammar by regular expression, the values by java.time. */
    private static long oracleEpochNanos(String text) {
        Matcher match = ISO_GRAMMAR.matcher(text);
        if (!match.matches()) {
            return INVALID;
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)),
                    Integer.parseInt(match.group(3)), Integer.parseInt(match.group(4)),
                    Integer.parseInt(match.group(5)), Integer.parseInt(match.group(6)));
            String fraction = match.group(7) == null ? "" : match.group(7);
            int nano = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
            ZoneOffset offset = ZoneOffset.UTC;
            if (match.group(9) != null) {
                int sign = match.group(9).equals("-") ? -1 : 1;
                int hours = Integer.parseInt(match.group(10));
                int minutes = match.group(11) == null ? 0 : Integer.parseInt(match.group(11));
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            }
            Instant instant = OffsetDateTime.of(local, offset).toInstant();
            return epochNanosOrInvalid(instant.getEpochSecond(), nano);
        } catch (DateTimeException e) {
            return INVALID; // no such date, hour 24, second 60, offset beyond 18 hours or minutes beyond 59
        }
    }

    private static long epochNanosOrInvalid(long epochSecond, long nano) {
        BigInteger nanos = BigInteger.valueOf(epochSecond).multiply(NANOS_PER_SECOND).add(BigInteger.valueOf(nano));
        if (nanos.compareTo(LONG_MIN) <= 0 || nanos.compareTo(LONG_MAX) > 0) {
            return INVALID; // Long.MIN_VALUE itself is the sentinel
        }
        return nanos.longValueExact();
    }

    private static Instant instantOf(long epochNanos) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private static long nanosOf(Instant instant) {
        return epochNanosOrInvalid(instant.getEpochSecond(), instant.getNano());
    }

    private static BigInteger nanosOf(Duration duration) {
        return BigInteger.valueOf(duration.getSeconds()).multiply(NANOS_PER_SECOND)
                .add(BigInteger.valueOf(duration.getNano()));
    }
}
