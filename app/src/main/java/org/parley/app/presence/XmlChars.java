package org.parley.app.presence;

/** The XML 1.0 {@code Char} production (§2.2), for dropping what a document cannot carry. */
final class XmlChars {
    private XmlChars() {
    }

    /** Whether the code point may appear in an XML 1.0 document. Lone surrogates may not. */
    static boolean isAllowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
