package io.github.logway.local.replay;

import io.github.logway.schema.RejectReason;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an object key says about the object before it is read: a failed-log object (reason and the key's time,
 * in the writer's zone), an S3 on-failure object (the UTC time Lambda discarded the batch), a replay marker, or
 * something else (classified by its content once read).
 */
sealed interface SourceKey {

    /** The suffix of the marker object replay writes next to a replayed object. */
    String MARKER_SUFFIX = ".replayed";

    /**
     * {@code .../{reason}/{yyyy-MM}/{dd}/{yyyy-MM-dd-HH:mm:ss}-{...}.gz}, the key layout of
     * {@code FailedLogWriter}.
     */
    Pattern FAILED_LOG = Pattern.compile(
            "(?:^|/)([a-z0-9_]+)/(\\d{4}-\\d{2})/(\\d{2})/(\\d{4}-\\d{2}-\\d{2}-\\d{2}:\\d{2}:\\d{2})-[^/]+\\.gz$");

    /**
     * {@code aws/lambda/<ESM UUID>/<shard ID>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<UUID>}, the key Lambda gives an S3
     * on-failure object.
     */
    Pattern ON_FAILURE = Pattern.compile(
            "(?:^|/)aws/lambda/[^/]+/[^/]+/\\d{4}/\\d{2}/\\d{2}/(\\d{4}-\\d{2}-\\d{2}T\\d{2}\\.\\d{2}\\.\\d{2})-[^/]+$");

    DateTimeFormatter FAILED_LOG_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH:mm:ss");
    DateTimeFormatter ON_FAILURE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH.mm.ss");

    /** A failed-log key: its reason and its time read as if it were UTC. */
    record FailedLogKey(RejectReason reason, Instant timeAsUtc) implements SourceKey {
    }

    /** An S3 on-failure key: the UTC time the batch was discarded. */
    record OnFailureKey(Instant time) implements SourceKey {
    }

    /** A {@code .replayed} marker (or a folder placeholder): never a source. */
    record NotASource() implements SourceKey {
    }

    /** Any other key: the content decides. */
    record OtherKey() implements SourceKey {
    }

    /** Classifies {@code key}. */
    static SourceKey of(String key) {
        if (key.endsWith(MARKER_SUFFIX) || key.endsWith("/") || key.isEmpty()) {
            return new NotASource();
        }
        Matcher failedLog = FAILED_LOG.matcher(key);
        if (failedLog.find()) {
            RejectReason reason = RejectReason.fromCode(failedLog.group(1));
            Instant time = parse(failedLog.group(4), FAILED_LOG_TIME);
            if (reason != null && time != null) {
                return new FailedLogKey(reason, time);
            }
        }
        Matcher onFailure = ON_FAILURE.matcher(key);
        if (onFailure.find()) {
            Instant time = parse(onFailure.group(1), ON_FAILURE_TIME);
            if (time != null) {
                return new OnFailureKey(time);
            }
        }
        return new OtherKey();
    }

    private static Instant parse(String text, DateTimeFormatter format) {
        try {
            return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
