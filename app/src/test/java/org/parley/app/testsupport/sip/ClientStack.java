package org.parley.app.testsupport.sip;

import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.app.SipAddress;
import org.parley.app.Transport;
import org.parley.app.sip.Authorizer;
import org.parley.app.sip.ClientRequests;
import org.parley.app.sip.RequestBuilder;
import org.parley.app.sip.SipEvents;
import org.parley.app.sip.SipStackHost;

/**
 * A real jain-sip stack on loopback with its core executor and {@link ClientRequests}, for unit tests of the
 * classes that send requests (registration, publication, subscriptions) against a {@link ScriptedUdpPeer}.
 */
public final class ClientStack implements AutoCloseable {
    /** Answers no challenge: the scripted peers of these tests do not ask for credentials. */
    public static final Authorizer NO_CREDENTIALS = new Authorizer() {
        @Override
        public Optional<Header> answer(Request request, Response challenge, boolean alreadyAnswered) {
            return Optional.empty();
        }

        @Override
        public Optional<Header> preemptive(Request request) {
            return Optional.empty();
        }
    };

    private final ScheduledExecutorService core = Executors.newSingleThreadScheduledExecutor();
    private final SipStackHost host;
    private final ClientRequests client;

    public ClientStack() throws IOException {
        ClientRequests[] ref = new ClientRequests[1];
        host = SipStackHost.start("127.0.0.1", 0, false, new Properties(), core, new SipEvents() {
            @Override
            public void onRequest(RequestEvent event) {
            }

            @Override
            public void onResponse(ResponseEvent event) {
                ref[0].onResponse(event);
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
                ref[0].onTimeout(transaction);
            }

            @Override
            public void onTransportError(String h, int p, String t) {
            }
        });
        client = new ClientRequests(host);
        ref[0] = client;
    }

    public ScheduledExecutorService core() {
        return core;
    }

    public SipStackHost host() {
        return host;
    }

    public ClientRequests client() {
        return client;
    }

    /** Requests from {@code from} over UDP to {@code peer} on 127.0.0.1. */
    public RequestBuilder requestsTo(SipAddress from, ScriptedUdpPeer peer) {
        return new RequestBuilder(host, from, "127.0.0.1", peer.port(), Transport.UDP, "Parley test");
    }

    /** Runs {@code action} on the core thread and returns the future it returns there. */
    public <T> CompletableFuture<T> onCore(Supplier<CompletableFuture<T>> action) {
        return CompletableFuture.supplyAsync(action, core).thenCompose(f -> f);
    }

    /** Whether {@code future} is done, asked on the core thread after everything queued before. */
    public boolean doneOnCore(CompletableFuture<?> future) throws Exception {
        return core.submit(future::isDone).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        host.close();
        core.shutdownNow();
    }
}
