package io.github.logway.core.publish;

import java.util.List;

/** Sends one PutRecords request. Implementations: {@link KinesisRecordPublisher}, {@link FakeRecordPublisher}. */
public interface RecordPublisher {

    /**
     * Puts {@code entries} (at most 500, within the request size limit) into {@code stream}.
     *
     * @param stream a stream name or an {@code arn:aws:kinesis:...:stream/...} ARN
     * @return one result per entry, in the order of {@code entries}
     * @throws io.github.logway.core.RetryableException when the whole call failed transiently (throttling, 5xx,
     *     timeouts): none, some or all entries may be stored
     * @throws io.github.logway.core.FatalException when the call cannot work (missing stream, denied access, KMS
     *     key errors, bad credentials)
     */
    List<PutEntryResult> putRecords(String stream, List<PublishEntry> entries);
}
