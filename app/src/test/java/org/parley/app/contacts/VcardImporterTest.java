package org.parley.app.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.SipAddress;

/** Hand-written .vcf files shaped like what Outlook, Android/Linphone, Jitsi, Apple and others export. */
class VcardImporterTest {
    private final VcardImporter importer = new VcardImporter();

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = VcardImporterTest.class.getResourceAsStream("/presence/vcard/" + name)) {
            return in.readAllBytes();
        }
    }

    private static SipAddress sip(String s) {
        return SipAddress.parse(s);
    }

    @Test
    void vcard4WithUtf8NamesImppAndCategories() throws Exception {
        VcardImport result = importer.read(sample("v4-team.vcf"));

        assertThat(result.skipped()).isEmpty();
        assertThat(result.contacts()).extracting(ContactCard::name).containsExactly("Zoë Äpfelbaum", "山田 太郎",
                "דנה כהן");
        ContactCard zoe = result.contacts().get(0);
        assertThat(zoe.addresses()).containsExactly(sip("sip:zoe@example.com"));
        assertThat(zoe.groups()).containsExactly("Engineering", "Berlin");
        assertThat(zoe.phones()).containsExactly("tel:+41-44-555-0100");
        assertThat(zoe.emails()).containsExactly("zoe@example.com");
        ContactCard taro = result.contacts().get(1);
        assertThat(taro.addresses()).as("xmpp is not SIP").containsExactly(sip("sips:taro.yamada@example.jp"));
        assertThat(taro.groups()).containsExactly("東京");
    }

    @Test
    void vcard3QuotedPrintableFoldedLinesAndOutlookImAddress() throws Exception {
        VcardImport result = importer.read(sample("v3-outlook-qp-folded.vcf"));

        assertThat(result.skipped()).isEmpty();
        ContactCard juergen = result.contacts().get(0);
        assertThat(juergen.name()).isEqualTo("Jürgen Müller");
        assertThat(juergen.addresses()).containsExactly(sip("sip:juergen.mueller@corp.example.com"));
        assertThat(juergen.groups()).containsExactly("Sales");
        assertThat(juergen.phones()).containsExactly("+49 30 5550 1234");
        ContactCard ada = result.contacts().get(1);
        assertThat(ada.name()).isEqualTo("Ada Lovelace");
        assertThat(ada.address()).isEqualTo(sip("sip:ada@analytical.example"));
        assertThat(ada.groups()).as("folded CATEGORIES").containsExactly("Research", "Engine Room");
    }

    @Test
    void sipAddressVariantsOfOtherClients() throws Exception {
        VcardImport result = importer.read(sample("v3-android-linphone.vcf"));

        assertThat(result.skipped()).isEmpty();
        assertThat(result.contacts()).extracting(ContactCard::name).containsExactly("Bob Phone", "Carol Jitsi",
                "Dave Apple", "Desk Phone 1234");
        assertThat(result.contacts().get(0).addresses()).as("duplicates collapse")
                .containsExactly(sip("sip:bob@sip.linphone.example"));
        assertThat(result.contacts().get(0).phones()).containsExactly("+1 555 0101");
        assertThat(result.contacts().get(1).address()).isEqualTo(sip("sip:carol@jitsi.example"));
        assertThat(result.contacts().get(2).addresses()).containsExactly(sip("sip:dave@apple.example"));
        assertThat(result.contacts().get(3).addresses()).containsExactly(sip("sip:1234@pbx.example.com"));
        assertThat(result.contacts().get(3).phones()).as("a sip: TEL is an address, not a phone").isEmpty();
    }

    @Test
    void oddCardsAreSkippedWithReasonsOrRepaired() throws Exception {
        VcardImport result = importer.read(sample("odd-cards.vcf"));

        assertThat(result.contacts()).extracting(ContactCard::name).containsExactly("anonymous", "Eva Österreich");
        assertThat(result.contacts().get(1).address()).isEqualTo(sip("sip:eva@example.at"));
        assertThat(result.skipped()).extracting(SkippedCard::position, SkippedCard::name, SkippedCard::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "No Sip Person", SkippedCard.Reason.NO_SIP_ADDRESS),
                        org.assertj.core.groups.Tuple.tuple(2, "Broken Address",
                                SkippedCard.Reason.INVALID_SIP_ADDRESS),
                        org.assertj.core.groups.Tuple.tuple(4, "", SkippedCard.Reason.NO_SIP_ADDRESS));
        assertThat(result.skipped().get(0).detail()).isEqualTo("No Sip Person has no SIP address.");
        assertThat(result.skipped().get(2).detail()).isEqualTo("Card 4 has no SIP address.");
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252() throws Exception {
        VcardImport result = importer.read(sample("windows-1252.vcf"));

        assertThat(result.contacts()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("François Garçon");
            assertThat(c.address()).isEqualTo(sip("sip:francois@example.fr"));
        });
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
        byte[] body = ("\uFEFFBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bom\r\nIMPP:sip:bom@example.com\r\nEND:VCARD\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(importer.read(body).contacts()).extracting(ContactCard::name).containsExactly("Bom");
    }

    @Test
    void aFileWithoutCardsIsRefused() {
        assertThatThrownBy(() -> importer.read("hello, not a vCard".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(VcardException.class,
                        e -> assertThat(e.reason()).isEqualTo(VcardException.Reason.NO_CARDS))
                .hasMessage("The file has no vCard in it.");
    }

    @Test
    void filesOverFiveMegabytesAreRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.vcf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(VcardImporter.MAX_FILE_BYTES + 1); // sparse: nothing is read
        }
        assertThatThrownBy(() -> importer.read(big)).isInstanceOfSatisfying(VcardException.class,
                e -> assertThat(e.reason()).isEqualTo(VcardException.Reason.TOO_LARGE));
        assertThatThrownBy(() -> importer.read(new byte[(int) VcardImporter.MAX_FILE_BYTES + 1]))
                .isInstanceOf(VcardException.class);
    }

    @Test
    void aFileJustUnderTheLimitWithThousandsOfCardsIsRead(@TempDir Path dir) throws Exception {
        StringBuilder vcf = new StringBuilder();
        int n = 0;
        while (vcf.length() < 4_500_000) {
            vcf.append("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:User ").append(n).append("\r\nIMPP:sip:user").append(n)
                    .append("@example.com\r\nCATEGORIES:Bulk\r\nEND:VCARD\r\n");
            n++;
        }
        Path file = Files.writeString(dir.resolve("many.vcf"), vcf);

        VcardImport result = importer.read(file);
        assertThat(result.contacts()).hasSize(n);
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void aMissingFileIsUnreadable(@TempDir Path dir) {
        assertThatThrownBy(() -> importer.read(dir.resolve("absent.vcf"))).isInstanceOfSatisfying(
                VcardException.class, e -> assertThat(e.reason()).isEqualTo(VcardException.Reason.UNREADABLE));
    }

    @Test
    void exportedFilesImportToTheSameContacts() throws Exception {
        List<ContactCard> contacts = List.of(
                ContactCard.of("Zoë Äpfelbaum", sip("sip:zoe@example.com"), "Engineering"),
                ContactCard.of("山田 太郎", sip("sips:taro@example.jp:5061"), null),
                ContactCard.of("Semi;colon, Comma\\Back", sip("sip:odd@example.com"), "Group, with; marks"),
                new ContactCard("A very long name that certainly needs folding because it goes on and on and on",
                        List.of(sip("sip:long@example.com"), sip("sip:long2@example.com")), List.of("One", "Two"),
                        List.of("+1 555 0100"), List.of("long@example.com")));
        for (VcardVersion version : VcardVersion.values()) {
            byte[] file = new VcardExporter().write(contacts, version);
            assertThat(importer.read(file).contacts()).as(version.name()).isEqualTo(contacts);
        }
    }
}
