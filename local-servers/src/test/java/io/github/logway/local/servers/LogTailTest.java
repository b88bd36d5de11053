package io.github.logway.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path directory;

    @Test
    void lastLines_returnsOnlyTheLastLinesOldestFirst() throws Exception {
        Path log = Files.writeString(directory.resolve("server.log"), "one\ntwo\nthree\nfour\n");

        assertThat(LogTail.lastLines(log, 2)).containsExactly("three", "four");
    }

    @Test
    void lastLines_ofHugeLog_dropsTheLineCutByTheReadLimit() throws Exception {
        String huge = IntStream.range(0, 20_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        Path log = Files.writeString(directory.resolve("server.log"), huge);

        assertThat(LogTail.lastLines(log, 100_000))
                .endsWith("line 19999")
                .allSatisfy(line -> assertThat(line).matches("line \\d+"))
                .hasSizeLessThan(20_000);
    }

    @Test
    void lastLines_ofMissingFile_isEmpty() {
        assertThat(LogTail.lastLines(directory.resolve("missing.log"), 10)).isEmpty();
    }

    @Test
    void describe_namesTheFileAndFramesTheTail() throws Exception {
        Path log = Files.writeString(directory.resolve("server.log"), "starting\nBindException: Address already in use\n");

        assertThat(LogTail.describe(log, 10))
                .isEqualTo("\n--- tail of " + log + " ---\nstarting\nBindException: Address already in use\n--- end of tail ---");
    }

    @Test
    void describe_ofEmptyLog_saysItIsEmpty() throws Exception {
        Path log = Files.createFile(directory.resolve("server.log"));

        assertThat(LogTail.describe(log, 10)).isEqualTo("\n(the log " + log + " is empty)");
    }
}
