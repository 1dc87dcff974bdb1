package org.parley.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.app.SipAddress;
import org.parley.storage.ContactRecord;
import org.parley.storage.ContactStore;
import org.parley.storage.StorageException;

/**
 * The contact list of one account as the CLI edits it. Addresses are stored normalised, and an entry stored under
 * another spelling of the same address (e.g. by an older version) counts as the same contact: it is found,
 * replaced or removed with it.
 *
 * <p>Reads the list once, on first use, and keeps its own view up to date with its own changes: create one per
 * operation (a command, one import, one {@code run} command line), so changes made by others in between are seen.
 * Not thread-safe. Storage failures are passed on as {@link StorageException}.
 */
final class ContactBook {
    /** What {@link #put} did. */
    enum Change { ADDED, UPDATED }

    private final ContactStore store;
    private final String account;
    /** Normalised address → stored entries meaning it; null until first read. */
    private Map<String, List<ContactRecord>> byAddress;

    /** @param account the stored AOR of the account */
    ContactBook(ContactStore store, String account) {
        this.store = store;
        this.account = account;
    }

    String account() {
        return account;
    }

    /**
     * Adds the contact or updates the existing one. A null {@code name} or {@code group} keeps the stored value;
     * "" clears it. Other spellings of the address are replaced by the normalised one.
     *
     * @param address normalised address (see {@link ContactInput#address})
     */
    Change put(String address, String name, String group) throws StorageException {
        List<ContactRecord> spellings = index().getOrDefault(address, List.of());
        Optional<ContactRecord> existing = preferred(spellings, address);
        String newName = name != null ? name : existing.map(ContactRecord::name).orElse(null);
        String newGroup = group != null ? group : existing.map(ContactRecord::group).orElse(null);
        for (ContactRecord other : spellings) {
            if (!other.address().equals(address)) {
                store.remove(account, other.address());
            }
        }
        ContactRecord saved = new ContactRecord(account, address, blankToNull(newName), blankToNull(newGroup));
        store.save(saved);
        index().put(address, new ArrayList<>(List.of(saved)));
        return existing.isPresent() ? Change.UPDATED : Change.ADDED;
    }

    /** Removes every entry meaning {@code address} (normalised); false when there was none. */
    boolean remove(String address) throws StorageException {
        boolean removed = store.remove(account, address);
        for (ContactRecord c : index().getOrDefault(address, List.of())) {
            if (!c.address().equals(address)) {
                removed |= store.remove(account, c.address());
            }
        }
        index().remove(address);
        return removed;
    }

    /** The stored entry for {@code address} (normalised): the one spelt exactly so, else another spelling. */
    Optional<ContactRecord> find(String address) throws StorageException {
        return preferred(index().getOrDefault(address, List.of()), address);
    }

    private Map<String, List<ContactRecord>> index() throws StorageException {
        if (byAddress == null) {
            byAddress = new LinkedHashMap<>();
            for (ContactRecord c : store.list(account)) {
                byAddress.computeIfAbsent(normalised(c.address()), a -> new ArrayList<>()).add(c);
            }
        }
        return byAddress;
    }

    private static Optional<ContactRecord> preferred(List<ContactRecord> spellings, String address) {
        return spellings.stream().filter(c -> c.address().equals(address)).findFirst()
                .or(() -> spellings.stream().findFirst());
    }

    /** A stored address normalised; one that does not parse any more stays as it is. */
    private static String normalised(String stored) {
        try {
            return SipAddress.parse(stored).toString();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
