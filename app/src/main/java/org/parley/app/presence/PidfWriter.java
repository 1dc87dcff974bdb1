package org.parley.app.presence;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the user's {@link Publication} as a PIDF document with RPID (the body of PUBLISH, RFC 3903 §4, and of a
 * peer-to-peer NOTIFY, RFC 3856):
 * <pre>{@code
 * <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="…:data-model" xmlns:rpid="…:rpid" entity="sip:…">
 *   <tuple id="t…"><status><basic>open</basic></status><contact priority="1.0">sip:…</contact>
 *     <note>…</note><timestamp>…</timestamp></tuple>
 *   <dm:person id="p…"><rpid:activities><rpid:away/></rpid:activities><dm:note>…</dm:note>
 *     <dm:timestamp>…</dm:timestamp></dm:person>
 * </presence>}</pre>
 * Basic is {@code closed} only for offline; busy, do-not-disturb and the others stay {@code open}. The note goes in
 * the tuple (for clients that read only tuples) and in the person. Text is escaped by the JDK's StAX writer; the
 * note is already free of characters XML 1.0 cannot carry ({@link Note}). UTF-8, no DOCTYPE.
 *
 * <p>Pure and thread-safe.
 */
public final class PidfWriter {
    /** The media type of the body (RFC 3863). */
    public static final String CONTENT_TYPE = "application/pidf+xml";

    /** Builds the body. */
    public byte[] write(Publication publication) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(Namespaces.PIDF);
            xml.setPrefix("dm", Namespaces.DATA_MODEL);
            xml.setPrefix("rpid", Namespaces.RPID);
            xml.writeStartElement(Namespaces.PIDF, "presence");
            xml.writeDefaultNamespace(Namespaces.PIDF);
            xml.writeNamespace("dm", Namespaces.DATA_MODEL);
            xml.writeNamespace("rpid", Namespaces.RPID);
            xml.writeAttribute("entity", publication.entity().toString());
            String timestamp = DateTimeFormatter.ISO_INSTANT.format(publication.timestamp().truncatedTo(ChronoUnit.MILLIS));

            xml.writeStartElement(Namespaces.PIDF, "tuple");
            xml.writeAttribute("id", publication.tupleId());
            xml.writeStartElement(Namespaces.PIDF, "status");
            leaf(xml, Namespaces.PIDF, "basic", publication.state().isOpen() ? "open" : "closed");
            xml.writeEndElement();
            if (publication.contact().isPresent()) {
                xml.writeStartElement(Namespaces.PIDF, "contact");
                xml.writeAttribute("priority", "1.0");
                xml.writeCharacters(Note.canonical(publication.contact().get()));
                xml.writeEndElement();
            }
            if (publication.note().isPresent()) {
                note(xml, Namespaces.PIDF, publication.note().get());
            }
            leaf(xml, Namespaces.PIDF, "timestamp", timestamp);
            xml.writeEndElement();

            xml.writeStartElement(Namespaces.DATA_MODEL, "person");
            xml.writeAttribute("id", publication.personId());
            List<String> activities = ActivityMapping.activitiesFor(publication.state());
            if (!activities.isEmpty()) {
                xml.writeStartElement(Namespaces.RPID, "activities");
                for (String activity : activities) {
                    if (activity.startsWith("other:")) {
                        leaf(xml, Namespaces.RPID, "other", activity.substring("other:".length()));
                    } else {
                        xml.writeEmptyElement(Namespaces.RPID, activity);
                    }
                }
                xml.writeEndElement();
            }
            if (publication.note().isPresent()) {
                note(xml, Namespaces.DATA_MODEL, publication.note().get());
            }
            leaf(xml, Namespaces.DATA_MODEL, "timestamp", timestamp);
            xml.writeEndElement();

            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            // Writing to memory with checked values cannot fail; a failure is a bug.
            throw new IllegalStateException("Could not write a PIDF document", e);
        }
        return out.toByteArray();
    }

    private static void note(XMLStreamWriter xml, String namespace, Note note) throws XMLStreamException {
        xml.writeStartElement(namespace, "note");
        if (note.language().isPresent()) {
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", note.language().get());
        }
        xml.writeCharacters(note.text());
        xml.writeEndElement();
    }

    private static void leaf(XMLStreamWriter xml, String namespace, String local, String text)
            throws XMLStreamException {
        xml.writeStartElement(namespace, local);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
