package io.github.logway.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.logway.core.FatalException;
import io.github.logway.core.RetryableException;
import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3AccessLogSourceTest {

    private final S3Client s3 = mock(S3Client.class);
    private final S3AccessLogSource source = new S3AccessLogSource(s3);

    @Test
    void open_atAnOffset_sendsARangedGetAndStripsTheETagQuotes() throws Exception {
        when(s3.getObject(any(GetObjectRequest.class))).thenReturn(body("line\n", "\"abc123\""));

        ObjectOpening opening = source.open("bucket", "key.log", 4096);

        ArgumentCaptor<GetObjectRequest> request = ArgumentCaptor.forClass(GetObjectRequest.class);
        verify(s3).getObject(request.capture());
        assertThat(request.getValue().range()).isEqualTo("bytes=4096-");
        assertThat(opening).isInstanceOf(ObjectOpening.Opened.class);
        assertThat(((ObjectOpening.Opened) opening).eTag()).isEqualTo("abc123");
        assertThat(((ObjectOpening.Opened) opening).body().readAllBytes()).isEqualTo("line\n".getBytes());
    }

    @Test
    void open_fromTheStart_sendsNoRange() {
        when(s3.getObject(any(GetObjectRequest.class))).thenReturn(body("x", "\"e\""));

        source.open("bucket", "key.log.gz", 0);

        ArgumentCaptor<GetObjectRequest> request = ArgumentCaptor.forClass(GetObjectRequest.class);
        verify(s3).getObject(request.capture());
        assertThat(request.getValue().range()).isNull();
    }

    @Test
    void open_noSuchKey_isMissing() {
        when(s3.getObject(any(GetObjectRequest.class))).thenThrow(NoSuchKeyException.builder().statusCode(404)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchKey").build()).build());

        assertThat(source.open("bucket", "gone.log.gz", 0)).isInstanceOf(ObjectOpening.Missing.class);
    }

    @SuppressWarnings("unchecked")
    @Test
    void open_offsetAtTheEnd_givesAnEmptyBodyWithTheETagFromHead() throws Exception {
        when(s3.getObject(any(GetObjectRequest.class))).thenThrow(S3Exception.builder().statusCode(416)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidRange").build()).build());
        when(s3.headObject(any(Consumer.class))).thenReturn(HeadObjectResponse.builder().eTag("\"e9\"").build());

        ObjectOpening opening = source.open("bucket", "key.log", 100);

        assertThat(((ObjectOpening.Opened) opening).eTag()).isEqualTo("e9");
        assertThat(((ObjectOpening.Opened) opening).body().read()).isEqualTo(-1);
    }

    @Test
    void open_throttled_isRetryable() {
        when(s3.getObject(any(GetObjectRequest.class))).thenThrow(S3Exception.builder().statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown").build()).build());

        assertThatThrownBy(() -> source.open("bucket", "key.log.gz", 0))
                .isInstanceOf(RetryableException.class)
                .hasMessageStartingWith("S3 GetObject s3://bucket/key.log.gz failed: SlowDown (503)");
    }

    @Test
    void open_accessDenied_isFatal() {
        when(s3.getObject(any(GetObjectRequest.class))).thenThrow(S3Exception.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build());

        assertThatThrownBy(() -> source.open("bucket", "key.log.gz", 0))
                .isInstanceOf(FatalException.class)
                .hasMessageStartingWith("S3 GetObject s3://bucket/key.log.gz failed: AccessDenied (403)");
    }

    private static ResponseInputStream<GetObjectResponse> body(String text, String eTag) {
        return new ResponseInputStream<>(GetObjectResponse.builder().eTag(eTag).build(),
                AbortableInputStream.create(new ByteArrayInputStream(text.getBytes())));
    }

}
