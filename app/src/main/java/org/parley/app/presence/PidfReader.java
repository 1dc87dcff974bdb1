package org.parley.app.presence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import org.parley.app.presence.PresenceDocumentException.Reason;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a PIDF body ({@code application/pidf+xml}, RFC 3863, with RFC 4479 persons and RFC 4480 activities) into a
 * {@link PresenceDocument}: strictly safe, loosely tolerant.
 *
 * <p>Safe: bodies over {@link PidfLimits#maxBytes()} are refused before parsing; DOCTYPEs are refused (so there
 * are no entity declarations, external entities or entity expansion); the depth and element count are bounded
 * while parsing; nothing is fetched from the network or the file system.
 *
 * <p>Tolerant: every optional element may be missing (no {@code <contact>}, {@code <note>}, {@code <timestamp>},
 * even no {@code <status>}); unknown elements and extensions are skipped whatever their namespace prefix;
 * invalid timestamps and priorities count as absent; draft-era RPID namespaces are understood. A root without
 * namespace named {@code presence} is read as PIDF.
 *
 * <p>Pure and thread-safe: each call uses its own parser.
 */
public final class PidfReader {
    private final PidfLimits limits;

    public PidfReader(PidfLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    public PidfReader() {
        this(PidfLimits.DEFAULT);
    }

    /**
     * Parses one body. An empty (or white-space only) body is the empty document: nothing known.
     *
     * @param body the body octets; the charset is taken from the XML declaration (UTF-8 if none)
     * @throws PresenceDocumentException if the body is refused; its reason and sentence say why
     */
    public PresenceDocument read(byte[] body) throws PresenceDocumentException {
        Objects.requireNonNull(body);
        if (body.length > limits.maxBytes()) {
            throw new PresenceDocumentException(Reason.TOO_LARGE,
                    "The presence document has " + body.length + " bytes; the limit is " + limits.maxBytes() + ".");
        }
        if (isBlank(body)) {
            return PresenceDocument.empty("");
        }
        PidfHandler handler = new PidfHandler(limits);
        try {
            InputSource source = new InputSource(new ByteArrayInputStream(body));
            SecureXml.newParser().parse(source, handler);
        } catch (PidfHandler.Refused e) {
            throw new PresenceDocumentException(e.reason(), e.getMessage());
        } catch (SAXParseException e) {
            if (isDoctype(e)) {
                throw new PresenceDocumentException(Reason.DOCTYPE,
                        "The presence document has a DOCTYPE, which is refused.", e);
            }
            throw new PresenceDocumentException(Reason.MALFORMED, "The presence document is not well-formed XML"
                    + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ").", e);
        } catch (SAXException | IOException e) {
            throw new PresenceDocumentException(Reason.MALFORMED, "The presence document cannot be read as XML.", e);
        }
        return handler.document();
    }

    private static boolean isDoctype(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("DOCTYPE") || message.contains("disallow-doctype-decl");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
