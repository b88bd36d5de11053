package io.github.logway.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.logway.local.servers.LocalServerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class LocalServersExtensionTest {

    @TempDir
    Path directory;

    @Test
    void resolve_whenS3ProxyJarIsMissing_failsEveryTestAskingForS3WithHowToFixTheBuild() {
        Path missingJar = directory.resolve("s3proxy.jar");

        List<Event> failures = withSystemProperty(
                LocalServerSettings.S3PROXY_JAR_PROPERTY,
                missingJar.toString(),
                () -> EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(TwoTestsNeedingS3.class))
                        .execute()
                        .testEvents()
                        .failed()
                        .list());

        assertThat(failures).hasSize(2).allSatisfy(event -> assertThat(
                        event.getPayload(TestExecutionResult.class)
                                .orElseThrow()
                                .getThrowable()
                                .orElseThrow())
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("s3proxy could not be started in this test JVM: the s3proxy jar is missing at "
                        + missingJar)
                .hasMessageContaining("maven-dependency-plugin"));
    }

    @Test
    void resolve_whenS3ProxyJarPropertyIsUnset_saysToRunThroughFailsafe() {
        List<Event> failures = withSystemProperty(
                LocalServerSettings.S3PROXY_JAR_PROPERTY,
                null,
                () -> EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(TwoTestsNeedingS3.class))
                        .execute()
                        .testEvents()
                        .failed()
                        .list());

        assertThat(failures).hasSize(2).first().satisfies(event -> assertThat(
                        event.getPayload(TestExecutionResult.class)
                                .orElseThrow()
                                .getThrowable()
                                .orElseThrow())
                .hasMessageContaining("system property logway.s3proxy.jar is not set")
                .hasMessageContaining("mvn verify"));
    }

    private static <T> T withSystemProperty(String name, String value, Supplier<T> action) {
        String previous = System.getProperty(name);
        set(name, value);
        try {
            return action.get();
        } finally {
            set(name, previous);
        }
    }

    private static void set(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    /** Run only through the engine test kit above (surefire skips nested classes). */
    @WithLocalServers
    static final class TwoTestsNeedingS3 {

        @Test
        void first(S3Endpoint s3) {
            assertThat(s3).isNotNull();
        }

        @Test
        void second(S3Endpoint s3) {
            assertThat(s3).isNotNull();
        }
    }
}
