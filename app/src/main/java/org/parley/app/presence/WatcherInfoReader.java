package org.parley.app.presence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.parley.app.presence.PresenceDocumentException.Reason;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads {@code application/watcherinfo+xml} (RFC 3858) with the same safety as PIDF ({@link SecureXml}: no DTD,
 * no entities; the size and element limits of {@link PidfLimits}). Tolerant: unknown elements and attributes are
 * ignored, a watcher without a URI is skipped, a missing status counts as {@code active}. Pure and thread-safe.
 */
public final class WatcherInfoReader {
    static final String NS = "urn:ietf:params:xml:ns:watcherinfo";
    private final PidfLimits limits;

    public WatcherInfoReader(PidfLimits limits) {
        this.limits = limits;
    }

    public WatcherInfoReader() {
        this(PidfLimits.DEFAULT);
    }

    /** @throws PresenceDocumentException when the body is too large, malformed or not watcher-info */
    public WatcherInfo read(byte[] body) throws PresenceDocumentException {
        if (body.length > limits.maxBytes()) {
            throw new PresenceDocumentException(Reason.TOO_LARGE,
                    "The watcher list has " + body.length + " bytes; the limit is " + limits.maxBytes() + ".");
        }
        Handler handler = new Handler();
        try {
            SecureXml.newParser().parse(new InputSource(new ByteArrayInputStream(body)), handler);
        } catch (Refused e) {
            throw new PresenceDocumentException(e.reason, e.getMessage());
        } catch (SAXException | IOException e) {
            throw new PresenceDocumentException(Reason.MALFORMED, "The watcher list is not well-formed XML.", e);
        }
        if (!handler.sawRoot) {
            throw new PresenceDocumentException(Reason.NOT_PIDF, "The document is not a watcher list.");
        }
        return new WatcherInfo(handler.version, handler.full, handler.watchers);
    }

    private static final class Refused extends SAXException {
        private static final long serialVersionUID = 1L;
        private final transient Reason reason;

        Refused(Reason reason, String sentence) {
            super(sentence);
            this.reason = reason;
        }
    }

    private final class Handler extends DefaultHandler {
        final List<Watcher> watchers = new ArrayList<>();
        long version;
        boolean full = true;
        boolean sawRoot;
        private int depth;
        private int elements;
        private String watcherId;
        private String watcherStatus;
        private StringBuilder uri;

        @Override
        public void startElement(String ns, String local, String qName, Attributes a) throws SAXException {
            depth++;
            if (++elements > limits.maxElements()) {
                throw new Refused(Reason.TOO_MANY_ELEMENTS, "The watcher list has too many elements.");
            }
            if (depth > limits.maxDepth()) {
                throw new Refused(Reason.TOO_DEEP, "The watcher list is nested too deeply.");
            }
            if (depth == 1) {
                if (!"watcherinfo".equals(local) || !(NS.equals(ns) || ns.isEmpty())) {
                    throw new Refused(Reason.NOT_PIDF, "The document is not a watcher list.");
                }
                sawRoot = true;
                full = !"partial".equals(a.getValue("state"));
                try {
                    version = Long.parseLong(String.valueOf(a.getValue("version")).trim());
                } catch (NumberFormatException e) {
                    version = -1;
                }
            } else if ("watcher".equals(local)) {
                watcherId = a.getValue("id");
                String status = a.getValue("status");
                watcherStatus = status == null || status.isBlank() ? "active" : status.trim();
                uri = new StringBuilder();
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (uri != null) {
                uri.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String ns, String local, String qName) {
            if ("watcher".equals(local) && uri != null) {
                String text = uri.toString().strip();
                if (!text.isEmpty()) {
                    watchers.add(new Watcher(watcherId == null ? text : watcherId, text, watcherStatus));
                }
                uri = null;
            }
            depth--;
        }
    }
}
