package io.github.logway.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.RetryableException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeRecordPublisherTest {

    private final FakeRecordPublisher publisher = new FakeRecordPublisher();
    private final PublishEntry a = PublishEntry.of(new byte[] {1}, "a");
    private final PublishEntry b = PublishEntry.of(new byte[] {2}, "b");

    @Test
    void putRecords_acceptsEverythingWithIncreasingSequenceNumbers() {
        List<PutEntryResult> results = publisher.putRecords("s", List.of(a, b));

        assertThat(results).containsExactly(
                new PutOk(FakeRecordPublisher.SHARD_ID, "00000000000000000000000000000000000000000000000000000001"),
                new PutOk(FakeRecordPublisher.SHARD_ID, "00000000000000000000000000000000000000000000000000000002"));
        assertThat(publisher.accepted()).containsExactly(a, b);
    }

    @Test
    void failEntries_refusesChosenEntryOnChosenAttemptOnly() {
        publisher.failEntries((entry, attempt) -> entry == b && attempt == 1, "InternalFailure");

        List<PutEntryResult> first = publisher.putRecords("s", List.of(a, b));
        List<PutEntryResult> second = publisher.putRecords("s", List.of(b));

        assertThat(first.get(1)).isEqualTo(new PutFailed("InternalFailure", FakeRecordPublisher.INJECTED_MESSAGE));
        assertThat(second.get(0)).isInstanceOf(PutOk.class);
        assertThat(publisher.attemptCount(b)).isEqualTo(2);
        assertThat(publisher.acceptedCount(b)).isEqualTo(1);
    }

    @Test
    void failCalls_throwsAndRecordsTheCall() {
        publisher.failCalls(number -> number == 1, () -> new RetryableException("down"));

        assertThatThrownBy(() -> publisher.putRecords("s", List.of(a))).isInstanceOf(RetryableException.class);
        publisher.putRecords("s", List.of(a));

        assertThat(publisher.calls()).hasSize(2);
        assertThat(publisher.calls().get(0).failure()).isPresent();
        assertThat(publisher.calls().get(0).results()).isEmpty();
        assertThat(publisher.calls().get(1).number()).isEqualTo(2);
        assertThat(publisher.acceptedCount(a)).isEqualTo(1);
        assertThat(publisher.attemptCount(a)).isEqualTo(2);
    }
}
