package org.parley.app.contacts;

import java.util.List;

/**
 * The outcome of reading a .vcf file: the contacts found, in file order, and the cards skipped with their reasons.
 */
public record VcardImport(List<ContactCard> contacts, List<SkippedCard> skipped) {
    public VcardImport {
        contacts = List.copyOf(contacts);
        skipped = List.copyOf(skipped);
    }
}
