package io.github.logway.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs after {@link S3ProxyIT} in the same failsafe JVM (the module's failsafe configuration orders classes
 * by {@link Order}) and checks that it got the server that class started, not a new one.
 */
@WithLocalServers
@Order(2)
class S3ProxySharedServerIT {

    @Test
    void endpoint_isTheInstanceTheEarlierClassReceived(S3Endpoint s3) {
        assertThat(S3ProxyIT.endpointReceived()).as("S3ProxyIT ran earlier in this JVM").isNotNull();
        assertThat(s3).isSameAs(S3ProxyIT.endpointReceived());
    }

    @Test
    void objectWrittenByTheEarlierClass_isStillStored(S3Endpoint s3) {
        // s3proxy's transient storage lives in its process memory: the object survives only in the same process.
        try (S3Client client = s3.newS3Client()) {
            String text = client.getObjectAsBytes(request -> request.bucket(S3ProxyIT.BUCKET).key(S3ProxyIT.MARKER_KEY))
                    .asUtf8String();

            assertThat(text).isEqualTo(S3ProxyIT.MARKER_TEXT);
        }
    }

    @Test
    void testJvm_runsExactlyOneS3Proxy(S3Endpoint s3) {
        List<ProcessHandle> s3proxies = ProcessHandle.current()
                .children()
                .filter(child -> child.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(argument -> argument.endsWith("s3proxy.jar")))
                .toList();

        assertThat(s3proxies).hasSize(1);
    }
}
