package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.app.Transport;
import org.parley.app.core.CoreOptions;
import org.parley.app.core.ParleyCore;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/** What a user sees when registration does not simply work. Outcomes are values with a plain sentence. */
class RegistrationOutcomesTest {

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    Path dir;

    private Profile profileWith(String name, String proxy, Transport transport, String trust, String pin)
            throws Exception {
        Profile p = Profiles.create(dir.resolve(name), "pass phrase".toCharArray());
        p.accounts().save(new AccountRecord("sip:" + name + "@" + kamailio.domain(), name, name + "pw", proxy,
                transport.name(), 300, trust, pin));
        return p;
    }

    @Test
    void anUntrustedServerCertificateIsReportedWithItsFingerprintAndNotUsed() throws Exception {
        try (Profile p = profileWith("alice", kamailio.host() + ":" + kamailio.tlsPort(), Transport.TLS, null, null);
             var core = ParleyCore.open(p, TestUser.fastOptions())) {
            core.start();
            await().atMost(TestUser.WAIT).until(() ->
                    core.registrationState("sip:alice@" + kamailio.domain())
                            instanceof RegistrationState.CertificateNotTrusted);
            var state = (RegistrationState.CertificateNotTrusted) core.registrationState(null);
            assertThat(state.sha256Fingerprint()).isEqualTo(kamailio.certificateSha256());
            assertThat(state.describe()).contains("not trusted").contains(kamailio.certificateSha256());
        }
    }

    @Test
    void aCertificateTheUserPinnedIsAccepted() throws Exception {
        try (Profile p = profileWith("alice", kamailio.host() + ":" + kamailio.tlsPort(), Transport.TLS, null,
                kamailio.certificateSha256());
             var core = ParleyCore.open(p, TestUser.fastOptions())) {
            core.start();
            await().atMost(TestUser.WAIT).until(() ->
                    core.registrationState(null) instanceof RegistrationState.Registered);
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsUnreachableAndRetriedWithBackoff() throws Exception {
        int deadPort;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort(); // closed again below: nothing listens there
        }
        try (Profile p = profileWith("alice", "127.0.0.1:" + deadPort, Transport.TCP, null, null);
             var core = ParleyCore.open(p, TestUser.fastOptions())) {
            var events = new java.util.concurrent.CopyOnWriteArrayList<ParleyEvent>();
            core.addListener(events::add, Runnable::run);
            core.start();
            await().atMost(TestUser.WAIT).until(() -> events.stream()
                    .filter(e -> e instanceof ParleyEvent.RegistrationChanged r
                            && r.state() instanceof RegistrationState.Unreachable).count() >= 2);
            assertThat(core.registrationState(null).describe()).startsWith("The server cannot be reached");
        }
    }

    @Test
    void anUnknownUserIsReportedAsAuthFailure() throws Exception {
        try (Profile p = Profiles.create(dir.resolve("mallory"), "pass phrase".toCharArray())) {
            p.accounts().save(new AccountRecord("sip:mallory@" + kamailio.domain(), null, "guess",
                    kamailio.host() + ":" + kamailio.udpPort(), "UDP", 300, null, null));
            try (var core = ParleyCore.open(p, TestUser.fastOptions())) {
                core.start();
                await().atMost(TestUser.WAIT).until(() ->
                        core.registrationState(null) instanceof RegistrationState.AuthFailed);
            }
        }
    }

    @Test
    void cleanShutdownRemovesTheBinding() throws Exception {
        try (TestUser alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP)
                .startAndAwaitRegistered();
             TestUser bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP).startAndAwaitRegistered()) {
            bob.stopCore();
            // With the binding gone the server stores the message for later instead of trying a dead contact.
            var m = alice.core.send(null, bob.aor, "are you there?").get();
            alice.awaitEvent(ParleyEvent.MessageStateChanged.class, e -> e.id() == m.id()
                    && e.state() == org.parley.storage.DeliveryState.STORED_OFFLINE);
        }
    }
}
