package io.github.logway.elb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void next_splitsOnNewlinesAndStripsCarriageReturns() throws IOException {
        LineReader reader = reader("first\r\nsecond\nthird", 100);

        assertThat(readAll(reader)).containsExactly("first", "second", "third");
    }

    @Test
    void next_reportsEachLineStartAsStreamBytesBefore() throws IOException {
        LineReader reader = reader("ab\ncde\n\nf\n", 100);
        List<Long> starts = new ArrayList<>();
        while (reader.next()) {
            starts.add(reader.lineStart());
        }

        assertThat(starts).containsExactly(0L, 3L, 7L, 8L);
        assertThat(reader.consumed()).isEqualTo(10);
    }

    @Test
    void next_lineLongerThanLimit_isCutFlaggedAndTheNextLineIsIntact() throws IOException {
        LineReader reader = reader("0123456789abcdef\nshort\n", 8);

        assertThat(reader.next()).isTrue();
        assertThat(text(reader)).isEqualTo("01234567");
        assertThat(reader.truncated()).isTrue();
        assertThat(reader.next()).isTrue();
        assertThat(text(reader)).isEqualTo("short");
        assertThat(reader.truncated()).isFalse();
        assertThat(reader.lineStart()).isEqualTo(17);
        assertThat(reader.next()).isFalse();
    }

    @Test
    void next_linesSpanningManyReadBuffers_areWhole() throws IOException {
        String longLine = "x".repeat(LineReader.READ_BUFFER_BYTES * 2 + 17);
        LineReader reader = new LineReader(new TrickleStream(("a\n" + longLine + "\nb\n")
                .getBytes(StandardCharsets.UTF_8)), LineReader.READ_BUFFER_BYTES * 4);

        assertThat(readAll(reader)).containsExactly("a", longLine, "b");
    }

    @Test
    void skipLines_skipsWithoutReturningThemAndCountsOnlyExistingOnes() throws IOException {
        LineReader reader = reader("l1\nl2\nl3\nl4", 100);

        assertThat(reader.skipLines(2)).isEqualTo(2);
        assertThat(reader.next()).isTrue();
        assertThat(text(reader)).isEqualTo("l3");
        assertThat(reader.lineStart()).isEqualTo(6);
        assertThat(reader.skipLines(5)).isEqualTo(1);
        assertThat(reader.next()).isFalse();
    }

    private static LineReader reader(String text, int maxLineBytes) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
    }

    private static List<String> readAll(LineReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(text(reader));
        }
        return lines;
    }

    private static String text(LineReader reader) {
        return new String(reader.buffer(), reader.offset(), reader.length(), StandardCharsets.UTF_8);
    }

    /** Returns at most 1,000 bytes per read, as a network stream may. */
    private static final class TrickleStream extends InputStream {
        private final ByteArrayInputStream in;

        TrickleStream(byte[] data) {
            this.in = new ByteArrayInputStream(data);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 1000));
        }
    }
}
