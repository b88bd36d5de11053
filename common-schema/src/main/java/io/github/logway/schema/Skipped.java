package io.github.logway.schema;

/**
 * An event that is neither delivered nor diverted by design: a CloudWatch Logs {@code CONTROL_MESSAGE}. It
 * counts as one log event in the accounting.
 *
 * @param what why it was skipped, e.g. {@code cwl_control_message}
 */
public record Skipped(String what, EventRef ref) implements DecodedEvent {

    public static final String CWL_CONTROL_MESSAGE = "cwl_control_message";
}
