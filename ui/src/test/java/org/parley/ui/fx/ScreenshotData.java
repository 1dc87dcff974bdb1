package org.parley.ui.fx;

import java.util.List;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.DeliveryState;
import org.parley.storage.MessageRecord;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.testing.FakeParley;

/**
 * The sample profile of {@link Screenshots}: three accounts (registered, untrusted certificate, unreachable),
 * contacts in groups with non-Latin names, a conversation with every delivery state, a link, emoji and several
 * scripts, and the word "release" in three conversations for the search screen.
 */
final class ScreenshotData {
    static final String WORK = "sip:alice@example.com";
    static final String CORP = "sip:alice@corp.example";
    static final String VOIP = "sip:alice.m@voip.example.net";
    static final ConversationKey BOB = new ConversationKey(WORK, "sip:bob@example.com");
    static final ConversationKey CAROL = new ConversationKey(WORK, "sip:carol@example.com");
    static final ConversationKey WANG = new ConversationKey(WORK, "sip:wang.wei@example.cn");
    static final String SEARCH = "release";
    static final RegistrationState.CertificateNotTrusted UNTRUSTED = new RegistrationState.CertificateNotTrusted(
            "3F:A9:0C:7E:52:D1:B8:4A:19:E6:2D:C0:77:8B:F3:05:6E:A1:4C:9D:B2:38:E0:5F:C4:81:2A:D7:69:0B:F5:13",
            "CN=sip.corp.example, O=Corp Example GmbH, C=DE");
    /** Accounts, contacts and contact rows the main window shows once loaded. */
    static final int ACCOUNTS = 3;
    static final int CONTACTS = 7;
    /** Messages of the conversation with Bob. */
    static final int BOB_MESSAGES = 6;

    private ScreenshotData() {
    }

    /** Stores the accounts, contacts and history (blocking; the profile is closed again by the caller). */
    static void fill(Profile profile) throws StorageException {
        profile.accounts().save(new AccountRecord(WORK, "alice", "pw", null, "TLS", 600, null, null));
        profile.accounts().save(new AccountRecord(CORP, "alice", "pw", "sip.corp.example", "TLS", 600, null, null));
        profile.accounts().save(new AccountRecord(VOIP, "alice.m", "pw", null, "UDP", 600, null, null));
        for (ContactRecord c : List.of(
                new ContactRecord(WORK, BOB.peer(), "Bob Builder", "Work"),
                new ContactRecord(WORK, CAROL.peer(), "Carol Jones", "Work"),
                new ContactRecord(WORK, WANG.peer(), "王伟 (Wang Wei)", "Work"),
                new ContactRecord(WORK, "sip:maria@example.ru", "Мария Иванова", "Friends"),
                new ContactRecord(WORK, "sip:yasmin@example.org", "ياسمين حداد", "Friends"),
                new ContactRecord(WORK, "sip:dad@example.com", "Dad", "Family"),
                new ContactRecord(CORP, "sip:helpdesk@corp.example", "IT Helpdesk", "Support"))) {
            profile.contacts().save(c);
        }
        var h = profile.history();
        h.appendIncoming(WORK, BOB.peer(), "Morning Alice! Did you see the release notes? https://example.com/release/2.4",
                "b1").join();
        outgoing(profile, BOB, "Yes — looks good 👍 I'll test the TLS part today.", DeliveryState.SENT, null);
        h.appendIncoming(WORK, BOB.peer(), "Grüße aus München! 你好 · مرحبا · Привет 🎉", "b2").join();
        outgoing(profile, BOB, "Sending you the meeting notes while you are offline.", DeliveryState.STORED_OFFLINE,
                null);
        outgoing(profile, BOB, "Here is the log file 📎", DeliveryState.FAILED, "408 Request Timeout");
        outgoing(profile, BOB, "Still queued…", DeliveryState.QUEUED, null);
        h.appendIncoming(WORK, WANG.peer(), "Release candidate 2 is ready. 新版本的发布说明在这里。", "w1").join();
        outgoing(profile, WANG, "谢谢! I'll read the release notes after lunch.", DeliveryState.SENT, null);
    }

    private static void outgoing(Profile profile, ConversationKey key, String text, DeliveryState state,
                                 String reason) {
        long id = profile.history().appendOutgoing(key.account(), key.peer(), text, "c" + text.hashCode()).join().id();
        if (state != DeliveryState.QUEUED) {
            profile.history().updateState(id, state, reason).join();
        }
    }

    /** What the core reports after start: one registration outcome per account. */
    static void registrations(FakeParley parley) {
        parley.emit(new ParleyEvent.RegistrationChanged(WORK, new RegistrationState.Registered(600)));
        parley.emit(new ParleyEvent.RegistrationChanged(CORP, UNTRUSTED));
        parley.emit(new ParleyEvent.RegistrationChanged(VOIP,
                new RegistrationState.Unreachable("no answer from voip.example.net:5060", 30)));
        presence(parley, BOB.peer(), org.parley.app.presence.PresenceState.BUSY, "release review until 3");
        presence(parley, CAROL.peer(), org.parley.app.presence.PresenceState.AVAILABLE, "");
        presence(parley, WANG.peer(), org.parley.app.presence.PresenceState.ON_THE_PHONE, "");
        presence(parley, "sip:maria@example.ru", org.parley.app.presence.PresenceState.AWAY, "Mittagspause");
        presence(parley, "sip:yasmin@example.org", org.parley.app.presence.PresenceState.DO_NOT_DISTURB, "");
        presence(parley, "sip:dad@example.com", org.parley.app.presence.PresenceState.OFFLINE, "");
    }

    private static void presence(FakeParley parley, String contact, org.parley.app.presence.PresenceState state,
                                 String note) {
        parley.emit(new ParleyEvent.PresenceChanged(WORK, contact, state, note));
    }

    /** An incoming message as the core delivers it: stored first, then announced. Blocking. */
    static void receive(FakeParley parley, ConversationKey key, String text, String sipKey) {
        MessageRecord r = parley.profile().history().appendIncoming(key.account(), key.peer(), text, sipKey).join()
                .orElseThrow();
        parley.emit(new ParleyEvent.MessageReceived(key.account(), key.peer(), text, r.id(), r.createdAt()));
    }
}
