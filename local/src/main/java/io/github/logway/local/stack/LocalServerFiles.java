package io.github.logway.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Tells the local servers where this build put their jars, classpath files and npm packages: the build writes
 * {@value #RESOURCE} (Maven resource filtering), and {@link #applyDefaults()} copies it into system properties
 * that {@code io.github.logway.local.servers.LocalServerSettings} reads. A property already set (for example
 * with {@code LOGWAY_JAVA_OPTS=-Dlogway.nodeModules.dir=...}) wins.
 */
public final class LocalServerFiles {

    /** The classpath resource the build writes. */
    static final String RESOURCE = "/io/github/logway/local/local-servers.properties";

    /** The repository root: the stack's state file lives under it, in {@code .logway/}. */
    public static final String HOME_PROPERTY = "logway.home";

    private LocalServerFiles() {}

    /** Sets every property of {@value #RESOURCE} that is not set yet; safe to call more than once. */
    public static synchronized void applyDefaults() {
        Properties defaults = new Properties();
        try (InputStream in = LocalServerFiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath: build the local module"
                        + " with Maven (./logway does on first use)");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        for (String name : defaults.stringPropertyNames()) {
            if (System.getProperty(name) == null) {
                System.setProperty(name, defaults.getProperty(name));
            }
        }
    }

    /** The repository root ({@value #HOME_PROPERTY}), after {@link #applyDefaults()}. */
    public static Path home() {
        applyDefaults();
        return Path.of(System.getProperty(HOME_PROPERTY)).toAbsolutePath().normalize();
    }
}
