package io.github.logway.schema;

import java.time.Duration;
import java.util.Objects;

/**
 * Reads a log record's {@code time} field (PRODUCT.md §2) into epoch nanoseconds, UTC, without allocating and
 * without {@code java.time} parsing: it runs once per log record.
 *
 * <h2>Accepted text</h2>
 * <pre>
 *   yyyy-MM-dd ('T' | 't' | ' ') HH:mm:ss [ ('.' | ',') 1 to 9 digits ] [ offset ]
 *   offset = 'Z' | 'z' | ('+' | '-') HH [ [':'] mm ]
 * </pre>
 * ISO-8601 / RFC 3339 date-time: exactly four year digits, month 1-12, a day that exists in that month of the
 * proleptic Gregorian calendar, hour 0-23, minute 0-59, second 0-59. A leap second ({@code :60}) is
 * {@link #INVALID}: epoch time has no 61st second, and folding it into the next minute would silently move the
 * record; none has been inserted since 2016 and none is planned. The offset is at most ±18:00 (the
 * {@code java.time.ZoneOffset} limit) with minutes 0-59; {@code -00:00} is read as UTC. No offset means UTC.
 * Anything else is {@link #INVALID}: a date alone, a time without seconds, a string of digits, leading or
 * trailing whitespace or junk, more than nine fraction digits, a year with a sign or more than four digits.
 *
 * <h2>Range</h2>
 * Results are epoch nanoseconds in a {@code long}, so the representable instants run from
 * {@code 1677-09-21T00:12:43.145224193Z} ({@code Long.MIN_VALUE + 1}; {@code Long.MIN_VALUE} itself,
 * {@code ...43.145224192Z}, is the {@link #INVALID} sentinel) to {@code 2262-04-11T23:47:16.854775807Z}
 * ({@code Long.MAX_VALUE}). A well-formed time outside that range is {@link #INVALID}, for text and numbers
 * alike.
 *
 * <h2>Numbers</h2>
 * A JSON number is epoch seconds when its absolute value is below 10^11, else epoch milliseconds
 * ({@link #fromEpochNumber(long)}, {@link #fromEpochNumber(double)}). A string of digits is text, not a number,
 * and so {@link #INVALID}.
 */
public final class TimeParser {

    /** Returned for anything that is not a valid time in the supported range. Equal to {@link Long#MIN_VALUE}. */
    public static final long INVALID = Long.MIN_VALUE;

    /** PRODUCT.md §2: a JSON number whose absolute value is below this is epoch seconds, else epoch milliseconds. */
    private static final long EPOCH_SECONDS_LIMIT = 100_000_000_000L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long MILLIS_PER_SECOND = 1_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final int SECONDS_PER_HOUR = 3_600;
    private static final int SECONDS_PER_MINUTE = 60;
    private static final int MAX_OFFSET_HOURS = 18;
    private static final int MAX_FRACTION_DIGITS = 9;

    /** {@code yyyy-MM-ddTHH:mm:ss}. */
    private static final int DATE_TIME_LENGTH = 19;
    /** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnn+HH:MM}. */
    private static final int MAX_TEXT_LENGTH = DATE_TIME_LENGTH + 1 + MAX_FRACTION_DIGITS + 6;

    /** {@code Long.MAX_VALUE} nanoseconds = this many seconds plus {@link #MAX_SECOND_NANOS}. */
    private static final long MAX_SECOND = Math.floorDiv(Long.MAX_VALUE, NANOS_PER_SECOND);
    private static final int MAX_SECOND_NANOS = (int) Math.floorMod(Long.MAX_VALUE, NANOS_PER_SECOND);
    /** {@code Long.MIN_VALUE} nanoseconds = this many seconds plus {@link #MIN_SECOND_NANOS}. */
    private static final long MIN_SECOND = Math.floorDiv(Long.MIN_VALUE, NANOS_PER_SECOND);
    private static final int MIN_SECOND_NANOS = (int) Math.floorMod(Long.MIN_VALUE, NANOS_PER_SECOND);

    /** Epoch milliseconds whose nanoseconds fit a long (both signs). */
    private static final long MAX_ABS_MILLIS = Long.MAX_VALUE / NANOS_PER_MILLI;
    /** Epoch microseconds whose nanoseconds fit a long (both signs). */
    private static final long MAX_ABS_MICROS = Long.MAX_VALUE / NANOS_PER_MICRO;
    /**
     * Above this absolute value a double of epoch milliseconds is out of range whatever its fraction; checking it
     * first keeps the conversions to {@code long} below exact.
     */
    private static final double MAX_ABS_DOUBLE_MILLIS = 1e13;

