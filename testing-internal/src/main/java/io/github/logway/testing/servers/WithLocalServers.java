package io.github.logway.testing.servers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lets a test class receive real local servers' endpoints as parameters, such as {@link S3Endpoint}. Each
 * server starts on first use and is shared by every test class of the JVM; see {@link
 * LocalServersExtension}.
 *
 * <p>The classes are tagged {@value #TAG}: the root pom's surefire configuration excludes that tag, so they
 * run only under failsafe ({@code mvn verify}), even when {@code -Dtest=...} selects them.
 *
 * <pre>{@code
 * @WithLocalServers
 * class UploadIT {
 *   @Test
 *   void upload_writesObject(S3Endpoint s3) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalServersExtension.class)
@Tag(WithLocalServers.TAG)
public @interface WithLocalServers {

    /** The JUnit tag of every test class using local servers. */
    String TAG = "local-servers";
}
