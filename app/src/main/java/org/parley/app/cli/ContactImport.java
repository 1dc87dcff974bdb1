package org.parley.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.parley.app.contacts.ContactCard;
import org.parley.app.contacts.SkippedCard;
import org.parley.app.contacts.VcardImport;
import org.parley.storage.StorageException;

/**
 * Stores the cards of a read .vcf file in one account's contact list and counts what happened. A card is stored
 * under its first SIP address with its name and group cleaned and cut to {@link ContactInput#MAX_LABEL}
 * characters; its group is the fixed one when given, else its first category (a card without categories keeps
 * the stored group). A card already in the list (also earlier in the same file) is updated. Cards the reader
 * skipped are reported, never stored. Only a storage failure stops it. Runs on the caller's thread.
 */
final class ContactImport {
    /** The outcome, for the summary the user sees. */
    record Report(int added, int updated, List<SkippedCard> skipped) {
        Report {
            skipped = List.copyOf(skipped);
        }
    }

    private final ContactBook book;
    private final String fixedGroup;

    /** @param fixedGroup the group for every imported contact, or null to take each card's own */
    ContactImport(ContactBook book, String fixedGroup) {
        this.book = book;
        this.fixedGroup = fixedGroup;
    }

    Report apply(VcardImport cards) throws StorageException {
        int added = 0;
        int updated = 0;
        for (ContactCard card : cards.contacts()) {
            ContactBook.Change change = book.put(card.address().toString(), ContactInput.clipped(card.name()),
                    group(card));
            if (change == ContactBook.Change.ADDED) {
                added++;
            } else {
                updated++;
            }
        }
        return new Report(added, updated, new ArrayList<>(cards.skipped()));
    }

    private String group(ContactCard card) {
        if (fixedGroup != null) {
            return fixedGroup;
        }
        return card.groups().isEmpty() ? null : ContactInput.clipped(card.groups().get(0));
    }
}
