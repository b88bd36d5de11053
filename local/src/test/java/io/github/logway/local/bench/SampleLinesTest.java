package io.github.logway.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SampleLinesTest {

    /** A round anchor, so zero seconds and milliseconds are likely among the lines. */
    private static final Instant ANCHOR = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void logLines_alwaysWriteTheTimeWithSecondsMillisecondsAndOffset() {
        Pattern time = Pattern.compile("^\\{\"time\":\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+09:00)\",");
        for (byte[] line : SampleLogLines.generate(3_000, ANCHOR, 7)) {
            assertThat(new String(line, StandardCharsets.UTF_8)).containsPattern(time);
        }
    }

    @Test
    void albLines_alwaysWriteBothTimesWithSixFractionDigits() {
        Pattern times = Pattern.compile(" \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z ");
        for (byte[] line : SampleAlbLines.generate(3_000, ANCHOR, 7)) {
            Matcher matcher = times.matcher(new String(line, StandardCharsets.UTF_8));
            int found = 0;
            while (matcher.find()) {
                found++;
            }
            assertThat(found).isEqualTo(2);
        }
    }
}
