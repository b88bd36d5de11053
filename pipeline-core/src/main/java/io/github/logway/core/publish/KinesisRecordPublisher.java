package io.github.logway.core.publish;

import io.github.logway.core.AwsErrors;
import io.github.logway.core.RetryableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * {@link RecordPublisher} on Kinesis Data Streams ({@code PutRecords}) with the AWS SDK v2.
 *
 * <p>A stream given as an ARN ({@code arn:aws:kinesis:region:account:stream/name}) is addressed by
 * {@code StreamARN}, which also reaches streams of other accounts; a plain name by {@code StreamName}. Call
 * errors are mapped by {@link AwsErrors}: {@code ProvisionedThroughputExceededException},
 * {@code LimitExceededException}, {@code KMSThrottlingException}, 5xx and timeouts are retryable;
 * {@code ResourceNotFoundException}, {@code AccessDeniedException}, {@code KMS*} and credential errors are fatal.
 */
public final class KinesisRecordPublisher implements RecordPublisher {

    private final KinesisClient kinesis;

    public KinesisRecordPublisher(KinesisClient kinesis) {
        this.kinesis = Objects.requireNonNull(kinesis, "kinesis");
    }

    /** Whether {@code stream} is a Kinesis stream ARN rather than a name. */
    static boolean isStreamArn(String stream) {
        return stream.startsWith("arn:") && stream.contains(":kinesis:") && stream.contains(":stream/");
    }

    @Override
    public List<PutEntryResult> putRecords(String stream, List<PublishEntry> entries) {
        List<PutRecordsRequestEntry> records = new ArrayList<>(entries.size());
        for (PublishEntry entry : entries) {
            records.add(PutRecordsRequestEntry.builder()
                    .data(SdkBytes.fromByteArrayUnsafe(entry.data()))
                    .partitionKey(entry.partitionKey())
                    .explicitHashKey(entry.explicitHashKey())
                    .build());
        }
        PutRecordsRequest.Builder request = PutRecordsRequest.builder().records(records);
        if (isStreamArn(stream)) {
            request.streamARN(stream);
        } else {
            request.streamName(stream);
        }
        PutRecordsResponse response;
        try {
            response = kinesis.putRecords(request.build());
        } catch (SdkException e) {
            throw AwsErrors.classify("Kinesis PutRecords to " + stream, e);
        }
        List<PutRecordsResultEntry> resultEntries = response.records();
        if (resultEntries.size() != entries.size()) {
            // Nothing tells which entries are stored: all are sent again (at-least-once).
            throw new RetryableException("Kinesis PutRecords to " + stream + " answered " + resultEntries.size()
                    + " results for " + entries.size() + " entries");
        }
        List<PutEntryResult> results = new ArrayList<>(resultEntries.size());
        for (PutRecordsResultEntry result : resultEntries) {
            if (result.errorCode() != null) {
                results.add(new PutFailed(result.errorCode(), String.valueOf(result.errorMessage())));
            } else {
                results.add(new PutOk(result.shardId(), result.sequenceNumber()));
            }
        }
        return results;
    }
}
