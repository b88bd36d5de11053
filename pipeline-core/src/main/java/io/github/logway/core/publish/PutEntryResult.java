package io.github.logway.core.publish;

/** The result of one entry of a PutRecords call: {@link PutOk} or {@link PutFailed}. */
public sealed interface PutEntryResult permits PutOk, PutFailed {
}
