package io.github.logway.local.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts how often each sent log id was found at one destination. Ids that were not sent are counted apart
 * ({@link #unexpected()}): other traffic shares the destination.
 */
final class IdTally {

    /** At most this many ids are listed in {@code missing_ids} and {@code duplicated_ids} (PRODUCT.md §10). */
    static final int MAX_LISTED_IDS = 100;

    /** Sent id → times found, in the sent file's order. */
    private final Map<String, Long> found;
    private long unexpected;
    private long linesWithoutId;

    /** @param sent the sent ids, in the order {@code missing_ids} lists them */
    IdTally(Set<String> sent) {
        this.found = new LinkedHashMap<>(Math.max(16, sent.size() * 4 / 3 + 1));
        for (String id : sent) {
            found.put(id, 0L);
        }
    }

    /** The sent ids, in order. */
    Set<String> sentIds() {
        return found.keySet();
    }

    /** One more copy of {@code id} at the destination. */
    void count(String id) {
        count(id, 1);
    }

    /** {@code copies} more copies of {@code id} at the destination. */
    void count(String id, long copies) {
        Long before = found.get(id);
        if (before == null) {
            unexpected += copies;
        } else {
            found.put(id, before + copies);
        }
    }

    /** One record at the destination without a log id (not a JSON object, or the field is missing). */
    void countWithoutId() {
        linesWithoutId++;
    }

    /** Records found whose id was not sent. */
    long unexpected() {
        return unexpected;
    }

    /** Records found without a log id. */
    long withoutId() {
        return linesWithoutId;
    }

    /**
     * The verdict for this destination.
     *
     * @param destination how the result names the destination
     * @param duplicatesAllowed whether a sent id found more than once is a failure
     * @return the counts and the first {@value #MAX_LISTED_IDS} missing and duplicated ids, in sent order
     */
    AuditResult result(String destination, boolean duplicatesAllowed) {
        long foundIds = 0;
        long missing = 0;
        long duplicated = 0;
        List<String> missingIds = new ArrayList<>();
        List<String> duplicatedIds = new ArrayList<>();
        for (Map.Entry<String, Long> entry : found.entrySet()) {
            long copies = entry.getValue();
            if (copies == 0) {
                missing++;
                if (missingIds.size() < MAX_LISTED_IDS) {
                    missingIds.add(entry.getKey());
                }
            } else {
                foundIds++;
                if (copies > 1) {
                    duplicated++;
                    if (duplicatedIds.size() < MAX_LISTED_IDS) {
                        duplicatedIds.add(entry.getKey());
                    }
                }
            }
        }
        return new AuditResult(destination, found.size(), foundIds, missing, duplicated, missingIds, duplicatedIds,
                duplicatesAllowed, unexpected, linesWithoutId);
    }
}
