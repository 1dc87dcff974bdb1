package org.parley.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.storage.AccountRecord;
import org.parley.storage.AccountStore;
import org.parley.storage.CallHistoryStore;
import org.parley.storage.ContactRecord;
import org.parley.storage.ContactStore;
import org.parley.storage.DeliveryState;
import org.parley.storage.Direction;
import org.parley.storage.HistoryStore;
import org.parley.storage.MessageRecord;
import org.parley.storage.PreferenceStore;
import org.parley.storage.Profile;
import org.parley.storage.SearchHit;
import org.parley.storage.WrongPassphraseException;

/**
 * A {@link ProfileFactory} keeping profiles in memory, keyed by directory, for tests of commands that need a
 * profile but not real encryption (send and run with a {@link FakeParley}). Thread-safe enough for tests:
 * every method is synchronized on the profile.
 */
final class InMemoryProfiles implements ProfileFactory {
    private final Map<Path, MemoryProfile> profiles = new ConcurrentHashMap<>();

    @Override
    public boolean exists(Path dir) {
        return profiles.containsKey(dir);
    }

    @Override
    public Profile create(Path dir, char[] passphrase) {
        MemoryProfile profile = new MemoryProfile(passphrase.clone());
        profiles.put(dir, profile);
        profile.closed = false;
        return profile;
    }

    @Override
    public Profile open(Path dir, char[] passphrase) throws WrongPassphraseException {
        MemoryProfile profile = profiles.get(dir);
        if (!Arrays.equals(profile.passphrase, passphrase)) {
            throw new WrongPassphraseException();
        }
        profile.closed = false;
        return profile;
    }

    MemoryProfile get(Path dir) {
        return profiles.get(dir);
    }

    static final class MemoryProfile implements Profile, AccountStore, HistoryStore {
        private final char[] passphrase;
        private final Map<String, AccountRecord> accounts = new LinkedHashMap<>();
        private final List<MessageRecord> messages = new ArrayList<>();
        private final AtomicLong ids = new AtomicLong();
        private final MemoryContacts contacts = new MemoryContacts();
        volatile boolean closed;

        MemoryProfile(char[] passphrase) {
            this.passphrase = passphrase;
        }

        @Override
        public HistoryStore history() {
            return this;
        }

        @Override
        public AccountStore accounts() {
            return this;
        }

        @Override
        public ContactStore contacts() {
            return contacts;
        }

        @Override
        public PreferenceStore preferences() {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.parley.storage.TransferHistoryStore transfers() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CallHistoryStore calls() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void changePassphrase(char[] current, char[] next) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public synchronized void save(AccountRecord account) {
            accounts.put(account.aor(), account);
        }

        @Override
        public synchronized boolean remove(String aor) {
            return accounts.remove(aor) != null;
        }

        @Override
        public synchronized List<AccountRecord> list() {
            return List.copyOf(accounts.values());
        }

        @Override
        public synchronized Optional<AccountRecord> find(String aor) {
            return Optional.ofNullable(accounts.get(aor));
        }

        synchronized MessageRecord add(String account, String peer, Direction direction, String body,
                                       DeliveryState state) {
            MessageRecord m = new MessageRecord(ids.incrementAndGet(), account, peer, direction, body,
                    Instant.now(), state, null, "key-" + ids.get());
            messages.add(m);
            return m;
        }

        @Override
        public CompletableFuture<MessageRecord> appendOutgoing(String account, String peer, String body,
                                                               String sipKey) {
            return CompletableFuture.completedFuture(add(account, peer, Direction.OUT, body, DeliveryState.QUEUED));
        }

        @Override
        public CompletableFuture<Optional<MessageRecord>> appendIncoming(String account, String peer, String body,
                                                                         String sipKey) {
            return CompletableFuture.completedFuture(
                    Optional.of(add(account, peer, Direction.IN, body, DeliveryState.RECEIVED)));
        }

        @Override
        public CompletableFuture<Void> updateState(long id, DeliveryState state, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized List<MessageRecord> pendingOutgoing(String account) {
            return messages.stream().filter(m -> m.account().equals(account) && m.state() == DeliveryState.QUEUED)
                    .toList();
        }

        @Override
        public synchronized List<MessageRecord> conversation(String account, String peer, long beforeId,
                                                             int limit) {
            return messages.stream()
                    .filter(m -> m.account().equals(account) && m.peer().equals(peer) && m.id() < beforeId)
                    .sorted(Comparator.comparingLong(MessageRecord::id).reversed()).limit(limit).toList();
        }

        @Override
        public synchronized Optional<MessageRecord> find(long id) {
            return messages.stream().filter(m -> m.id() == id).findFirst();
        }

        @Override
        public synchronized List<SearchHit> search(String text, int limit) {
            return messages.stream().filter(m -> m.body().contains(text)).limit(limit)
                    .map(m -> new SearchHit(m, m.body().replace(text, "[" + text + "]"))).toList();
        }
    }

    /** Contacts keyed by (account, address), listed in insertion order. */
    static final class MemoryContacts implements ContactStore {
        private final Map<List<String>, ContactRecord> contacts = new LinkedHashMap<>();

        @Override
        public synchronized void save(ContactRecord contact) {
            contacts.put(List.of(contact.account(), contact.address()), contact);
        }

        @Override
        public synchronized boolean remove(String account, String address) {
            return contacts.remove(List.of(account, address)) != null;
        }

        @Override
        public synchronized List<ContactRecord> list(String account) {
            return contacts.values().stream().filter(c -> c.account().equals(account)).toList();
        }
    }
}
