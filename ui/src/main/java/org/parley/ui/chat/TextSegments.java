package org.parley.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits message text into plain runs and links (http, https and mailto), so the view can make links
 * clickable. Trailing punctuation that usually ends a sentence is not part of a link.
 */
public final class TextSegments {
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|mailto:)[^\\s<>\"]+");
    private static final String TRAILING = ".,;:!?)]}'";

    /** @param link true for a link; {@code text} is then its target */
    public record Segment(String text, boolean link) {
    }

    private TextSegments() {
    }

    public static List<Segment> split(String text) {
        List<Segment> out = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        int pos = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (m.start() > pos) {
                out.add(new Segment(text.substring(pos, m.start()), false));
            }
            out.add(new Segment(text.substring(m.start(), end), true));
            pos = end;
        }
        if (pos < text.length()) {
            out.add(new Segment(text.substring(pos), false));
        }
        return out;
    }
}
