package org.parley.app.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 3858 watcher-info documents: full and partial lists, tolerance, and the same safety as PIDF. */
class WatcherInfoReaderTest {
    private final WatcherInfoReader reader = new WatcherInfoReader();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFullListFromTheRfcShapeIsRead() throws Exception {
        WatcherInfo info = reader.read(utf8("""
                <?xml version="1.0"?>
                <watcherinfo xmlns="urn:ietf:params:xml:ns:watcherinfo" version="0" state="full">
                  <watcher-list resource="sip:alice@example.com" package="presence">
                    <watcher status="active" id="sr8fdsj" duration-subscribed="509" expiration="20"
                             event="approved">sip:bob@example.com</watcher>
                    <watcher status="pending" id="hh8juja87s997-ass7" display-name="Cathy"
                             event="subscribe">sip:cathy@example.com</watcher>
                  </watcher-list>
                </watcherinfo>"""));
        assertThat(info.full()).isTrue();
        assertThat(info.version()).isZero();
        assertThat(info.watchers()).containsExactly(new Watcher("sr8fdsj", "sip:bob@example.com", "active"),
                new Watcher("hh8juja87s997-ass7", "sip:cathy@example.com", "pending"));
    }

    @Test
    void aPartialListWithPrefixesAndUnknownPartsIsRead() throws Exception {
        WatcherInfo info = reader.read(utf8("""
                <w:watcherinfo xmlns:w="urn:ietf:params:xml:ns:watcherinfo" version="7" state="partial">
                  <w:watcher-list resource="sip:alice@example.com" package="presence">
                    <w:watcher id="a" status="terminated" event="timeout">sip:bob@example.com</w:watcher>
                    <w:watcher id="b">  sip:dora@example.com  </w:watcher>
                    <w:watcher id="c" status="active"></w:watcher>
                    <x:unknown xmlns:x="urn:example"/>
                  </w:watcher-list>
                </w:watcherinfo>"""));
        assertThat(info.full()).isFalse();
        assertThat(info.version()).isEqualTo(7);
        assertThat(info.watchers()).containsExactly(new Watcher("a", "sip:bob@example.com", "terminated"),
                new Watcher("b", "sip:dora@example.com", "active"));
    }

    @Test
    void hostileOrForeignDocumentsAreRefused() {
        assertThatThrownBy(() -> reader.read(utf8("""
                <?xml version="1.0"?>
                <!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <watcherinfo xmlns="urn:ietf:params:xml:ns:watcherinfo">&x;</watcherinfo>""")))
                .isInstanceOf(PresenceDocumentException.class);
        assertThatThrownBy(() -> reader.read(utf8("<presence xmlns='urn:ietf:params:xml:ns:pidf'/>")))
                .isInstanceOf(PresenceDocumentException.class).hasMessage("The document is not a watcher list.");
        assertThatThrownBy(() -> reader.read(new byte[70_000])).isInstanceOf(PresenceDocumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> reader.read(utf8("<watcherinfo"))).isInstanceOf(PresenceDocumentException.class);
    }
}
