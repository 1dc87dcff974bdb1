package org.parley.app.sip;

import java.text.ParseException;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;

/** Adds comma-separated list headers (Allow, Accept, Supported, Unsupported) one value at a time. */
final class ListHeaders {
    private ListHeaders() {
    }

    /** jain-sip's createHeader refuses a list in one string for these headers; it merges single values. */
    static void add(Message message, HeaderFactory factory, String name, String commaSeparated)
            throws ParseException {
        for (String value : commaSeparated.split(",")) {
            String v = value.trim();
            if (!v.isEmpty()) {
                message.addHeader(factory.createHeader(name, v));
            }
        }
    }
}
