package vn.dvcsync.population;

import java.util.Optional;

/** Answer of a population lookup: the person, or nobody with that ID number. */
public sealed interface LookupResult {

    /** The person, when found. */
    Optional<PopulationRecord> person();

    static LookupResult found(PopulationRecord person) {
        return new Found(person);
    }

    static LookupResult notFound() {
        return new NotFound();
    }

    /** A person holds the ID number. */
    record Found(PopulationRecord record) implements LookupResult {

        @Override
        public Optional<PopulationRecord> person() {
            return Optional.of(record);
        }
    }

    /** No person holds the ID number (empty {@code CongdanCollection}). */
    record NotFound() implements LookupResult {

        @Override
        public Optional<PopulationRecord> person() {
            return Optional.empty();
        }
    }
}
