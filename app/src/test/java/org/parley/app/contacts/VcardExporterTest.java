package org.parley.app.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.app.SipAddress;

class VcardExporterTest {
    private static final List<ContactCard> ONE = List.of(
            ContactCard.of("Ada Lovelace", SipAddress.parse("sip:ada@example.com"), "Research"));

    @Test
    void writesVcard4WithImppAndCategories() {
        String vcf = new String(new VcardExporter().write(ONE, VcardVersion.V4_0), StandardCharsets.UTF_8);

        assertThat(vcf).startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n").endsWith("END:VCARD\r\n")
                .contains("\r\nFN:Ada Lovelace\r\n", "\r\nN:Lovelace;Ada;;;\r\n",
                        "\r\nIMPP:sip:ada@example.com\r\n", "\r\nCATEGORIES:Research\r\n")
                .doesNotContain("PRODID").doesNotContain("X-SIP");
    }

    @Test
    void writesVcard3WithXSipForOlderAddressBooks() {
        String vcf = new String(new VcardExporter().write(ONE, VcardVersion.V3_0), StandardCharsets.UTF_8);

        assertThat(vcf).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
                .contains("\r\nIMPP:sip:ada@example.com\r\n", "\r\nX-SIP:sip:ada@example.com\r\n");
    }

    @Test
    void noContactsNoCards() {
        assertThat(new VcardExporter().write(List.of(), VcardVersion.V4_0)).isEmpty();
    }
}
