package org.parley.app.sip.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
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
 * Signing out while a PUBLISH is unanswered (RFC 3903): the scripted presence agent holds its answer back while
 * the publication is removed. The removal must use the entity-tag of that late 2xx, or the state stays at the
 * agent until it expires and watchers keep seeing the user online.
 */
class PublisherStopTest {
    private static final byte[] ONLINE = "<presence>online</presence>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AWAY = "<presence>away</presence>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OFFLINE = "<presence>offline</presence>".getBytes(StandardCharsets.UTF_8);

    private final BlockingQueue<PublishOutcome> outcomes = new LinkedBlockingQueue<>();
    private ClientStack stack;
    private ScriptedUdpPeer agent;
    private Publisher publisher;

    @BeforeEach
    void start() throws Exception {
        stack = new ClientStack();
        agent = new ScriptedUdpPeer();
        SipAddress bob = SipAddress.parse("sip:bob@127.0.0.1");
        RequestBuilder builder = stack.requestsTo(bob, agent);
        publisher = new Publisher(new Publisher.Setup(bob.toString(), new PresenceRequests(stack.host(), builder, bob),
                stack.client(), ClientStack.NO_CREDENTIALS, stack.core(),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)), 600), outcomes::add);
    }

    @AfterEach
    void stop() {
        agent.close();
        stack.close();
    }

    @Test
    void aPublicationCreatedAfterSignOutIsRemoved() throws Exception {
        stack.core().execute(() -> publisher.publish(ONLINE));
        Received first = agent.receive();
        assertThat(first.header("SIP-If-Match")).isNull();

        CompletableFuture<Void> removed = stack.onCore(() -> publisher.remove(OFFLINE));
        assertThat(stack.doneOnCore(removed)).as("removal waits for the unanswered PUBLISH").isFalse();

        agent.answer(first, "200 OK", "pa", "SIP-ETag: e1\r\nExpires: 600\r\n");
        Received lastWords = agent.receive();
        assertThat(lastWords.header("SIP-If-Match")).isEqualTo("e1");
        assertThat(lastWords.body()).isEqualTo(new String(OFFLINE, StandardCharsets.UTF_8));

        agent.answer(lastWords, "200 OK", "pa", "SIP-ETag: e2\r\nExpires: 600\r\n");
        Received removal = agent.receive();
        assertThat(removal.header("SIP-If-Match")).isEqualTo("e2");
        assertThat(removal.header("Expires")).isEqualTo("0");

        agent.answer(removal, "200 OK", "pa", "SIP-ETag: e2\r\nExpires: 0\r\n");
        removed.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRemovalFollowsTheEntityTagOfAModificationInFlight() throws Exception {
        stack.core().execute(() -> publisher.publish(ONLINE));
        agent.answer(agent.receive(), "200 OK", "pa", "SIP-ETag: e1\r\nExpires: 600\r\n");
        assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isInstanceOf(PublishOutcome.Published.class);

        stack.core().execute(() -> publisher.publish(AWAY));
        Received modify = agent.receive();
        assertThat(modify.header("SIP-If-Match")).isEqualTo("e1");
        CompletableFuture<Void> removed = stack.onCore(() -> publisher.remove(null));
        assertThat(stack.doneOnCore(removed)).isFalse();

        agent.answer(modify, "200 OK", "pa", "SIP-ETag: e3\r\nExpires: 600\r\n");
        Received removal = agent.receive();
        assertThat(removal.header("SIP-If-Match")).as("the tag the modification got").isEqualTo("e3");
        assertThat(removal.header("Expires")).isEqualTo("0");
        agent.answer(removal, "200 OK", "pa", "SIP-ETag: e3\r\nExpires: 0\r\n");
        removed.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPublicationRefusedAfterSignOutNeedsNothingMore() throws Exception {
        stack.core().execute(() -> publisher.publish(ONLINE));
        Received first = agent.receive();
        CompletableFuture<Void> removed = stack.onCore(() -> publisher.remove(OFFLINE));
        assertThat(stack.doneOnCore(removed)).isFalse();

        agent.answer(first, "489 Bad Event", "pa", "");
        removed.get(10, TimeUnit.SECONDS);
    }
}
