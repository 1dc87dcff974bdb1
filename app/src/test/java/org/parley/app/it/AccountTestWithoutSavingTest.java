package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.app.Transport;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.storage.AccountRecord;
import org.parley.storage.DeliveryState;

/**
 * {@code Parley.testAccount}: the account dialog's "test" registers once through a temporary stack against the
 * real server, reports the outcome as a value, stores nothing, leaves no binding behind and does not disturb
 * the accounts that are running.
 */
class AccountTestWithoutSavingTest {
    private static final long WAIT = 15;

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    Path dir;
    private TestUser bob;
    private TestUser carol;

    @BeforeEach
    void start() throws Exception {
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP).startAndAwaitRegistered();
        carol = TestUser.create(dir, kamailio, "carol", "carolpw", Transport.UDP).startAndAwaitRegistered();
    }

    @AfterEach
    void stop() {
        bob.close();
        carol.close();
    }

    private AccountRecord alice(String password, int port, Transport transport, String pin) {
        return new AccountRecord("sip:alice@" + kamailio.domain(), "alice", password, kamailio.host() + ":" + port,
                transport.name(), 300, null, pin);
    }

    private RegistrationState test(AccountRecord record) throws Exception {
        return bob.core.testAccount(record).get(WAIT, TimeUnit.SECONDS);
    }

    @Test
    void rightCredentialsRegisterWithoutStoringOrLeavingABinding() throws Exception {
        assertThat(test(alice("alicepw", kamailio.udpPort(), Transport.UDP, null)))
                .isInstanceOf(RegistrationState.Registered.class);
        assertThat(bob.profile.accounts().list()).extracting(AccountRecord::aor).containsExactly(bob.aor);

        // The probe removed its binding: a message to alice is stored by the server, not delivered to a ghost.
        var queued = carol.core.send(null, "sip:alice@" + kamailio.domain(), "are you there?").join();
        carol.awaitEvent(ParleyEvent.MessageStateChanged.class,
                e -> e.id() == queued.id() && e.state() == DeliveryState.STORED_OFFLINE);

        // Bob's own registration was not disturbed.
        carol.core.send(null, bob.aor, "still there, Bob?").join();
        bob.awaitEvent(ParleyEvent.MessageReceived.class, m -> m.text().equals("still there, Bob?"));
        assertThat(bob.core.registrationState(null)).isInstanceOf(RegistrationState.Registered.class);
    }

    @Test
    void aWrongPasswordIsAuthFailed() throws Exception {
        assertThat(test(alice("wrong", kamailio.udpPort(), Transport.UDP, null)))
                .isInstanceOf(RegistrationState.AuthFailed.class);
    }

    @Test
    void anUntrustedCertificateIsReportedAndThePinnedOneRegisters() throws Exception {
        RegistrationState first = test(alice("alicepw", kamailio.tlsPort(), Transport.TLS, null));
        assertThat(first).isInstanceOf(RegistrationState.CertificateNotTrusted.class);
        String fingerprint = ((RegistrationState.CertificateNotTrusted) first).sha256Fingerprint();
        assertThat(fingerprint).isEqualTo(kamailio.certificateSha256());
        assertThat(test(alice("alicepw", kamailio.tlsPort(), Transport.TLS, fingerprint)))
                .isInstanceOf(RegistrationState.Registered.class);
    }

    @Test
    void aServerThatIsNotThereIsUnreachable() throws Exception {
        int deadPort;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        assertThat(test(alice("alicepw", deadPort, Transport.TCP, null)))
                .isInstanceOf(RegistrationState.Unreachable.class);
    }
}
