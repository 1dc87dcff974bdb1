package org.parley.ui.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A search snippet as storage returns it ("… the [meeting] is at …") split into runs, highlighted or not.
 * Unbalanced brackets are shown as text.
 */
public final class Snippet {
    public record Run(String text, boolean highlighted) {
    }

    private Snippet() {
    }

    public static List<Run> parse(String snippet) {
        List<Run> runs = new ArrayList<>();
        int pos = 0;
        while (pos < snippet.length()) {
            int open = snippet.indexOf('[', pos);
            int close = open < 0 ? -1 : snippet.indexOf(']', open + 1);
            if (open < 0 || close < 0) {
                runs.add(new Run(snippet.substring(pos), false));
                break;
            }
            if (open > pos) {
                runs.add(new Run(snippet.substring(pos, open), false));
            }
            if (close > open + 1) {
                runs.add(new Run(snippet.substring(open + 1, close), true));
            }
            pos = close + 1;
        }
        return runs;
    }
}
