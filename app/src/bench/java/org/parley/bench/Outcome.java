package org.parley.bench;

import java.util.Optional;

/** What a phase produced: its result, or why it has none (the run goes on with the next phase). */
record Outcome<T>(Optional<T> value, String error) {

    static <T> Outcome<T> of(T value) {
        return new Outcome<>(Optional.of(value), null);
    }

    static <T> Outcome<T> failed(Throwable t) {
        String why = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return new Outcome<>(Optional.empty(), why);
    }

    static <T> Outcome<T> skipped(String why) {
        return new Outcome<>(Optional.empty(), why);
    }
}
