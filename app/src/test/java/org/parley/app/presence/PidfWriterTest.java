package org.parley.app.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.app.SipAddress;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class PidfWriterTest {
    private static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    private static final String DM = "urn:ietf:params:xml:ns:pidf:data-model";
    private static final String RPID = "urn:ietf:params:xml:ns:pidf:rpid";
    private static final SipAddress ALICE = SipAddress.parse("sip:alice@example.com");
    private static final Instant WHEN = Instant.parse("2026-11-26T03:40:00.123456Z");

    private final PidfWriter writer = new PidfWriter();

    private static Publication publication(PresenceState state, String note) {
        return Publication.of(ALICE, "laptop", state, note == null ? null : Note.of(note), WHEN);
    }

    private static Document dom(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String name(Element e) {
        return "{" + e.getNamespaceURI() + "}" + e.getLocalName();
    }

    @Test
    void writesPidfWithRpidInTheRightNamespacesAndOrder() throws Exception {
        byte[] body = writer.write(publication(PresenceState.AWAY, "Back at four"));
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").doesNotContain("DOCTYPE");

        Element root = dom(body).getDocumentElement();
        assertThat(name(root)).isEqualTo("{" + PIDF + "}presence");
        assertThat(root.getAttribute("entity")).isEqualTo("sip:alice@example.com");
        List<Element> top = children(root);
        assertThat(top).extracting(PidfWriterTest::name).containsExactly("{" + PIDF + "}tuple", "{" + DM + "}person");

        Element tuple = top.get(0);
        assertThat(tuple.getAttribute("id")).matches("t[0-9a-f]{16}");
        assertThat(children(tuple)).extracting(PidfWriterTest::name).containsExactly("{" + PIDF + "}status",
                "{" + PIDF + "}contact", "{" + PIDF + "}note", "{" + PIDF + "}timestamp");
        Element basic = children(children(tuple).get(0)).get(0);
        assertThat(name(basic)).isEqualTo("{" + PIDF + "}basic");
        assertThat(basic.getTextContent()).isEqualTo("open");
        assertThat(children(tuple).get(1).getTextContent()).isEqualTo("sip:alice@example.com");
        assertThat(children(tuple).get(3).getTextContent()).isEqualTo("2026-11-26T03:40:00.123Z");

        Element person = top.get(1);
        assertThat(person.getAttribute("id")).matches("p[0-9a-f]{16}");
        assertThat(children(person)).extracting(PidfWriterTest::name).containsExactly("{" + RPID + "}activities",
                "{" + DM + "}note", "{" + DM + "}timestamp");
        assertThat(children(children(person).get(0))).extracting(PidfWriterTest::name)
                .containsExactly("{" + RPID + "}away");
        assertThat(children(person).get(1).getTextContent()).isEqualTo("Back at four");
    }

    @ParameterizedTest
    @EnumSource(value = PresenceState.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void basicIsClosedOnlyWhenOffline(PresenceState state) throws Exception {
        Document doc = dom(writer.write(publication(state, null)));
        String basic = doc.getElementsByTagNameNS(PIDF, "basic").item(0).getTextContent();

        assertThat(basic).isEqualTo(state == PresenceState.OFFLINE ? "closed" : "open");
    }

    @Test
    void activitiesPerState() throws Exception {
        assertThat(activities(PresenceState.AVAILABLE)).isEmpty();
        assertThat(activities(PresenceState.OFFLINE)).isEmpty();
        assertThat(activities(PresenceState.AWAY)).containsExactly("away");
        assertThat(activities(PresenceState.BUSY)).containsExactly("busy");
        assertThat(activities(PresenceState.ON_THE_PHONE)).containsExactly("on-the-phone");
        assertThat(activities(PresenceState.IN_A_MEETING)).containsExactly("meeting");
        assertThat(activities(PresenceState.DO_NOT_DISTURB)).containsExactly("busy", "other=do-not-disturb");
    }

    private List<String> activities(PresenceState state) throws Exception {
        Document doc = dom(writer.write(publication(state, null)));
        List<String> out = new ArrayList<>();
        if (doc.getElementsByTagNameNS(RPID, "activities").getLength() == 1) {
            for (Element e : children((Element) doc.getElementsByTagNameNS(RPID, "activities").item(0))) {
                assertThat(e.getNamespaceURI()).isEqualTo(RPID);
                out.add(e.getLocalName().equals("other") ? "other=" + e.getTextContent() : e.getLocalName());
            }
        }
        return out;
    }

    @Test
    void escapesTheNoteAndDropsWhatXmlCannotCarry() throws Exception {
        String nasty = "a < b && c > d \"quoted\" 'single' ]]> <!-- x --> &amp; 😀 שלום עולם \u0000\u0001\u0008\u000B"
                + "\u000C\u001F\uFFFE\uFFFF\uD800 end";
        byte[] body = writer.write(publication(PresenceState.BUSY, nasty));

        Document doc = dom(body); // well-formed
        String expected = "a < b && c > d \"quoted\" 'single' ]]> <!-- x --> &amp; 😀 שלום עולם  end";
        assertThat(doc.getElementsByTagNameNS(PIDF, "note").item(0).getTextContent()).isEqualTo(expected);
        assertThat(doc.getElementsByTagNameNS(DM, "note").item(0).getTextContent()).isEqualTo(expected);
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("😀").contains("שלום");
    }

    @Test
    void writesTheNoteLanguage() throws Exception {
        Publication p = Publication.of(ALICE, "laptop", PresenceState.AVAILABLE, Note.of("Bin da", "de"), WHEN);
        Document doc = dom(writer.write(p));
        Element note = (Element) doc.getElementsByTagNameNS(PIDF, "note").item(0);

        assertThat(note.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("de");
    }

    @Test
    void noNoteNoNoteElements() throws Exception {
        Document doc = dom(writer.write(publication(PresenceState.AVAILABLE, "   ")));

        assertThat(doc.getElementsByTagNameNS(PIDF, "note").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS(DM, "note").getLength()).isZero();
    }

    @Test
    void idsAreStablePerDeviceAndDifferBetweenDevices() {
        Publication a = publication(PresenceState.AWAY, null);
        Publication b = Publication.of(ALICE, "laptop", PresenceState.BUSY, null, WHEN.plusSeconds(60));
        Publication c = Publication.of(ALICE, "desk", PresenceState.BUSY, null, WHEN);

        assertThat(a.tupleId()).isEqualTo(b.tupleId()).isNotEqualTo(c.tupleId());
        assertThat(a.personId()).isEqualTo(c.personId());
    }

    @Test
    void unknownCannotBePublished() {
        assertThatThrownBy(() -> publication(PresenceState.UNKNOWN, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReaderUnderstandsTheWriter() throws Exception {
        Pidf pidf = new Pidf(PidfLimits.DEFAULT, Locale.ENGLISH);
        Presence read = pidf.decode("sip:alice@example.com",
                pidf.encode(publication(PresenceState.IN_A_MEETING, "Planning")));

        assertThat(read.state()).isEqualTo(PresenceState.IN_A_MEETING);
        assertThat(read.note()).contains(Note.of("Planning"));
        assertThat(read.since()).isEqualTo(Optional.of(Instant.parse("2026-11-26T03:40:00.123Z")));
        assertThat(pidf.contentType()).isEqualTo("application/pidf+xml");
    }
}
