package io.github.logway.local.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What one destination holds of the sent log ids.
 *
 * @param destination the destination's name: {@code s3://BUCKET/PREFIX}, {@code URL/INDEX} or {@code
 *     kinesis://STREAM}
 * @param sent distinct log ids in the sent file
 * @param found sent ids found at least once
 * @param missing sent ids not found
 * @param duplicated sent ids found more than once
 * @param missingIds the first {@value IdTally#MAX_LISTED_IDS} missing ids, in sent order
 * @param duplicatedIds the first {@value IdTally#MAX_LISTED_IDS} duplicated ids, in sent order
 * @param duplicatesAllowed whether duplicates are expected here (S3 and Kinesis: at-least-once)
 * @param unexpected records found whose id was not sent (stderr only)
 * @param withoutId records found without a log id (stderr only)
 */
record AuditResult(String destination, long sent, long found, long missing, long duplicated, List<String> missingIds,
        List<String> duplicatedIds, boolean duplicatesAllowed, long unexpected, long withoutId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    AuditResult {
        Objects.requireNonNull(destination, "destination");
        missingIds = List.copyOf(missingIds);
        duplicatedIds = List.copyOf(duplicatedIds);
    }

    /** Nothing missing, and no duplicate where duplicates are not allowed. */
    boolean passed() {
        return missing == 0 && (duplicatesAllowed || duplicated == 0);
    }

    /**
     * The machine-readable line, with exactly the keys {@code destination}, {@code sent}, {@code found}, {@code
     * missing}, {@code duplicated}, {@code missing_ids} and {@code duplicated_ids}.
     */
    String jsonLine() {
        ObjectNode line = JSON.createObjectNode();
        line.put("destination", destination);
        line.put("sent", sent);
        line.put("found", found);
        line.put("missing", missing);
        line.put("duplicated", duplicated);
        ArrayNode missingArray = line.putArray("missing_ids");
        missingIds.forEach(missingArray::add);
        ArrayNode duplicatedArray = line.putArray("duplicated_ids");
        duplicatedIds.forEach(duplicatedArray::add);
        return line.toString();
    }

    /** One human-readable line for stderr, without a line break. */
    String summary() {
        String verdict;
        if (missing > 0) {
            verdict = "FAILED: " + missing + " missing" + (duplicated > 0 ? ", " + duplicated + " duplicated" : "")
                    + (duplicated > 0 && duplicatesAllowed ? " (allowed)" : "");
        } else if (duplicated > 0) {
            verdict = duplicatesAllowed ? "ok: " + duplicated + " duplicated (allowed: at-least-once)"
                    : "FAILED: " + duplicated + " duplicated (not allowed here)";
        } else {
            verdict = "ok";
        }
        StringBuilder text = new StringBuilder()
                .append(destination).append(": sent ").append(sent).append(", found ").append(found)
                .append(" - ").append(verdict);
        if (unexpected > 0) {
            text.append("; ").append(unexpected).append(" other record(s) not in the sent file");
        }
        if (withoutId > 0) {
            text.append("; ").append(withoutId).append(" record(s) without a log id");
        }
        return text.toString();
    }
}
