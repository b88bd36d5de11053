package io.github.logway.core.publish;

/**
 * The call worked but this entry was refused, e.g. {@code ProvisionedThroughputExceededException} or
 * {@code InternalFailure}; retry the entry.
 */
public record PutFailed(String errorCode, String errorMessage) implements PutEntryResult {
}
