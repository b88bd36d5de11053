package io.github.logway.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Object keys of archived logs (PRODUCT.md §4), deterministic for a given group of records:
 * <ul>
 *   <li>{@code baikonur}: {@code {prefix}/{log_type}/{yyyy-MM}/{dd}/{yyyy-MM-dd-HH:mm:ss}-{first log_id}{ext}},
 *       the time being the group's first record's in {@code TIMEZONE};
 *   <li>{@code hive}: {@code {prefix}/log_type={t}/dt={yyyy-MM-dd}/hour={HH}/{shard}-{first seq}-{last seq}{ext}}.
 * </ul>
 * No leading slash when the prefix is empty. The log id is percent-encoded (RFC 3986: only unreserved characters
 * {@code A-Z a-z 0-9 - . _ ~} are kept); when the key would pass S3's 1,024 bytes it is replaced by the SHA-256
 * hex of the log id. The log type is used as is: the schema already rejects {@code /}, {@code \}, {@code ..},
 * whitespace and control characters. A group split into several objects gets {@code -part-0001},
 * {@code -part-0002}... before the extension.
 */
final class S3ObjectKeys {

    /** S3's limit on an object key: 1,024 bytes of UTF-8. */
    static final int MAX_KEY_BYTES = 1_024;
    /** Digits of the part number in the keys of a split group. */
    private static final int PART_DIGITS = 4;
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private final String prefix;
    private final String extension;

    /**
     * @param prefix {@code LOG_S3_PREFIX} without leading or trailing slashes, may be empty
     * @param extension {@code .gz}, {@code .zst} or empty
     */
    S3ObjectKeys(String prefix, String extension) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.extension = Objects.requireNonNull(extension, "extension");
    }

    /**
     * A {@code baikonur} key.
     *
     * @param localEpochSecond the group's first record time, seconds since 1970-01-01T00:00 in {@code TIMEZONE}
     * @param part this object's part number, from 1
     * @param parts how many objects the group is split into
     */
    String baikonur(String logType, long localEpochSecond, String firstLogId, int part, int parts) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(localEpochSecond, LocalPeriods.SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(localEpochSecond, LocalPeriods.SECONDS_PER_DAY);
        StringBuilder head = new StringBuilder(128);
        appendPrefix(head);
        head.append(logType).append('/');
        appendYearMonth(head, date).append('/');
        pad2(head, date.getDayOfMonth()).append('/');
        appendDate(head, date).append('-');
        pad2(head, secondOfDay / 3_600).append(':');
        pad2(head, secondOfDay / 60 % 60).append(':');
        pad2(head, secondOfDay % 60).append('-');
        String tail = partSuffix(part, parts) + extension;
        String key = head + percentEncode(firstLogId) + tail;
        if (utf8Length(key) > MAX_KEY_BYTES) {
            key = head + sha256Hex(firstLogId) + tail;
        }
        return key;
    }

    /**
     * A {@code hive} key.
     *
     * @param localEpochHour hours since 1970-01-01T00:00 in {@code TIMEZONE}
     * @param part this object's part number, from 1
     * @param parts how many objects the group is split into
     */
    String hive(String logType, long localEpochHour, String shardId, String firstSequence, String lastSequence,
            int part, int parts) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(localEpochHour, 24));
        StringBuilder key = new StringBuilder(160);
        appendPrefix(key);
        key.append("log_type=").append(logType).append("/dt=");
        appendDate(key, date).append("/hour=");
        pad2(key, (int) Math.floorMod(localEpochHour, 24)).append('/');
        key.append(shardId).append('-').append(firstSequence).append('-').append(lastSequence)
                .append(partSuffix(part, parts)).append(extension);
        return key.toString();
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes: unreserved characters kept, every other byte {@code %XX}. */
    static String percentEncode(String text) {
        int length = text.length();
        int i = 0;
        while (i < length && isUnreserved(text.charAt(i))) {
            i++;
        }
        if (i == length) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX_UPPER[(b >> 4) & 0xF]).append(HEX_UPPER[b & 0xF]);
            }
        }
        return encoded.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes. */
    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private void appendPrefix(StringBuilder key) {
        if (!prefix.isEmpty()) {
            key.append(prefix).append('/');
        }
    }

    private static String partSuffix(int part, int parts) {
        if (parts <= 1) {
            return "";
        }
        String digits = Integer.toString(part);
        return "-part-" + "0".repeat(Math.max(0, PART_DIGITS - digits.length())) + digits;
    }

    private static StringBuilder appendYearMonth(StringBuilder out, LocalDate date) {
        pad4(out, date.getYear()).append('-');
        return pad2(out, date.getMonthValue());
    }

    private static StringBuilder appendDate(StringBuilder out, LocalDate date) {
        appendYearMonth(out, date).append('-');
        return pad2(out, date.getDayOfMonth());
    }

    private static StringBuilder pad2(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }

    private static StringBuilder pad4(StringBuilder out, int value) {
        if (value >= 0 && value < 1000) {
            out.append(value < 10 ? "000" : value < 100 ? "00" : "0");
        }
        return out.append(value);
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
