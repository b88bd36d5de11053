package io.github.logway.schema;

/** What to do with CloudWatch Logs messages that are not JSON objects ({@code CWL_TEXT_MODE}). */
public enum CwlTextMode {
    /** Divert them as {@code cwl_text_message} (default). */
    REJECT,
    /** Wrap them into {@code {log_type, log_id, time, message}} with the log type mapped from the log group. */
    WRAP
}
