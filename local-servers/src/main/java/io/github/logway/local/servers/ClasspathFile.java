package io.github.logway.local.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A runtime classpath written by {@code dependency:build-classpath} with the local Maven repository's path
 * replaced by {@value #REPOSITORY_PLACEHOLDER}, so the file is the same on every machine; resolved here with
 * {@value LocalServerSettings#LOCAL_REPOSITORY_PROPERTY} (default {@code ~/.m2/repository}).
 */
final class ClasspathFile {

    /** What the classpath file writes in place of the local repository's path. */
    static final String REPOSITORY_PLACEHOLDER = "${M2_REPO}";

    private ClasspathFile() {}

    /**
     * Reads a classpath file and resolves the repository placeholder.
     *
     * @param file the classpath file
     * @return the classpath, entries separated by the platform's path separator
     * @throws IOException when the file cannot be read
     */
    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim()
                .replace(REPOSITORY_PLACEHOLDER, LocalServerSettings.localRepository().toString());
    }
}
