package org.parley.app.cli;

import java.util.List;

/** Prints rows as left-aligned columns separated by two spaces; the last column is not padded. */
final class Table {
    private Table() {
    }

    static void print(ConsoleOutput console, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            console.result(line.toString().stripTrailing());
        }
    }
}
