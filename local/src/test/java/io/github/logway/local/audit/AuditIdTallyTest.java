package io.github.logway.local.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The id bookkeeping of {@code audit}: missing, duplicated, the 100-id cap, ids that were not sent. */
class AuditIdTallyTest {

    private static Set<String> ids(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("id-%03d", i))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Test
    void result_whenEveryIdFoundOnce_reportsNothingMissingOrDuplicated() {
        IdTally tally = new IdTally(ids(3));
        tally.count("id-001");
        tally.count("id-002");
        tally.count("id-003");

        AuditResult result = tally.result("s3://b/p", true);

        assertThat(result).isEqualTo(new AuditResult("s3://b/p", 3, 3, 0, 0, List.of(), List.of(), true, 0, 0));
        assertThat(result.passed()).isTrue();
    }

    @Test
    void result_listsMissingAndDuplicatedIdsInSentOrder() {
        IdTally tally = new IdTally(new LinkedHashSet<>(List.of("c", "a", "b", "d")));
        tally.count("d");
        tally.count("b");
        tally.count("d");
        tally.count("b", 3);

        AuditResult result = tally.result("x", true);

        assertThat(result.found()).isEqualTo(2);
        assertThat(result.missing()).isEqualTo(2);
        assertThat(result.missingIds()).containsExactly("c", "a");
        assertThat(result.duplicated()).isEqualTo(2);
        assertThat(result.duplicatedIds()).containsExactly("b", "d");
    }

    @Test
    void result_whenMoreThanOneHundredMissing_countsAllAndListsTheFirstHundred() {
        IdTally tally = new IdTally(ids(250));
        tally.count("id-050");

        AuditResult result = tally.result("x", true);

        assertThat(result.missing()).isEqualTo(249);
        assertThat(result.missingIds()).hasSize(IdTally.MAX_LISTED_IDS)
                .startsWith("id-001", "id-002").endsWith("id-101").doesNotContain("id-050");
    }

    @Test
    void result_whenMoreThanOneHundredDuplicated_countsAllAndListsTheFirstHundred() {
        IdTally tally = new IdTally(ids(150));
        ids(150).forEach(id -> tally.count(id, 2));

        AuditResult result = tally.result("x", true);

        assertThat(result.duplicated()).isEqualTo(150);
        assertThat(result.duplicatedIds()).hasSize(100).endsWith("id-100");
        assertThat(result.missing()).isZero();
    }

    @Test
    void count_whenIdWasNotSent_countsItApartFromTheSentIds() {
        IdTally tally = new IdTally(ids(1));
        tally.count("id-001");
        tally.count("someone-else");
        tally.count("someone-else");
        tally.countWithoutId();

        AuditResult result = tally.result("x", false);

        assertThat(result.sent()).isEqualTo(1);
        assertThat(result.found()).isEqualTo(1);
        assertThat(result.duplicated()).isZero();
        assertThat(result.unexpected()).isEqualTo(2);
        assertThat(result.withoutId()).isEqualTo(1);
    }

    @Test
    void passed_whenDuplicatedWhereAllowed_isTrue() {
        IdTally tally = new IdTally(ids(1));
        tally.count("id-001", 2);

        assertThat(tally.result("s3://b", true).passed()).isTrue();
    }

    @Test
    void passed_whenDuplicatedWhereNotAllowed_isFalse() {
        IdTally tally = new IdTally(ids(1));
        tally.count("id-001", 2);

        assertThat(tally.result("http://os/idx", false).passed()).isFalse();
    }

    @Test
    void passed_whenOneMissing_isFalseEvenWhereDuplicatesAreAllowed() {
        IdTally tally = new IdTally(ids(2));
        tally.count("id-001");

        assertThat(tally.result("s3://b", true).passed()).isFalse();
    }

    @Test
    void jsonLine_hasExactlyTheKeysOfTheContractInOrder() {
        AuditResult result = new AuditResult("kinesis://s", 3, 2, 1, 1, List.of("a"), List.of("b"), true, 5, 0);

        assertThat(result.jsonLine()).isEqualTo("{\"destination\":\"kinesis://s\",\"sent\":3,\"found\":2,"
                + "\"missing\":1,\"duplicated\":1,\"missing_ids\":[\"a\"],\"duplicated_ids\":[\"b\"]}");
    }

    @Test
    void summary_saysWhyItFailedAndWhatElseWasThere() {
        AuditResult result = new AuditResult("http://os/idx", 3, 3, 0, 1, List.of(), List.of("b"), false, 2, 1);

        assertThat(result.summary()).isEqualTo("http://os/idx: sent 3, found 3 - FAILED: 1 duplicated (not allowed "
                + "here); 2 other record(s) not in the sent file; 1 record(s) without a log id");
    }
}
