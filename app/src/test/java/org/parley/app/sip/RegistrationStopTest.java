package org.parley.app.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.app.RegistrationState;
import org.parley.app.SipAddress;
import org.parley.app.Transport;
import org.parley.app.testsupport.sip.ClientStack;
import org.parley.app.testsupport.sip.ScriptedUdpPeer;
import org.parley.app.testsupport.sip.ScriptedUdpPeer.Received;

/**
 * Signing out while a REGISTER is unanswered: the scripted registrar holds its answer back to a refresh while the
 * account stops. A binding the late 2xx renewed must be removed; after a refusal nothing more is sent; a registrar
 * that never answered is not waited for (quitting while the server is down stays immediate).
 */
class RegistrationStopTest {
    private final List<RegistrationState> states = new CopyOnWriteArrayList<>();
    private ClientStack stack;
    private ScriptedUdpPeer registrar;
    private Registration registration;

    @BeforeEach
    void start() throws Exception {
        stack = new ClientStack();
        registrar = new ScriptedUdpPeer();
        SipAddress bob = SipAddress.parse("sip:bob@127.0.0.1");
        RequestBuilder builder = stack.requestsTo(bob, registrar);
        registration = new Registration(new Registration.Setup(bob.toString(), builder, stack.client(),
                ClientStack.NO_CREDENTIALS, stack.core(), stack.host(), Transport.UDP, "127.0.0.1", registrar.port(),
                600, Duration.ofSeconds(30), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)),
                e -> Optional.empty()), states::add);
    }

    @AfterEach
    void stop() {
        registrar.close();
        stack.close();
    }

    @Test
    void aRefreshAnsweredAfterStopIsFollowedByTheUnregister() throws Exception {
        stack.core().execute(registration::start);
        Received register = registrar.receive();
        assertThat(register.header("Expires")).isEqualTo("600");
        // a short grant: the refresh follows within a second
        registrar.answer(register, "200 OK", "reg", "Contact: " + register.header("Contact") + ";expires=2\r\n");
        Received refresh = registrar.receive();
        assertThat(refresh.header("CSeq")).isEqualTo("2 REGISTER");

        CompletableFuture<Void> stopped = stack.onCore(registration::stop);
        assertThat(stack.doneOnCore(stopped)).as("stop waits for the unanswered refresh").isFalse();

        registrar.answer(refresh, "200 OK", "reg", "Contact: " + refresh.header("Contact") + ";expires=600\r\n");
        Received unregister = registrar.receive();
        assertThat(unregister.firstLine()).startsWith("REGISTER ");
        assertThat(unregister.header("Expires")).isEqualTo("0");
        assertThat(unregister.header("Call-ID")).isEqualTo(register.header("Call-ID"));
        assertThat(unregister.header("CSeq")).isEqualTo("3 REGISTER");
        assertThat(stack.doneOnCore(stopped)).isFalse();

        registrar.answer(unregister, "200 OK", "reg", "");
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(states).last().isInstanceOf(RegistrationState.Unregistered.class);
    }

    @Test
    void aRegistrarThatNeverAnsweredIsNotWaitedFor() throws Exception {
        stack.core().execute(registration::start);
        registrar.receive();
        CompletableFuture<Void> stopped = stack.onCore(registration::stop);
        assertThat(stack.doneOnCore(stopped)).isTrue();
        assertThat(states).last().isInstanceOf(RegistrationState.Unregistered.class);
    }

    @Test
    void aRefusedRefreshNeedsNoUnregister() throws Exception {
        stack.core().execute(registration::start);
        Received register = registrar.receive();
        registrar.answer(register, "200 OK", "reg", "Contact: " + register.header("Contact") + ";expires=2\r\n");
        Received refresh = registrar.receive();
        CompletableFuture<Void> stopped = stack.onCore(registration::stop);
        assertThat(stack.doneOnCore(stopped)).isFalse();

        registrar.answer(refresh, "403 Forbidden", "reg", "");
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(states).last().isInstanceOf(RegistrationState.Unregistered.class);
    }
}
