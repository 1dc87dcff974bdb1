package org.parley.app.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.parley.app.ParleyEvent;
import org.parley.app.SipAddress;
import org.parley.app.presence.Note;
import org.parley.app.presence.Pidf;
import org.parley.app.presence.Presence;
import org.parley.app.presence.PresenceDocumentException;
import org.parley.app.presence.PresenceState;
import org.parley.app.presence.Publication;
import org.parley.app.presence.Watcher;
import org.parley.app.presence.WatcherDecision;
import org.parley.app.presence.WatcherInfo;
import org.parley.app.presence.WatcherInfoReader;
import org.parley.app.sip.presence.AccountPresence;
import org.parley.app.sip.presence.PublishOutcome;
import org.parley.app.sip.presence.SubscriptionState;
import org.parley.storage.ContactRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's own presence and what is known of every watched contact. Turns the user's choice into a PIDF
 * document per account, keeps each account's watch list equal to its stored contacts, decodes NOTIFY bodies and
 * publishes {@link ParleyEvent.PresenceChanged} when a contact's state or note changes. An account that is not
 * registered knows nothing of its contacts: they become {@link PresenceState#UNKNOWN}.
 *
 * <p>Threading: core thread only (it is the core's {@link AccountPresence.Listener}).
 */
final class PresenceEngine implements AccountPresence.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceEngine.class);

    private final Pidf pidf = new Pidf();
    private final Consumer<ParleyEvent> emit;
    private final String device;
    private final Clock clock;
    private final Map<String, Map<String, Presence>> known = new HashMap<>();
    private final Map<String, Map<String, Watcher>> watchers = new HashMap<>();
    private final Map<String, List<Watcher>> served = new HashMap<>();
    private final BiFunction<String, SipAddress, Optional<WatcherDecision>> policy;
    private final WatcherInfoReader watcherInfo = new WatcherInfoReader();
    private PresenceTransport transport;
    private PresenceState own = PresenceState.AVAILABLE;
    private String note = "";
    private boolean inCall;

    /** @param device a stable id of this installation (tuple ids stay the same across publications) */
    PresenceEngine(Consumer<ParleyEvent> emit, String device, Clock clock) {
        this(emit, device, clock, (account, watcher) -> Optional.empty());
    }

    /** @param policy the user's standing decisions about watchers (see {@link WatcherPolicy}); any thread */
    PresenceEngine(Consumer<ParleyEvent> emit, String device, Clock clock,
                   BiFunction<String, SipAddress, Optional<WatcherDecision>> policy) {
        this.emit = emit;
        this.device = device;
        this.clock = clock;
        this.policy = policy;
    }

    /** The signalling instance now in use (it is replaced when accounts are reloaded). */
    void attach(PresenceTransport now, List<String> accounts, Map<String, List<ContactRecord>> contacts) {
        this.transport = now;
        known.keySet().retainAll(accounts);
        for (String account : accounts) {
            publishFor(account);
            contactsChanged(account, contacts.getOrDefault(account, List.of()));
        }
    }

    PresenceState own() {
        return own;
    }

    String ownNote() {
        return note;
    }

    /** The user chose a state (and note): published on every account. */
    void setOwn(PresenceState state, String newNote, List<String> accounts) {
        if (state == PresenceState.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a state one can choose.");
        }
        own = Objects.requireNonNull(state);
        note = newNote == null ? "" : newNote.strip();
        accounts.forEach(this::publishFor);
    }

    /**
     * A call started or ended (the calls issue flips this): while in a call the published state is
     * {@link PresenceState#ON_THE_PHONE}, unless the user chose do-not-disturb or offline; afterwards the chosen
     * state is published again.
     */
    void setInCall(boolean active, List<String> accounts) {
        if (inCall != active) {
            inCall = active;
            accounts.forEach(this::publishFor);
        }
    }

    /** What is published now: the user's choice, or on-the-phone during a call. */
    PresenceState published() {
        boolean keepsChoice = own == PresenceState.DO_NOT_DISTURB || own == PresenceState.OFFLINE;
        return inCall && !keepsChoice ? PresenceState.ON_THE_PHONE : own;
    }

    /** The account's stored contacts changed: subscribe to new ones, unsubscribe from removed ones. */
    void contactsChanged(String account, List<ContactRecord> contacts) {
        List<SipAddress> addresses = new ArrayList<>();
        for (ContactRecord c : contacts) {
            try {
                addresses.add(SipAddress.parse(c.address()));
            } catch (IllegalArgumentException e) {
                LOG.debug("{}: contact {} not watched: {}", account, c.address(), e.getMessage());
            }
        }
        Map<String, Presence> byContact = known.computeIfAbsent(account, a -> new HashMap<>());
        byContact.keySet().removeIf(k -> addresses.stream().noneMatch(a -> a.toString().equals(k)));
        if (transport != null) {
            transport.watch(account, addresses);
        }
    }

    /** What is known of {@code contact} for {@code account}. */
    Presence presenceOf(String account, String contact) {
        return known.getOrDefault(account, Map.of()).getOrDefault(contact, Presence.unknown(contact));
    }

    /** The account lost its registration: its contacts' states are no longer known. */
    void accountOffline(String account) {
        Map<String, Presence> byContact = known.get(account);
        if (byContact == null) {
            return;
        }
        for (String contact : List.copyOf(byContact.keySet())) {
            update(account, Presence.unknown(contact));
        }
    }

    @Override
    public void published(String account, PublishOutcome outcome) {
        LOG.debug("{}: publication {}", account, outcome);
    }

    @Override
    public void notified(String account, SipAddress contact, byte[] body, String contentType,
                         SubscriptionState state) {
        String entity = contact.toString();
        Presence presence;
        if (state.kind() == SubscriptionState.Kind.TERMINATED && body.length == 0) {
            presence = Presence.unknown(entity);
        } else if (body.length == 0) {
            // No information (RFC 3856 §6.6.2) - except right after the contact signed out: a client that publishes
            // "offline" before removing its state leaves nothing behind, and it is still offline.
            Presence before = presenceOf(account, entity);
            presence = before.state() == PresenceState.OFFLINE ? before : Presence.unknown(entity);
        } else if (!contentType.isEmpty() && !contentType.equalsIgnoreCase(pidf.contentType())) {
            LOG.debug("{}: NOTIFY from {} with {} ignored", account, entity, contentType);
            return;
        } else {
            try {
                presence = pidf.decode(entity, body);
            } catch (PresenceDocumentException e) {
                LOG.info("{}: presence document of {} refused: {}", account, entity, e.getMessage());
                return;
            }
        }
        update(account, new Presence(entity, presence.state(), presence.note(), presence.since()));
    }

    @Override
    public void watchers(String account, byte[] body, SubscriptionState state) {
        Map<String, Watcher> known = watchers.computeIfAbsent(account, a -> new LinkedHashMap<>());
        Map<String, Watcher> before = new LinkedHashMap<>(known);
        if (state.kind() == SubscriptionState.Kind.TERMINATED || body.length == 0) {
            known.clear();
        } else {
            WatcherInfo info;
            try {
                info = watcherInfo.read(body);
            } catch (PresenceDocumentException e) {
                LOG.info("{}: watcher list refused: {}", account, e.getMessage());
                return;
            }
            if (info.full()) {
                known.clear();
            }
            for (Watcher w : info.watchers()) {
                if ("terminated".equals(w.status())) {
                    known.remove(w.id());
                } else {
                    known.put(w.id(), w);
                }
            }
        }
        if (!known.equals(before)) {
            emitWatchers(account);
        }
    }

    @Override
    public void servedWatchers(String account, List<Watcher> now) {
        List<Watcher> before = served.put(account, List.copyOf(now));
        if (!now.equals(before == null ? List.of() : before)) {
            emitWatchers(account);
        }
    }

    @Override
    public Optional<WatcherDecision> decisionFor(String account, SipAddress watcher) {
        return policy.apply(account, watcher);
    }

    @Override
    public void approvalNeeded(String account, SipAddress watcher, String displayName) {
        emit.accept(new ParleyEvent.WatcherApprovalNeeded(account, watcher.toString(), displayName));
    }

    /** The user decided about a watcher: applied to the subscriptions we serve. */
    void decided(String account, SipAddress watcher, WatcherDecision decision) {
        if (transport != null) {
            transport.decided(account, watcher, decision);
        }
    }

    @Override
    public void unreachable(String account, SipAddress contact, String reason) {
        // With peer-to-peer presence a contact who is not signed in cannot be asked: that is "offline".
        update(account, new Presence(contact.toString(), PresenceState.OFFLINE, Optional.empty(),
                Optional.of(clock.instant())));
    }

    /** Server watcher-info and the watchers we serve ourselves, together. */
    private void emitWatchers(String account) {
        List<Watcher> all = new ArrayList<>(watchers.getOrDefault(account, Map.of()).values());
        all.addAll(served.getOrDefault(account, List.of()));
        emit.accept(new ParleyEvent.WatchersChanged(account, all));
    }

    @Override
    public void ended(String account, SipAddress contact, String reason) {
        LOG.info("{}: presence of {} not available ({})", account, contact, reason);
        update(account, Presence.unknown(contact.toString()));
    }

    private void update(String account, Presence now) {
        Map<String, Presence> byContact = known.computeIfAbsent(account, a -> new HashMap<>());
        Presence before = byContact.put(now.entity(), now);
        boolean same = before != null && before.state() == now.state() && before.note().equals(now.note());
        if (!same) {
            emit.accept(new ParleyEvent.PresenceChanged(account, now.entity(), now.state(),
                    now.note().map(Note::text).orElse("")));
        }
    }

    private void publishFor(String account) {
        if (transport == null) {
            return;
        }
        SipAddress entity = SipAddress.parse(account);
        Publication publication = Publication.of(entity, device, published(), note.isEmpty() ? null : Note.of(note),
                clock.instant());
        transport.publish(account, pidf.encode(publication));
        transport.signOutDocument(account, pidf.encode(Publication.of(entity, device, PresenceState.OFFLINE, null,
                clock.instant())));
    }
}
