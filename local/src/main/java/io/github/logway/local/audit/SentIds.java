package io.github.logway.local.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The log ids of the sent file, in the order they first appear, with what the file held besides.
 *
 * @param ids every distinct log id, in first-seen order
 * @param lines non-blank lines read
 * @param linesWithoutId line numbers (1-based) of lines that are not a JSON object with a log id, the first
 *     {@link IdTally#MAX_LISTED_IDS}
 * @param linesWithoutIdCount how many such lines there were
 * @param repeatedIds how many lines repeated a log id of an earlier line
 */
record SentIds(Set<String> ids, long lines, List<Long> linesWithoutId, long linesWithoutIdCount, long repeatedIds) {

    SentIds {
        ids = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
        linesWithoutId = List.copyOf(linesWithoutId);
    }

    /**
     * Reads an NDJSON file of sent records; blank lines are ignored.
     *
     * @param reader the file's text
     * @param logIds how to find a line's log id
     * @return the ids
     * @throws IOException when reading fails
     */
    static SentIds read(Reader reader, LogIdReader logIds) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        List<Long> withoutId = new ArrayList<>();
        long withoutIdCount = 0;
        long lines = 0;
        long repeated = 0;
        long number = 0;
        BufferedReader buffered = new BufferedReader(reader);
        String line;
        while ((line = buffered.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            lines++;
            Optional<String> id = logIds.read(line);
            if (id.isEmpty()) {
                withoutIdCount++;
                if (withoutId.size() < IdTally.MAX_LISTED_IDS) {
                    withoutId.add(number);
                }
            } else if (!ids.add(id.get())) {
                repeated++;
            }
        }
        return new SentIds(ids, lines, withoutId, withoutIdCount, repeated);
    }
}
