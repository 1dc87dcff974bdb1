package org.parley.uibench.storm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "No lost state": every contact row the desktop shows (a {@link StormProbe} dump) against the last publication the
 * server accepted for that presentity. A value.
 *
 * @param rows       rows compared
 * @param matching   rows showing exactly the last accepted state and note
 * @param stale      rows showing an older publication of the same presentity
 * @param uncertain  mismatching rows of presentities with an unanswered PUBLISH (the server may hold either)
 * @param examples   a few mismatches, for the report
 */
record StateCheck(int rows, int matching, int stale, int uncertain, List<String> examples) {

    int wrong() {
        return rows - matching;
    }

    static StateCheck of(Path dump, String domain, Map<String, PublishStorm.Accepted> expected, Set<String> unsure)
            throws IOException {
        Map<String, String[]> shown = new HashMap<>();
        for (String line : Files.readAllLines(dump)) {
            String[] f = line.split("\t", -1);
            shown.put(f[0], f);
        }
        int matching = 0;
        int stale = 0;
        int uncertain = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, PublishStorm.Accepted> e : expected.entrySet()) {
            String[] row = shown.get("sip:" + e.getKey() + "@" + domain);
            PublishStorm.Accepted want = e.getValue();
            if (row != null && row[1].equals(want.state().name()) && row[2].equals(want.note())) {
                matching++;
                continue;
            }
            if (unsure.contains(e.getKey())) {
                uncertain++;
            } else if (row != null && seq(row[2]) >= 0 && seq(row[2]) < want.seq()) {
                stale++;
            }
            if (examples.size() < 5) {
                examples.add(e.getKey() + ": shows " + (row == null ? "no row" : row[1] + " '" + row[2] + "'")
                        + ", last accepted " + want.state() + " '" + want.note() + "'");
            }
        }
        return new StateCheck(expected.size(), matching, stale, uncertain, examples);
    }

    private static long seq(String note) {
        int hash = note.lastIndexOf('#');
        try {
            return hash < 0 ? -1 : Long.parseLong(note.substring(hash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    String summary() {
        return String.format("%d of %d rows show the last accepted publication; %d stale, %d uncertain, %d other",
                matching, rows, stale, uncertain, wrong() - stale - uncertain);
    }
}
