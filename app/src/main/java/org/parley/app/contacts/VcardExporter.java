package org.parley.app.contacts;

import ezvcard.VCard;
import ezvcard.io.text.VCardWriter;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.Impp;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.parley.app.SipAddress;

/**
 * Writes contacts as a .vcf file with ez-vcard: one card per contact with FN, N, one {@code IMPP} per SIP
 * address, CATEGORIES for the groups, TEL and EMAIL. vCard 3.0 also gets {@code X-SIP} for address books that
 * predate IMPP. UTF-8, CRLF line ends, lines folded at 75 octets. Pure and thread-safe.
 */
public final class VcardExporter {
    /** The file's bytes. */
    public byte[] write(List<ContactCard> contacts, VcardVersion version) {
        StringWriter out = new StringWriter();
        try (VCardWriter writer = new VCardWriter(out, version == VcardVersion.V3_0
                ? ezvcard.VCardVersion.V3_0 : ezvcard.VCardVersion.V4_0)) {
            writer.setAddProdId(false);
            for (ContactCard contact : contacts) {
                writer.write(card(contact, version));
            }
        } catch (IOException e) {
            // Writing to memory fails only on a bug in the library.
            throw new IllegalStateException("Writing vCards to memory failed", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static VCard card(ContactCard contact, VcardVersion version) {
        VCard card = new VCard();
        card.setFormattedName(contact.name());
        card.setStructuredName(structuredName(contact.name()));
        for (SipAddress address : contact.addresses()) {
            card.addImpp(new Impp(address.toString()));
            if (version == VcardVersion.V3_0) {
                card.addExtendedProperty("X-SIP", address.toString());
            }
        }
        if (!contact.groups().isEmpty()) {
            Categories categories = new Categories();
            categories.getValues().addAll(contact.groups());
            card.addCategories(categories);
        }
        contact.phones().forEach(p -> card.addTelephoneNumber(new Telephone(p)));
        contact.emails().forEach(e -> card.addEmail(new Email(e)));
        return card;
    }

    /** "Ada Lovelace" → given "Ada", family "Lovelace"; one word is the family name. */
    private static StructuredName structuredName(String name) {
        StructuredName n = new StructuredName();
        String stripped = name.strip();
        int space = stripped.lastIndexOf(' ');
        if (space < 0) {
            n.setFamily(stripped);
        } else {
            n.setGiven(stripped.substring(0, space).strip());
            n.setFamily(stripped.substring(space + 1));
        }
        return n;
    }
}
