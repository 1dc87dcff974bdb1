package org.parley.app.sip.validation;

/** Makes text from the network safe to echo in a Reason-Phrase or a log line. */
final class Printable {
    private static final int MAX = 120;

    private Printable() {
    }

    /**
     * Printable US-ASCII only (others become '?'), at most 120 characters, never empty or null; suitable as
     * a SIP Reason-Phrase.
     */
    static String reasonPhrase(String text) {
        if (text == null || text.isBlank()) {
            return "Bad Request";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX));
        for (int i = 0; i < text.length() && b.length() < MAX; i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString().strip();
    }
}
