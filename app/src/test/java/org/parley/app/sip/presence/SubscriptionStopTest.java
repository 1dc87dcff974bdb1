package org.parley.app.sip.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.app.SipAddress;
import org.parley.app.sip.Backoff;
import org.parley.app.sip.RequestBuilder;
import org.parley.app.testsupport.sip.ClientStack;
import org.parley.app.testsupport.sip.ScriptedUdpPeer;
import org.parley.app.testsupport.sip.ScriptedUdpPeer.Received;

/**
 * Ending a subscription whose initial SUBSCRIBE is still unanswered: the scripted notifier holds its answer back
 * while the subscriber stops, then accepts. The subscriber must end the subscription that 2xx created (otherwise
 * the server keeps it, and lists the user as a watcher, until it expires).
 */
class SubscriptionStopTest {
    private ClientStack stack;
    private ScriptedUdpPeer notifier;
    private Subscription subscription;

    @BeforeEach
    void start() throws Exception {
        stack = new ClientStack();
        notifier = new ScriptedUdpPeer();
        SipAddress bob = SipAddress.parse("sip:bob@127.0.0.1");
        RequestBuilder builder = stack.requestsTo(bob, notifier);
        subscription = new Subscription(new Subscription.Setup(bob.toString(), SipAddress.parse("sip:alice@127.0.0.1"),
                EventPackage.PRESENCE, new PresenceRequests(stack.host(), builder, bob), stack.client(),
                ClientStack.NO_CREDENTIALS, stack.core(), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)),
                600), new Subscription.Listener() {
                    @Override
                    public void notified(Subscription s, byte[] body, String contentType, SubscriptionState state) {
                    }

                    @Override
                    public void ended(Subscription s, String reason) {
                    }
                });
    }

    @AfterEach
    void stop() {
        notifier.close();
        stack.close();
    }

    @Test
    void aSubscriptionAcceptedAfterStopIsEndedInItsDialog() throws Exception {
        stack.core().execute(subscription::start);
        Received subscribe = notifier.receive();
        assertThat(subscribe.firstLine()).startsWith("SUBSCRIBE sip:alice@127.0.0.1");

        CompletableFuture<Void> stopped = stack.onCore(subscription::stop);
        assertThat(stack.doneOnCore(stopped)).as("stop waits for the unanswered SUBSCRIBE").isFalse();

        String target = "sip:presence@127.0.0.1:" + notifier.port();
        notifier.answer(subscribe, "200 OK", "srv-tag", "Contact: <" + target + ">\r\nExpires: 600\r\n");
        Received end = notifier.receive();
        assertThat(end.firstLine()).isEqualTo("SUBSCRIBE " + target + " SIP/2.0");
        assertThat(end.header("Call-ID")).isEqualTo(subscribe.header("Call-ID"));
        assertThat(end.header("Expires")).isEqualTo("0");
        assertThat(end.header("To")).contains("tag=srv-tag");
        assertThat(end.header("CSeq")).isEqualTo("2 SUBSCRIBE");
        assertThat(stack.doneOnCore(stopped)).as("done before the end is answered").isFalse();

        notifier.answer(end, "200 OK", "srv-tag", "Expires: 0\r\n");
        stopped.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSubscriptionRefusedAfterStopNeedsNothingMore() throws Exception {
        stack.core().execute(subscription::start);
        Received subscribe = notifier.receive();
        CompletableFuture<Void> stopped = stack.onCore(subscription::stop);
        assertThat(stack.doneOnCore(stopped)).isFalse();

        notifier.answer(subscribe, "403 Forbidden", "srv-tag", "");
        stopped.get(10, TimeUnit.SECONDS);
    }

    @Test
    void stoppingBeforeAnySubscribeIsDoneAtOnce() throws Exception {
        assertThat(stack.doneOnCore(stack.onCore(subscription::stop))).isTrue();
    }
}
