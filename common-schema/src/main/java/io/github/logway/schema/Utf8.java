package io.github.logway.schema;

/** UTF-8 checks without decoding. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Returns the index of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlongs, no
     * surrogates, nothing above U+10FFFF), or -1 if the range is valid.
     */
    static int firstInvalid(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            // ASCII fast path, eight bytes at a time where possible.
            while (i + 8 <= end && ((bytes[i] | bytes[i + 1] | bytes[i + 2] | bytes[i + 3] | bytes[i + 4]
                    | bytes[i + 5] | bytes[i + 6] | bytes[i + 7]) & 0x80) == 0) {
                i += 8;
            }
            if (i >= end) {
                break;
            }
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2;
            int max2;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                min2 = 0x80;
                max2 = 0xBF;
            } else if (b == 0xE0) {
                need = 2;
                min2 = 0xA0;
                max2 = 0xBF;
            } else if (b == 0xED) {
                need = 2;
                min2 = 0x80;
                max2 = 0x9F;
            } else if (b >= 0xE1 && b <= 0xEF) {
                need = 2;
                min2 = 0x80;
                max2 = 0xBF;
            } else if (b == 0xF0) {
                need = 3;
                min2 = 0x90;
                max2 = 0xBF;
            } else if (b >= 0xF1 && b <= 0xF3) {
                need = 3;
                min2 = 0x80;
                max2 = 0xBF;
            } else if (b == 0xF4) {
                need = 3;
                min2 = 0x80;
                max2 = 0x8F;
            } else {
                return i;
            }
            if (i + need >= end) {
                return i; // truncated sequence: fewer continuation bytes than the lead byte announces
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int c = bytes[i + k] & 0xFF;
                if (c < 0x80 || c > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }

    /** Number of bytes {@code s} takes in UTF-8 (unpaired surrogates count as the 3-byte replacement). */
    static int encodedLength(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
