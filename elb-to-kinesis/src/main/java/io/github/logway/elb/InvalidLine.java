package io.github.logway.elb;

import java.util.Objects;

/**
 * A line that does not parse as an access-log entry: diverted as {@code invalid_access_log_line}.
 *
 * @param detail why, naming the field (never the line's content)
 */
public record InvalidLine(String detail) implements LineOutcome {

    public InvalidLine {
        Objects.requireNonNull(detail, "detail");
    }
}
