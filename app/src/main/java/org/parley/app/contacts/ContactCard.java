package org.parley.app.contacts;

import java.util.List;
import java.util.Objects;
import org.parley.app.SipAddress;

/**
 * A contact as vCards carry it for Parley: a display name, one or more SIP addresses (the first is the one to
 * subscribe to), the groups it belongs to (vCard {@code CATEGORIES}), and the phone numbers and e-mail addresses
 * that came along. A value; immutable and thread-safe.
 *
 * @param name      display name, never blank
 * @param addresses SIP addresses, at least one, without duplicates
 * @param groups    group names, possibly none
 * @param phones    phone numbers as written ({@code TEL}), possibly none
 * @param emails    e-mail addresses ({@code EMAIL}), possibly none
 */
public record ContactCard(String name, List<SipAddress> addresses, List<String> groups, List<String> phones,
        List<String> emails) {
    public ContactCard {
        Objects.requireNonNull(name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("A contact needs a name.");
        }
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("A contact needs a SIP address.");
        }
        groups = List.copyOf(groups);
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
    }

    /** A contact with one address and at most one group, as the contact list keeps it. */
    public static ContactCard of(String name, SipAddress address, String group) {
        return new ContactCard(name, List.of(address), group == null || group.isBlank() ? List.of() : List.of(group),
                List.of(), List.of());
    }

    /** The address to subscribe to. */
    public SipAddress address() {
        return addresses.get(0);
    }
}
