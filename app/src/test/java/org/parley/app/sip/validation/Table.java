package org.parley.app.sip.validation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A '|'-separated text table keyed by its first column; '#' starts a comment line. For expectation tables. */
final class Table {
    private final Map<String, List<String>> rows = new LinkedHashMap<>();

    Table(String text) {
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.stream(l.split("\\|", -1)).map(String::strip).toList();
            if (rows.put(cells.get(0), cells.subList(1, cells.size())) != null) {
                throw new IllegalArgumentException("duplicate row " + cells.get(0));
            }
        }
    }

    /** Column {@code column} (0 = first after the key) of row {@code key}. */
    String get(String key, int column) {
        List<String> row = rows.get(key);
        if (row == null) {
            throw new IllegalArgumentException("no row for " + key);
        }
        return row.get(column);
    }

    java.util.Set<String> keys() {
        return rows.keySet();
    }

    /** A verdict as the tables spell it: accept, reject NNN, drop, close. */
    static String describe(Verdict v) {
        if (v instanceof Verdict.Reject r) {
            return "reject " + r.status();
        }
        return v instanceof Verdict.Accept ? "accept" : v instanceof Verdict.Drop ? "drop" : "close";
    }
}
