package io.github.logway.forward;

import io.github.logway.core.publish.PublishEntry;
import io.github.logway.core.publish.PutEntryResult;
import io.github.logway.core.publish.RecordPublisher;
import java.util.ArrayList;
import java.util.List;

/** Passes requests on to a real publisher and remembers each request's entries and what was thrown. */
final class CountingPublisher implements RecordPublisher {

    private final RecordPublisher delegate;
    private final List<List<PublishEntry>> requests = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();

    CountingPublisher(RecordPublisher delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<PutEntryResult> putRecords(String stream, List<PublishEntry> entries) {
        synchronized (this) {
            requests.add(List.copyOf(entries));
        }
        try {
            return delegate.putRecords(stream, entries);
        } catch (RuntimeException e) {
            synchronized (this) {
                failures.add(e);
            }
            throw e;
        }
    }

    synchronized List<List<PublishEntry>> requests() {
        return List.copyOf(requests);
    }

    synchronized List<RuntimeException> failures() {
        return List.copyOf(failures);
    }
}
