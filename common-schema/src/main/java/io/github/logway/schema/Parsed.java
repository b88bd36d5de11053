package io.github.logway.schema;

import java.util.Objects;

/** A valid log event. */
public record Parsed(LogRecord record) implements ParseResult {

    public Parsed {
        Objects.requireNonNull(record, "record");
    }

    @Override
    public EventRef ref() {
        return record.ref();
    }
}
