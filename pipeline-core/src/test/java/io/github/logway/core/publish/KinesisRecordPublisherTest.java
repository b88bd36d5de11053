package io.github.logway.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.logway.core.FatalException;
import io.github.logway.core.LogwayException;
import io.github.logway.core.RetryableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

class KinesisRecordPublisherTest {

    private static final String ARN = "arn:aws:kinesis:ap-northeast-1:123456789012:stream/router";

    /** A Kinesis client that records PutRecords requests and answers with prepared results or an error. */
    private static final class FakeKinesisClient implements KinesisClient {
        final List<PutRecordsRequest> requests = new ArrayList<>();
        List<PutRecordsResultEntry> answer;
        SdkException failure;

        @Override
        public PutRecordsResponse putRecords(PutRecordsRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            List<PutRecordsResultEntry> results = answer;
            if (results == null) {
                results = new ArrayList<>();
                for (int i = 0; i < request.records().size(); i++) {
                    results.add(PutRecordsResultEntry.builder().shardId("shardId-000000000001")
                            .sequenceNumber("4959" + i).build());
                }
            }
            return PutRecordsResponse.builder().records(results).failedRecordCount(0).build();
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {
        }
    }

    private final FakeKinesisClient kinesis = new FakeKinesisClient();
    private final KinesisRecordPublisher publisher = new KinesisRecordPublisher(kinesis);

    private static List<PublishEntry> entries() {
        return List.of(new PublishEntry("a".getBytes(StandardCharsets.UTF_8), "pk-a", null),
                new PublishEntry("b".getBytes(StandardCharsets.UTF_8), "pk-b", "170141183460469231731687303715884105728"));
    }

    private static KinesisException kinesisError(String code, int status) {
        return (KinesisException) KinesisException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build()).build();
    }

    @Test
    void putRecords_byName_setsStreamNameAndEveryEntryField() {
        publisher.putRecords("router", entries());

        PutRecordsRequest request = kinesis.requests.get(0);
        assertThat(request.streamName()).isEqualTo("router");
        assertThat(request.streamARN()).isNull();
        assertThat(request.records()).hasSize(2);
        assertThat(request.records().get(0).data().asUtf8String()).isEqualTo("a");
        assertThat(request.records().get(0).partitionKey()).isEqualTo("pk-a");
        assertThat(request.records().get(0).explicitHashKey()).isNull();
        assertThat(request.records().get(1).explicitHashKey()).isEqualTo("170141183460469231731687303715884105728");
    }

    @Test
    void putRecords_byArn_setsStreamArn() {
        publisher.putRecords(ARN, entries());

        assertThat(kinesis.requests.get(0).streamARN()).isEqualTo(ARN);
        assertThat(kinesis.requests.get(0).streamName()).isNull();
    }

    @Test
    void isStreamArn_distinguishesArnsFromNames() {
        assertThat(KinesisRecordPublisher.isStreamArn(ARN)).isTrue();
        assertThat(KinesisRecordPublisher.isStreamArn("arn-like-name")).isFalse();
        assertThat(KinesisRecordPublisher.isStreamArn("arn:aws:sqs:ap-northeast-1:1:queue")).isFalse();
    }

    @Test
    void putRecords_mapsEachResultByIndex() {
        kinesis.answer = List.of(
                PutRecordsResultEntry.builder().shardId("shardId-000000000002").sequenceNumber("777").build(),
                PutRecordsResultEntry.builder().errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("Rate exceeded for shard").build());

        List<PutEntryResult> results = publisher.putRecords("router", entries());

        assertThat(results).containsExactly(new PutOk("shardId-000000000002", "777"),
                new PutFailed("ProvisionedThroughputExceededException", "Rate exceeded for shard"));
    }

    @Test
    void putRecords_whenResultCountDiffers_throwsRetryable() {
        kinesis.answer = List.of(PutRecordsResultEntry.builder().shardId("s").sequenceNumber("1").build());

        RetryableException error = catchThrowableOfType(RetryableException.class,
                () -> publisher.putRecords("router", entries()));

        assertThat(error).hasMessageContaining("1 results for 2 entries");
    }

    @Test
    void putRecords_modeledThroughputException_isRetryable() {
        kinesis.failure = ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                        .build()).build();

        assertThat(catchThrowableOfType(LogwayException.class, () -> publisher.putRecords("router", entries())))
                .isInstanceOf(RetryableException.class).hasMessageStartingWith("Kinesis PutRecords to router failed");
    }

    @Test
    void putRecords_modeledResourceNotFound_isFatal() {
        kinesis.failure = ResourceNotFoundException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build()).build();

        assertThat(catchThrowableOfType(LogwayException.class, () -> publisher.putRecords(ARN, entries())))
                .isInstanceOf(FatalException.class).hasMessageContaining(ARN);
    }

    @ParameterizedTest(name = "{0} ({1}) is retryable")
    @CsvSource({"LimitExceededException, 400", "InternalFailure, 500", "ServiceUnavailable, 503",
        "KMSThrottlingException, 400", "ThrottlingException, 400"})
    void putRecords_transientCallErrors_areRetryable(String code, int status) {
        kinesis.failure = kinesisError(code, status);

        assertThat(catchThrowableOfType(LogwayException.class, () -> publisher.putRecords("router", entries())))
                .isInstanceOf(RetryableException.class);
    }

    @ParameterizedTest(name = "{0} ({1}) is fatal")
    @CsvSource({"AccessDeniedException, 400", "KMSAccessDeniedException, 400", "KMSDisabledException, 400",
        "KMSNotFoundException, 400", "KMSInvalidStateException, 400", "KMSOptInRequired, 400",
        "UnrecognizedClientException, 400", "ExpiredTokenException, 400", "ValidationException, 400"})
    void putRecords_permanentCallErrors_areFatal(String code, int status) {
        kinesis.failure = kinesisError(code, status);

        LogwayException error = catchThrowableOfType(LogwayException.class,
                () -> publisher.putRecords("router", entries()));

        assertThat(error).isInstanceOf(FatalException.class);
        assertThat(error.errorCode()).contains(code);
    }

    @Test
    void putRecords_timeout_isRetryable() {
        kinesis.failure = ApiCallTimeoutException.builder().message("api call timeout").build();

        assertThat(catchThrowableOfType(LogwayException.class, () -> publisher.putRecords("router", entries())))
                .isInstanceOf(RetryableException.class);
    }
}
