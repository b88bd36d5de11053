package io.github.logway.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, written into a resource by Maven resource filtering. */
final class LogwayVersion {

    private static final String RESOURCE = "logway-version.properties";

    private LogwayVersion() {}

    /**
     * The Maven project version, such as {@code 0.1.0-SNAPSHOT}.
     *
     * @throws IllegalStateException when the build did not write the resource (a broken build)
     */
    static String current() {
        Properties properties = new Properties();
        try (InputStream in = LogwayVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: rebuild with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String version = properties.getProperty("version", "");
        if (version.isBlank() || version.contains("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered by Maven: rebuild with Maven");
        }
        return version;
    }
}