    /** Multiplier that turns n fraction digits into nanoseconds, indexed by n. */
    private static final int[] FRACTION_SCALE = {
        1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };

    private TimeParser() {
    }

    /**
     * Parses an ISO-8601 date-time (see the class comment) held in {@code chars[offset, offset + length)}, as
     * handed out by Jackson's {@code getTextCharacters()}, {@code getTextOffset()} and {@code getTextLength()}.
     * Reads only that slice; does not allocate.
     *
     * @return epoch nanoseconds (UTC), or {@link #INVALID} when the text is not a valid time in the supported range
     * @throws IndexOutOfBoundsException if the slice does not lie within {@code chars} (a caller bug, not bad data)
     */
    public static long parseIso(char[] chars, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, chars.length);
        if (length < DATE_TIME_LENGTH || length > MAX_TEXT_LENGTH) {
            return INVALID;
        }
        int year = fourDigits(chars, offset);
        if (year < 0 || chars[offset + 4] != '-') {
            return INVALID;
        }
        int month = twoDigits(chars, offset + 5);
        if (month < 1 || month > 12 || chars[offset + 7] != '-') {
            return INVALID;
        }
        int day = twoDigits(chars, offset + 8);
        if (day < 1 || day > lengthOfMonth(year, month)) {
            return INVALID;
        }
        char separator = chars[offset + 10];
        if (separator != 'T' && separator != 't' && separator != ' ') {
            return INVALID;
        }
        int hour = twoDigits(chars, offset + 11);
        if (hour < 0 || hour > 23 || chars[offset + 13] != ':') {
            return INVALID;
        }
        int minute = twoDigits(chars, offset + 14);
        if (minute < 0 || minute > 59 || chars[offset + 16] != ':') {
            return INVALID;
        }
        int second = twoDigits(chars, offset + 17);
        if (second < 0 || second > 59) {
            return INVALID;
        }

        int end = offset + length;
        int position = offset + DATE_TIME_LENGTH;
        int nanos = 0;
        if (position < end && (chars[position] == '.' || chars[position] == ',')) {
            position++;
            int digitsStart = position;
            int digitsLimit = Math.min(end, digitsStart + MAX_FRACTION_DIGITS);
            while (position < digitsLimit) {
                int digit = chars[position] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                nanos = nanos * 10 + digit;
                position++;
            }
            int digitCount = position - digitsStart;
            if (digitCount == 0) {
                return INVALID;
            }
            // A tenth digit is left for the offset below, which refuses it.
            nanos *= FRACTION_SCALE[digitCount];
        }

        int offsetSeconds = 0;
        int remaining = end - position;
        if (remaining > 0) {
            offsetSeconds = offsetSeconds(chars, position, remaining);
            if (offsetSeconds == Integer.MIN_VALUE) {
                return INVALID;
            }
        }

