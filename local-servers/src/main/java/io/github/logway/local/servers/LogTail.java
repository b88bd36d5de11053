package io.github.logway.local.servers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a server log, for error messages. */
final class LogTail {

    /** At most this many bytes are read from the end of the file, so a huge log costs nothing. */
    private static final int MAX_TAIL_BYTES = 64 * 1024;

    private LogTail() {}

    /**
     * Formats the last {@code lines} lines of {@code logFile} as a block to append to a message.
     *
     * @param logFile the server's log file
     * @param lines how many lines at most
     * @return the block, starting with a line break, naming the file
     */
    static String describe(Path logFile, int lines) {
        List<String> tail = lastLines(logFile, lines);
        if (tail.isEmpty()) {
            return "\n(the log " + logFile + " is empty)";
        }
        return "\n--- tail of " + logFile + " ---\n" + String.join("\n", tail) + "\n--- end of tail ---";
    }

    /**
     * Reads the last lines of a file; a missing or unreadable file has none.
     *
     * @param logFile the file
     * @param lines how many lines at most
     * @return the lines, oldest first
     */
    static List<String> lastLines(Path logFile, int lines) {
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            long size = channel.size();
            int length = (int) Math.min(size, MAX_TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the buffer is full or the file ends
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            List<String> all = Arrays.asList(text.split("\\R"));
            if (length < size && !all.isEmpty()) {
                all = all.subList(1, all.size()); // the first line was cut in the middle
            }
            all = all.stream().filter(line -> !line.isEmpty()).toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }
}
