package io.github.logway.local.esm;

/**
 * What an event source mapping did, cumulatively.
 *
 * @param invocations function invocations
 * @param functionErrors invocations that threw or timed out
 * @param partialFailures invocations that reported a batch item failure
 * @param bisections batches split in two after a function error
 * @param recordsCompleted records past the checkpoint (handled by the function)
 * @param recordsDiscarded records sent to the on-failure destination
 * @param batchesDiscarded on-failure records sent
 */
public record EsmStats(
        long invocations,
        long functionErrors,
        long partialFailures,
        long bisections,
        long recordsCompleted,
        long recordsDiscarded,
        long batchesDiscarded) {

    public static final EsmStats ZERO = new EsmStats(0, 0, 0, 0, 0, 0, 0);

    EsmStats plus(EsmStats other) {
        return new EsmStats(invocations + other.invocations, functionErrors + other.functionErrors,
                partialFailures + other.partialFailures, bisections + other.bisections,
                recordsCompleted + other.recordsCompleted, recordsDiscarded + other.recordsDiscarded,
                batchesDiscarded + other.batchesDiscarded);
    }
}
