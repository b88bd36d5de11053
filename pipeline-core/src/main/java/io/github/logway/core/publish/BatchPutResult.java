package io.github.logway.core.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of {@link PutRecordsBatcher#putAll}.
 *
 * @param outcomes one per input entry, at the entry's index
 * @param requests PutRecords calls made (failed calls included)
 * @param retries entries sent again after a failure (an entry sent three times counts two)
 */
public record BatchPutResult(List<EntryOutcome> outcomes, int requests, int retries) {

    public BatchPutResult {
        outcomes = List.copyOf(outcomes);
    }

    /** The outcome of the entry at {@code index}. */
    public EntryOutcome outcome(int index) {
        return outcomes.get(index);
    }

    /** Whether every entry was sent. */
    public boolean allSent() {
        return outcomes.stream().allMatch(Sent.class::isInstance);
    }

    /** Indexes of sent entries, ascending. */
    public List<Integer> sentIndexes() {
        return indexesOf(Sent.class);
    }

    /** Indexes of entries over the record limit, ascending. */
    public List<Integer> tooLargeIndexes() {
        return indexesOf(TooLarge.class);
    }

    /** Indexes of entries left unsent, ascending. */
    public List<Integer> unsentIndexes() {
        return indexesOf(Unsent.class);
    }

    /** The lowest index of an unsent entry, or -1 when every entry was sent or is too large. */
    public int firstUnsentIndex() {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof Unsent) {
                return i;
            }
        }
        return -1;
    }

    private List<Integer> indexesOf(Class<? extends EntryOutcome> type) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (type.isInstance(outcomes.get(i))) {
                indexes.add(i);
            }
        }
        return indexes;
    }
}
