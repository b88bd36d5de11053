package io.github.logway.core.publish;

/**
 * What became of one entry given to {@link PutRecordsBatcher#putAll}: {@link Sent}, {@link TooLarge} (never
 * sent: divert it as {@code record_too_large_for_target}) or {@link Unsent} (leave it behind the checkpoint).
 */
public sealed interface EntryOutcome permits Sent, TooLarge, Unsent {
}
