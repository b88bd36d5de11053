package io.github.logway.core;

import io.github.logway.schema.LogRecord;
import java.util.List;

/**
 * Where a function delivers valid log records: S3, OpenSearch, another Kinesis stream.
 *
 * <p>Contract: return exactly one {@link DeliveryOutcome} per input record, in input order (matched by index).
 * Keep "the call failed" apart from "items failed": a failed call makes its items {@code Retryable}; a refused
 * item is {@code Diverted}. Stop early on a transient failure or when the deadline is near and report the rest as
 * {@code Retryable}: the processor leaves them behind the checkpoint. Throw {@link FatalException} (or return
 * {@code Fatal}) only for failures no retry in this invocation can fix.
 */
@FunctionalInterface
public interface LogSink {

    List<DeliveryOutcome> deliver(List<LogRecord> records, Deadline deadline);
}
