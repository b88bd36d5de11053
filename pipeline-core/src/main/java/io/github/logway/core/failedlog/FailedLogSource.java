package io.github.logway.core.failedlog;

/**
 * Where a diverted record came from, as written in the envelope's {@code source} object: a Kinesis event, or
 * a line of an access-log object in S3 (elb-to-kinesis).
 */
public sealed interface FailedLogSource permits KinesisEventSource, S3LineSource {
}
