package io.github.logway.local.servers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the npm packages of the local servers live ({@code kinesis-local}, {@code kinesalite}): the {@code
 * node_modules} folder next to the repository's {@code package.json}, which the build fills with {@code npm ci}
 * (testing-internal's pom), and the {@code node} launcher.
 */
final class NodePackages {

    /** Optional system property naming the {@code node_modules} folder; found from the working folder if unset. */
    static final String NODE_MODULES_PROPERTY = "logway.nodeModules.dir";

    /** Optional system property naming the {@code node} executable; {@value #DEFAULT_NODE} from the PATH if unset. */
    static final String NODE_PROPERTY = "logway.node";

    /** The launcher found on the PATH. */
    static final String DEFAULT_NODE = "node";

    private NodePackages() {}

    /** The {@code node} launcher to run servers with. */
    static String nodeExecutable() {
        String configured = System.getProperty(NODE_PROPERTY);
        return configured == null || configured.isBlank() ? DEFAULT_NODE : configured;
    }

    /**
     * The folder of an installed npm package.
     *
     * @param name the package, such as {@code kinesis-local}
     * @param entryFile a file the package must hold, such as {@code main.js}
     * @return the package folder
     * @throws LocalServerStartException when the package is not installed, saying how to install it
     */
    static Path packageDirectory(String name, String entryFile) {
        Path nodeModules = nodeModules(name, entryFile);
        return nodeModules.resolve(name);
    }

    private static Path nodeModules(String name, String entryFile) {
        String configured = System.getProperty(NODE_MODULES_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path folder = Path.of(configured);
            if (Files.isRegularFile(folder.resolve(name).resolve(entryFile))) {
                return folder;
            }
            throw notInstalled(name, folder.toString());
        }
        for (Path folder = Path.of(System.getProperty("user.dir")).toAbsolutePath();
                folder != null;
                folder = folder.getParent()) {
            Path candidate = folder.resolve("node_modules");
            if (Files.isRegularFile(candidate.resolve(name).resolve(entryFile))) {
                return candidate;
            }
        }
        throw notInstalled(name, "any node_modules folder above " + System.getProperty("user.dir"));
    }

    private static LocalServerStartException notInstalled(String name, String where) {
        return new LocalServerStartException(
                "the npm package "
                        + name
                        + " is not installed in "
                        + where
                        + ". Run `npm ci` in the repository root (the folder holding package.json and"
                        + " package-lock.json), or build testing-internal with Maven, whose build runs it when"
                        + " node_modules is missing or older than package-lock.json; or pass -D"
                        + NODE_MODULES_PROPERTY
                        + "=PATH.");
    }
}
