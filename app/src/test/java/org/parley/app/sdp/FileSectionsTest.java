package org.parley.app.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileSectionsTest {
    private static final FileDescription FILE = new FileDescription(
            FileSelector.of("report.pdf", "application/pdf", 5, FileHash.sha256(new byte[32])), "tid1", "attachment",
            Optional.empty(), Optional.empty());

    @Test
    void offerAndAnswerRoundTripThroughTheWire() throws Exception {
        SdpSession alice = new SdpSession(1, "127.0.0.1");
        FileSections.LocalMsrp sender = new FileSections.LocalMsrp("127.0.0.1", 2855,
                "msrp://127.0.0.1:2855/abc;tcp", Optional.empty());
        String offerText = new String(SdpWriter.bytes(alice.stamp(FileSections.offer(alice.origin(), sender, FILE))),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(offerText).contains("m=message 2855 TCP/MSRP *\r\n", "a=sendonly\r\n", "a=accept-types:*\r\n",
                "a=path:msrp://127.0.0.1:2855/abc;tcp\r\n", "a=file-transfer-id:tid1\r\n");

        SessionDescription offer = SdpParser.parse(offerText);
        FileSections.RemoteMsrp offered = FileSections.read(offer).orElseThrow();
        assertThat(FileSections.hasAudio(offer)).isFalse();
        assertThat(offered.path()).containsExactly("msrp://127.0.0.1:2855/abc;tcp");
        assertThat(offered.tls()).isFalse();
        assertThat(offered.file()).isEqualTo(FILE);

        SdpSession bob = new SdpSession(2, "127.0.0.1");
        FileSections.LocalMsrp receiver = new FileSections.LocalMsrp("127.0.0.1", 40000,
                "msrps://127.0.0.1:40000/xyz;tcp", Optional.of("sha-256 AA:BB"));
        SessionDescription answer = SdpParser.parse(SdpWriter.bytes(
                bob.stamp(FileSections.answer(bob.origin(), receiver, offered))));
        FileSections.RemoteMsrp answered = FileSections.read(answer).orElseThrow();

        assertThat(answer.media().get(0).hasAttribute("recvonly")).isTrue();
        assertThat(answered.tls()).isTrue();
        assertThat(answered.fingerprint()).contains("sha-256 AA:BB");
        assertThat(answered.file().transferId()).isEqualTo("tid1");
    }

    @Test
    void sectionsWithoutFileAttributesOrWithPortZeroAreNotFileTransfers() {
        MediaDescription chat = MediaDescription.of("message", 2855, "TCP/MSRP", List.of("*"),
                List.of(Attribute.of("path", "msrp://h:1/s;tcp")));
        MediaDescription rejected = MediaDescription.of("message", 0, "TCP/MSRP", List.of("*"), FILE.attributes());
        Origin origin = new SdpSession(1, "127.0.0.1").origin();

        assertThat(FileSections.read(session(origin, chat))).isEmpty();
        assertThat(FileSections.read(session(origin, rejected))).isEmpty();
    }

    private static SessionDescription session(Origin origin, MediaDescription m) {
        return new SessionDescription(origin, "-", Optional.of(Connection.in("127.0.0.1")), List.of(), Timing.UNBOUNDED,
                List.of(), List.of(m));
    }
}
