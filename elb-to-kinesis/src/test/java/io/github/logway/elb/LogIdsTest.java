package io.github.logway.elb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogIdsTest {

    @Test
    void idFor_sameObjectAndLine_givesTheSameIdEveryTime() {
        String first = LogIds.forObject("bucket", "key.log.gz").idFor(42);
        String again = LogIds.forObject("bucket", "key.log.gz").idFor(42);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void idFor_isAVersion8Uuid() {
        String id = LogIds.forObject("bucket", "key.log.gz").idFor(1);

        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void idFor_differsByLineBucketAndKey() {
        Set<String> ids = new HashSet<>();
        LogIds one = LogIds.forObject("bucket", "key.log.gz");
        for (long line = 1; line <= 10_000; line++) {
            ids.add(one.idFor(line));
        }
        ids.add(LogIds.forObject("bucket2", "key.log.gz").idFor(1));
        ids.add(LogIds.forObject("bucket", "key2.log.gz").idFor(1));

        assertThat(ids).hasSize(10_002);
    }
}
