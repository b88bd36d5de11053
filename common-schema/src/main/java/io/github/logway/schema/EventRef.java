package io.github.logway.schema;

/**
 * Reference from one log event back to its place in the input.
 *
 * @param source the Kinesis record the event was decoded from
 * @param subSequence index of the KPL sub-record inside an aggregate, or {@link #NONE}
 * @param eventIndex index of the event inside its (sub-)record: the CloudWatch Logs event index or the NDJSON
 *     line's position among the record's events, or {@link #NONE} when the record holds one event
 */
public record EventRef(RecordSource source, int subSequence, int eventIndex) {

    /** Marks a position that does not apply. */
    public static final int NONE = -1;

    /** The reference of a record that is its own single event. */
    public static EventRef of(RecordSource source) {
        return new EventRef(source, NONE, NONE);
    }

    public EventRef withEventIndex(int index) {
        return new EventRef(source, subSequence, index);
    }

    public EventRef withSubSequence(int index) {
        return new EventRef(source, index, eventIndex);
    }
}
