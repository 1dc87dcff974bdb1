package org.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountContactStoreTest {
    static final String A = "sip:alice@example.com";
    static final String B = "sips:bob@example.org";

    @TempDir
    Path tmp;
    Profile profile;

    @BeforeEach
    void open() throws StorageException {
        profile = Profiles.create(tmp.resolve("p"), "pass".toCharArray());
    }

    @AfterEach
    void close() {
        profile.close();
    }

    @Test
    void accountsAreSavedReplacedListedAndRemoved() throws Exception {
        AccountStore accounts = profile.accounts();
        AccountRecord alice = new AccountRecord(A, "alice-auth", "pw1", "proxy.example.com:5061", "TLS", 600,
                "/etc/trust.p12", "AB:CD");
        accounts.save(alice);
        accounts.save(new AccountRecord(B, null, "pw2", null, "UDP", 3600, null, null));

        assertThat(accounts.find(A)).contains(alice);
        assertThat(accounts.find(B).orElseThrow().authUser()).as("defaults to the AOR user part").isEqualTo("bob");
        assertThat(accounts.list()).extracting(AccountRecord::aor).containsExactly(A, B);

        AccountRecord changed = new AccountRecord(A, "alice-auth", "pw-new", null, "TCP", 300, null, null);
        accounts.save(changed);
        assertThat(accounts.find(A)).contains(changed);
        assertThat(accounts.list()).hasSize(2);

        assertThat(accounts.remove(A)).isTrue();
        assertThat(accounts.remove(A)).isFalse();
        assertThat(accounts.find(A)).isEmpty();
    }

    @Test
    void contactsAreKeptPerAccountSortedByName() throws Exception {
        ContactStore contacts = profile.contacts();
        contacts.save(new ContactRecord(A, "sip:zed@example.com", "Zed", "Work"));
        contacts.save(new ContactRecord(A, "sip:anna@example.com", null, null));
        contacts.save(new ContactRecord(A, "sip:bert@example.com", "bert", "Friends"));
        contacts.save(new ContactRecord(B, "sip:other@example.com", "Other", null));

        assertThat(contacts.list(A)).extracting(ContactRecord::address)
                .containsExactly("sip:bert@example.com", "sip:anna@example.com", "sip:zed@example.com");

        contacts.save(new ContactRecord(A, "sip:zed@example.com", "Aaron Zed", "Family"));
        assertThat(contacts.list(A).get(0)).isEqualTo(new ContactRecord(A, "sip:zed@example.com", "Aaron Zed",
                "Family"));
        assertThat(contacts.remove(A, "sip:zed@example.com")).isTrue();
        assertThat(contacts.remove(A, "sip:zed@example.com")).isFalse();
        assertThat(contacts.list(A)).hasSize(2);
        assertThat(contacts.list(B)).hasSize(1);
    }
}
