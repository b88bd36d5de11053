package io.github.logway.core.failedlog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Field names and time format of the failed-log envelope, shared by the writer and the reader. */
final class FailedLogFormat {

    static final String REASON = "reason";
    static final String DETAIL = "detail";
    static final String FUNCTION = "function";
    static final String SOURCE = "source";
    static final String DATA = "data";
    static final String DATA_BASE64 = "data_base64";

    static final String STREAM = "stream";
    static final String SHARD = "shard";
    static final String SEQUENCE = "sequence";
    static final String SUB_SEQUENCE = "sub_sequence";
    static final String EVENT_INDEX = "event_index";
    static final String ARRIVAL_TIME = "arrival_time";
    static final String PARTITION_KEY = "partition_key";

    static final String BUCKET = "bucket";
    static final String KEY = "key";
    static final String LINE = "line";
    static final String EVENT_TIME = "event_time";

    /** {@code 2026-11-24T10:15:30.123Z}: always three fraction digits, UTC. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private FailedLogFormat() {
    }

    static String formatTime(long epochMillis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
    }

    static long parseTime(String text) {
        return Instant.parse(text).toEpochMilli();
    }
}
