package org.parley.app.cli;

/** "1 contact", "2 contacts": a count with its English noun (regular plurals only). Pure. */
final class Counted {
    private Counted() {
    }

    static String of(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
