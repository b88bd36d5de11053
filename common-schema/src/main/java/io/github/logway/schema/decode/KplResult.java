package io.github.logway.schema.decode;

import java.util.List;
import java.util.Objects;

/**
 * The typed result of {@link KplDeaggregator#deaggregate}: {@link NotAggregated}, {@link Aggregated} or
 * {@link CorruptKpl}. Switch over it exhaustively; nothing throws for bad data.
 */
public sealed interface KplResult {

    /**
     * The record is not a KPL aggregate: no magic, too short for magic and digest, or an MD5 digest that does not
     * match (PRODUCT.md §2: a bad digest means "not aggregated"). Read it as a plain record.
     */
    record NotAggregated() implements KplResult {
    }

    /**
     * A KPL aggregate with a valid digest and a well-formed body.
     *
     * @param records the sub-records in wire order, at least one; the sub-sequence of a record is its index here
     */
    record Aggregated(List<KplSubRecord> records) implements KplResult {

        /** Copies the list into an unmodifiable one. */
        public Aggregated {
            records = List.copyOf(records);
        }
    }

    /**
     * A KPL aggregate with a valid digest whose protobuf body does not decode (reason {@code corrupt_kpl}).
     *
     * @param detail what is wrong and where, for the failed log; never holds payload bytes
     */
    record CorruptKpl(String detail) implements KplResult {

        /** Checks that the detail is present. */
        public CorruptKpl {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
