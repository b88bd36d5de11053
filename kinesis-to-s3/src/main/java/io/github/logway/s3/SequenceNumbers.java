package io.github.logway.s3;

/**
 * Orders Kinesis sequence numbers (decimal strings of up to 128 bits, without leading zeros) without parsing
 * them into {@link java.math.BigInteger}s.
 */
final class SequenceNumbers {

    private SequenceNumbers() {
    }

    /** Negative, zero or positive as {@code a} is below, equal to or above {@code b} numerically. */
    static int compare(String a, String b) {
        String x = stripLeadingZeros(a);
        String y = stripLeadingZeros(b);
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return x.compareTo(y);
    }

    /** The lower of two sequence numbers; {@code null} counts as none. */
    static String min(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return compare(a, b) <= 0 ? a : b;
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return i == 0 ? s : s.substring(i);
    }
}
