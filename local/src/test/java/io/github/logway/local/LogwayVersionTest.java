package io.github.logway.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogwayVersionTest {

    @Test
    void current_isTheMavenProjectVersionFilteredIntoTheResource() {
        assertThat(LogwayVersion.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
