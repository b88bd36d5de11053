package io.github.logway.local.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePackagesTest {

    @TempDir
    Path folder;

    @AfterEach
    void clearProperty() {
        System.clearProperty(NodePackages.NODE_MODULES_PROPERTY);
    }

    @Test
    void packageDirectory_inConfiguredFolder_isFound() throws Exception {
        Path pkg = Files.createDirectories(folder.resolve("kinesalite"));
        Files.writeString(pkg.resolve("index.js"), "module.exports = {}");
        System.setProperty(NodePackages.NODE_MODULES_PROPERTY, folder.toString());

        assertThat(NodePackages.packageDirectory("kinesalite", "index.js")).isEqualTo(pkg);
    }

    @Test
    void packageDirectory_missing_saysHowToInstallIt() {
        System.setProperty(NodePackages.NODE_MODULES_PROPERTY, folder.toString());

        assertThatThrownBy(() -> NodePackages.packageDirectory("kinesis-local", "main.js"))
                .isInstanceOf(LocalServerStartException.class)
                .hasMessageContaining("the npm package kinesis-local is not installed in " + folder)
                .hasMessageContaining("npm ci");
    }
}
