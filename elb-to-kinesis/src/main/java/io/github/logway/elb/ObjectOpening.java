package io.github.logway.elb;

import java.io.InputStream;
import java.util.Objects;

/** What {@link AccessLogSource#open} found: an {@link Opened} object or a {@link Missing} one. */
public sealed interface ObjectOpening permits ObjectOpening.Opened, ObjectOpening.Missing {

    /**
     * The object's bytes from the requested offset.
     *
     * @param body the stream (raw object bytes, still gzip-compressed for {@code .gz}); the caller closes it
     * @param eTag the object's ETag without quotes
     */
    record Opened(InputStream body, String eTag) implements ObjectOpening {

        public Opened {
            Objects.requireNonNull(body, "body");
            eTag = normalizeETag(eTag);
        }
    }

    /** No such key: the object was deleted (or never existed). */
    record Missing() implements ObjectOpening {
    }

    /** An ETag without surrounding quotes ({@code GetObject} quotes it, S3 notifications do not). */
    static String normalizeETag(String eTag) {
        Objects.requireNonNull(eTag, "eTag");
        if (eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }
}
