package io.github.logway.core.log;

/** Severity of the function's own log lines ({@code LOG_LEVEL}), from the most to the least verbose. */
public enum LogLevel {
    DEBUG,
    INFO,
    WARN,
    ERROR;

    /** Whether a line at {@code level} is written when this is the threshold. */
    public boolean allows(LogLevel level) {
        return level.compareTo(this) >= 0;
    }
}