        long epochSecond = daysFromCivil(year, month, day) * SECONDS_PER_DAY
                + hour * SECONDS_PER_HOUR + minute * SECONDS_PER_MINUTE + second - offsetSeconds;
        return epochNanosOrInvalid(epochSecond, nanos);
    }

    /**
     * {@link #parseIso(char[], int, int)} over a whole {@link CharSequence}. A convenience for tests, tools and
     * configuration: it copies the text into a small array; the per-record path uses the {@code char[]} form.
     *
     * @return epoch nanoseconds (UTC), or {@link #INVALID}
     */
    public static long parseIso(CharSequence text) {
        int length = text.length();
        if (length < DATE_TIME_LENGTH || length > MAX_TEXT_LENGTH) {
            return INVALID;
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = text.charAt(i);
        }
        return parseIso(chars, 0, length);
    }

    /**
     * A JSON integer time: epoch seconds when its absolute value is below 10^11, else epoch milliseconds
     * (PRODUCT.md §2). So 99,999,999,999 is seconds (the year 5138, out of range) and 100,000,000,000 is
     * milliseconds (1973-03-03).
     *
     * @return epoch nanoseconds, or {@link #INVALID} when the value does not fit the supported range
     */
    public static long fromEpochNumber(long value) {
        if (value > -EPOCH_SECONDS_LIMIT && value < EPOCH_SECONDS_LIMIT) {
            return epochNanosOrInvalid(value, 0);
        }
        if (value > MAX_ABS_MILLIS || value < -MAX_ABS_MILLIS) {
            return INVALID;
        }
        return value * NANOS_PER_MILLI;
    }

    /**
     * A JSON floating-point time, such as {@code 1732440000.123} (seconds) or {@code 1732440000123.5}
     * (milliseconds): seconds when its absolute value is below 10^11, else milliseconds, as for integers.
     *
     * <p>The result is rounded to whole microseconds. A double near today's epoch seconds carries about 0.2 µs
     * of precision, so finer digits would be noise; rounding to microseconds also turns the binary approximation
     * of a decimal such as {@code .123} back into exactly 123 ms.
     *
     * @return epoch nanoseconds (a multiple of 1,000), or {@link #INVALID} for NaN, an infinity or a value
     *     outside the supported range
     */
    public static long fromEpochNumber(double value) {
        double magnitude = Math.abs(value);
        long microsPerUnit;
        if (magnitude < EPOCH_SECONDS_LIMIT) {
            microsPerUnit = 1_000_000L;
        } else if (magnitude < MAX_ABS_DOUBLE_MILLIS) {
            microsPerUnit = 1_000L;
        } else {
            return INVALID; // also NaN and the infinities, for which every comparison is false
        }
        // Both conversions are exact: |whole| < 10^13 fits a long, and value - floor(value) loses no bits.
        double whole = Math.floor(value);
        long micros = (long) whole * microsPerUnit + Math.round((value - whole) * microsPerUnit);
        if (micros > MAX_ABS_MICROS || micros < -MAX_ABS_MICROS) {
            return INVALID;
        }
        return micros * NANOS_PER_MICRO;
    }

    /**
     * Whether a record's time lies within the allowed skew of its arrival:
     * {@code arrival - maxPast <= time <= arrival + maxFuture}, both edges inclusive. Exact for every input: the
     * bounds are computed in seconds plus nanoseconds, and a bound beyond the {@code long} range of seconds
     * saturates, which cannot change the answer because every time lies well inside it. So a skew of thousands
     * of years means "anything", not an overflowed bound. {@link #INVALID} is never within skew. Does not allocate.
     *
     * @param timeNanos the record's time, epoch nanoseconds
     * @param arrivalEpochMillis when the record arrived (Kinesis approximate arrival timestamp), epoch milliseconds
     * @param maxFuture how far after its arrival a record's time may lie ({@code MAX_TIME_SKEW_FUTURE})
     * @param maxPast how far before its arrival a record's time may lie ({@code MAX_TIME_SKEW_PAST})
     */
    public static boolean withinSkew(long timeNanos, long arrivalEpochMillis, Duration maxFuture, Duration maxPast) {
        if (timeNanos == INVALID) {
            return false;
        }
        long timeSecond = Math.floorDiv(timeNanos, NANOS_PER_SECOND);
        int timeNano = (int) Math.floorMod(timeNanos, NANOS_PER_SECOND);
        long arrivalSecond = Math.floorDiv(arrivalEpochMillis, MILLIS_PER_SECOND);
        int arrivalNano = (int) (Math.floorMod(arrivalEpochMillis, MILLIS_PER_SECOND) * NANOS_PER_MILLI);

        long latestSecond = saturatedAdd(arrivalSecond, maxFuture.getSeconds());
        int latestNano = arrivalNano + maxFuture.getNano(); // both below 10^9: no int overflow
        if (latestNano >= NANOS_PER_SECOND) {
            latestNano -= (int) NANOS_PER_SECOND;
            latestSecond = saturatedAdd(latestSecond, 1);
        }
        if (timeSecond > latestSecond || (timeSecond == latestSecond && timeNano > latestNano)) {
            return false;
        }

        long earliestSecond = saturatedSubtract(arrivalSecond, maxPast.getSeconds());
        int earliestNano = arrivalNano - maxPast.getNano();
        if (earliestNano < 0) {
            earliestNano += (int) NANOS_PER_SECOND;
            earliestSecond = saturatedSubtract(earliestSecond, 1);
        }
        return timeSecond > earliestSecond || (timeSecond == earliestSecond && timeNano >= earliestNano);
    }

    /**
     * Reads an offset ({@code Z}, {@code ±HH}, {@code ±HHMM}, {@code ±HH:MM}) filling exactly {@code length}
     * chars; returns seconds east of UTC, or {@link Integer#MIN_VALUE} when it is not one.
     */
    private static int offsetSeconds(char[] chars, int position, int length) {
        char sign = chars[position];
        if (sign == 'Z' || sign == 'z') {
            return length == 1 ? 0 : Integer.MIN_VALUE;
        }
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int hours;
        int minutes;
        switch (length) {
            case 3: // +HH
                hours = twoDigits(chars, position + 1);
                minutes = 0;
                break;
            case 5: // +HHMM
                hours = twoDigits(chars, position + 1);
                minutes = twoDigits(chars, position + 3);
                break;
            case 6: // +HH:MM
                hours = twoDigits(chars, position + 1);
                minutes = chars[position + 3] == ':' ? twoDigits(chars, position + 4) : -1;
                break;
            default:
                return Integer.MIN_VALUE;
        }
        if (hours < 0 || minutes < 0 || minutes > 59
                || hours > MAX_OFFSET_HOURS || (hours == MAX_OFFSET_HOURS && minutes > 0)) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * SECONDS_PER_HOUR + minutes * SECONDS_PER_MINUTE;
        return sign == '-' ? -seconds : seconds;
    }

    /**
     * Whether text that {@link #parseIso} refused is a well-formed date-time of the accepted grammar whose instant
     * lies outside the representable range (years before 1677 or after 2262, such as {@code 9999-12-31T23:59:59Z}):
     * such a time is out of range, not malformed. Slow (a regular expression and {@code java.time}): for the
     * rejection path only.
     *
     * @param text the field's text
     * @return true when every field is valid and only the range is exceeded
     */
    public static boolean isWellFormedBeyondRange(CharSequence text) {
        java.util.regex.Matcher matcher = WELL_FORMED.matcher(text);
        if (!matcher.matches() || parseIso(text) != INVALID) {
            return false;
        }
        try {
            java.time.LocalDateTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)),
                    Integer.parseInt(matcher.group(5)), Integer.parseInt(matcher.group(6)));
        } catch (java.time.DateTimeException invalidField) {
            return false;
        }
        String offsetHours = matcher.group(8);
        String offsetMinutes = matcher.group(9);
        return (offsetHours == null || Integer.parseInt(offsetHours) < MAX_OFFSET_HOURS
                        || Integer.parseInt(offsetHours) == MAX_OFFSET_HOURS
                                && (offsetMinutes == null || Integer.parseInt(offsetMinutes) == 0))
                && (offsetMinutes == null || Integer.parseInt(offsetMinutes) < SECONDS_PER_MINUTE);
    }

    /** The accepted grammar without its range checks (see the class comment), for {@link #isWellFormedBeyondRange}. */
    private static final java.util.regex.Pattern WELL_FORMED = java.util.regex.Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:[.,]\\d{1,9})?"
                    + "(?:[Zz]|([+-])(\\d{2})(?::?(\\d{2}))?)?");

    /** Epoch seconds plus nanoseconds of that second (0-999,999,999) as epoch nanoseconds, or {@link #INVALID}. */
    private static long epochNanosOrInvalid(long epochSecond, int nanos) {
        if (epochSecond > MIN_SECOND && epochSecond < MAX_SECOND) {
            return epochSecond * NANOS_PER_SECOND + nanos;
        }
        if (epochSecond == MAX_SECOND && nanos <= MAX_SECOND_NANOS) {
            return epochSecond * NANOS_PER_SECOND + nanos;
        }
        if (epochSecond == MIN_SECOND && nanos > MIN_SECOND_NANOS) {
            // The product wraps below Long.MIN_VALUE, the sum wraps back: two's complement arithmetic is exact
            // modulo 2^64, and the true result lies within the long range.
            return epochSecond * NANOS_PER_SECOND + nanos;
        }
        return INVALID; // out of range, or exactly Long.MIN_VALUE, the sentinel
    }

    /**
     * Days from 1970-01-01 to a proleptic Gregorian date; Howard Hinnant's {@code days_from_civil}
     * (https://howardhinnant.github.io/date_algorithms.html). Year 0-9999 here, so the era is never negative
     * except for January and February of year 0, which the floor division handles.
     */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeapYear(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Two ASCII digits as 0-99, or -1. */
    private static int twoDigits(char[] chars, int position) {
        int tens = chars[position] - '0';
        int ones = chars[position + 1] - '0';
        if (tens < 0 || tens > 9 || ones < 0 || ones > 9) {
            return -1;
        }
        return tens * 10 + ones;
    }

    /** Four ASCII digits as 0-9999, or -1. */
    private static int fourDigits(char[] chars, int position) {
        int high = twoDigits(chars, position);
        int low = twoDigits(chars, position + 2);
        if (high < 0 || low < 0) {
            return -1;
        }
        return high * 100 + low;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    private static long saturatedSubtract(long a, long b) {
        long difference = a - b;
        if (((a ^ b) & (a ^ difference)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return difference;
    }
}
