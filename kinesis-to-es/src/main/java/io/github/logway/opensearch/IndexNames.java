package io.github.logway.opensearch;

import io.github.logway.schema.LogRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Daily index names {@code {prefix}-{log_type}-{yyyyMMdd}} (PRODUCT.md §5): the log type lowercased, the date of
 * the record's own time in {@code TIMEZONE}, the whole name checked against OpenSearch's index-name rules.
 *
 * <p>Caches per log type and day, so the hot path does no formatting. Not thread-safe: one per sink.
 */
final class IndexNames {

    /** Characters OpenSearch refuses in index names ({@code :} since 7.0), and whitespace. */
    private static final String FORBIDDEN = "\\/*?\"<>|,#: \t\r\n";

    private static final int SECONDS_PER_DAY = 86_400;

    /** Log types remembered at most; past this the cache starts over (bounds memory across warm invocations). */
    private static final int MAX_CACHED_LOG_TYPES = 10_000;

    private final String prefix;
    private final ZoneRules rules;
    private final boolean fixedOffset;
    private final int fixedOffsetSeconds;
    private final Map<String, TypeEntry> byLogType = new HashMap<>();

    /**
     * @param prefix the lowercased {@code INDEX_NAME_PREFIX}, already validated
     * @param zone the zone of the index date
     */
    IndexNames(String prefix, ZoneId zone) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.fixedOffsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    /**
     * The index of one record.
     *
     * @param record a valid log record
     * @return the index name, or {@code null} when the log type makes no valid index name (see {@link
     *     #problemWithLogType})
     */
    String indexOf(LogRecord record) {
        TypeEntry entry = byLogType.get(record.logType());
        if (entry == null) {
            entry = newEntry(record.logType());
            if (byLogType.size() >= MAX_CACHED_LOG_TYPES) {
                byLogType.clear();
            }
            byLogType.put(record.logType(), entry);
        }
        if (entry.namePrefix == null) {
            return null;
        }
        long epochSecond = Math.floorDiv(record.timeEpochNanos(), 1_000_000_000L);
        int offset = fixedOffset ? fixedOffsetSeconds : rules.getOffset(Instant.ofEpochSecond(epochSecond))
                .getTotalSeconds();
        long epochDay = Math.floorDiv(epochSecond + offset, SECONDS_PER_DAY);
        if (epochDay != entry.lastDay) {
            entry.lastDay = epochDay;
            entry.lastName = entry.namePrefix + day(epochDay);
        }
        return entry.lastName;
    }

    /**
     * Why the log type gives no valid index name, for the failed log's detail.
     *
     * @param logType the record's log type
     * @return the problem, or {@code null} when the name is valid
     */
    String problemWithLogType(String logType) {
        String name = prefix + "-" + logType.toLowerCase(Locale.ROOT) + "-00000000";
        // The log type is a name of its own inside the index name: it follows the same leading-character rule
        // (PRODUCT.md §2), although the prefix always comes first.
        char first = logType.isEmpty() ? 'x' : logType.charAt(0);
        if (first == '_' || first == '-' || first == '+') {
            return "log type '" + logType + "' must not start with _, - or +";
        }
        String problem = problemWithName(name);
        return problem == null ? null : "index name '" + name.substring(0, name.length() - 8) + "yyyyMMdd' " + problem;
    }

    /**
     * Checks a lowercase index name (or prefix) against OpenSearch's rules.
     *
     * @param name the name
     * @return what is wrong, or {@code null} when valid
     */
    static String problemWithName(String name) {
        if (name.isEmpty()) {
            return "must not be empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c)) {
                return "must not contain any of \\ / * ? \" < > | , # : or whitespace";
            }
        }
        char first = name.charAt(0);
        if (first == '_' || first == '-' || first == '+') {
            return "must not start with _, - or +";
        }
        if (name.equals(".") || name.equals("..")) {
            return "must not be . or ..";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > OpenSearchLimits.MAX_INDEX_NAME_BYTES) {
            return "must be at most " + OpenSearchLimits.MAX_INDEX_NAME_BYTES + " bytes";
        }
        return null;
    }

    private TypeEntry newEntry(String logType) {
        return new TypeEntry(problemWithLogType(logType) == null
                ? prefix + "-" + logType.toLowerCase(Locale.ROOT) + "-"
                : null);
    }

    private static String day(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        int month = date.getMonthValue();
        int dayOfMonth = date.getDayOfMonth();
        char[] digits = new char[8];
        digits[0] = (char) ('0' + year / 1000 % 10);
        digits[1] = (char) ('0' + year / 100 % 10);
        digits[2] = (char) ('0' + year / 10 % 10);
        digits[3] = (char) ('0' + year % 10);
        digits[4] = (char) ('0' + month / 10);
        digits[5] = (char) ('0' + month % 10);
        digits[6] = (char) ('0' + dayOfMonth / 10);
        digits[7] = (char) ('0' + dayOfMonth % 10);
        return new String(digits);
    }

    /** The validated {@code prefix-type-} part of one log type and its last computed day. */
    private static final class TypeEntry {
        private final String namePrefix;
        private long lastDay = Long.MIN_VALUE;
        private String lastName;

        private TypeEntry(String namePrefix) {
            this.namePrefix = namePrefix;
        }
    }
}
