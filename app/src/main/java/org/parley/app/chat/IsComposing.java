package org.parley.app.chat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * RFC 3994 {@code application/im-iscomposing+xml} documents: building ours and reading the peer's.
 * Parsing refuses DTDs and external entities and documents over {@link #MAX_BYTES}. Thread-safe.
 */
public final class IsComposing {
    public static final String CONTENT_TYPE = "application/im-iscomposing+xml";
    static final int MAX_BYTES = 4096;
    private static final String NS = "urn:ietf:params:xml:ns:im-iscomposing";

    /** A peer's state. {@code refreshSeconds} is 0 when absent. */
    public record State(boolean active, int refreshSeconds) {
    }

    private IsComposing() {
    }

    /** Our document for {@code active} (with a refresh interval) or idle. */
    public static String document(boolean active, int refreshSeconds) {
        StringBuilder b = new StringBuilder(200)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<isComposing xmlns=\"").append(NS).append("\">\n")
                .append("  <state>").append(active ? "active" : "idle").append("</state>\n")
                .append("  <contenttype>text/plain</contenttype>\n");
        if (active && refreshSeconds > 0) {
            b.append("  <refresh>").append(refreshSeconds).append("</refresh>\n");
        }
        return b.append("</isComposing>\n").toString();
    }

    /** Parses a peer's document; empty when it is not a valid isComposing document. Never throws. */
    public static Optional<State> parse(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BYTES) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new ByteArrayInputStream(body));
            Element root = doc.getDocumentElement();
            if (!"isComposing".equals(root.getLocalName())) {
                return Optional.empty();
            }
            String state = text(root, "state");
            if (state == null) {
                return Optional.empty();
            }
            int refresh = 0;
            String r = text(root, "refresh");
            if (r != null) {
                try {
                    refresh = Math.max(0, Integer.parseInt(r.trim()));
                } catch (NumberFormatException e) {
                    refresh = 0;
                }
            }
            return Optional.of(new State("active".equalsIgnoreCase(state.trim()), refresh));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String text(Element root, String name) {
        NodeList list = root.getElementsByTagNameNS("*", name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }

    static String asString(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
