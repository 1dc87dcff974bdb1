package org.parley.app.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real jain-sip stack with {@link ParleyNetworkLayer} sending OPTIONS over TLS to a tiny TLS responder. */
class JainSipTlsTest {
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    @Test
    void optionsOverTlsToAnIpAddressAndToAHostName() throws Exception {
        TestCertificates.Identity ipCert = TestCertificates.selfSigned("127.0.0.1", List.of(), List.of("127.0.0.1"));
        // Only a DNS name: passes only if jain-sip hands the original host name through to the handshake.
        TestCertificates.Identity nameCert = TestCertificates.selfSigned("localhost", List.of("localhost"), List.of());
        TlsTestServer ipServer = server(ipCert);
        TlsTestServer nameServer = server(nameCert);
        Path store = TestCertificates.trustStore(dir, "PKCS12", PASSWORD, ipCert.certificate(), nameCert.certificate());
        SipStackTls tls = tls(TlsTrust.trustStore(store, PASSWORD), Duration.ofSeconds(5));
        Client client = client(tls);

        assertThat(client.options("127.0.0.1", ipServer.port()).getStatusCode()).isEqualTo(200);
        assertThat(client.options("localhost", nameServer.port()).getStatusCode()).isEqualTo(200);
        assertThat(ipServer.requests()).anyMatch(r -> r.startsWith("OPTIONS sip:127.0.0.1:"));
        assertThat(nameServer.requests()).anyMatch(r -> r.startsWith("OPTIONS sip:localhost:"));
        assertThat(tls.rejections().all()).isEmpty();
    }

    @Test
    void untrustedServerFailsSynchronouslyWithTheCapturedCertificate() throws Exception {
        TestCertificates.Identity cert = TestCertificates.selfSigned("127.0.0.1", List.of(), List.of("127.0.0.1"));
        TlsTestServer server = server(cert);
        SipStackTls tls = tls(TlsTrust.systemDefaults(), Duration.ofSeconds(5));
        Client client = client(tls);

        Instant before = Instant.now();
        SipException failure = client.sendFailure("127.0.0.1", server.port());
        RejectedCertificate r = TlsFailure.rejectionFor(failure, tls.rejections(), "127.0.0.1", server.port(), before)
                .orElseThrow(() -> new AssertionError("not mapped: " + failure, failure));
        assertThat(r.sha256Fingerprint()).isEqualTo(cert.fingerprint());
        assertThat(r.reason()).isEqualTo(RejectionReason.UNTRUSTED);
        assertThat(server.handshakes()).isZero();
    }

    @Test
    void frozenServerIsCutOffByTheHandshakeWatchdog() throws Exception {
        TlsTestServer frozen = TlsTestServer.frozen();
        cleanup.add(frozen);
        SipStackTls tls = tls(TlsTrust.systemDefaults(), Duration.ofMillis(1500));
        Client client = client(tls);

        long start = System.nanoTime();
        SipException failure = client.sendFailure("127.0.0.1", frozen.port());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(1000), Duration.ofSeconds(8));
        assertThat(TlsFailure.rejectionFor(failure, tls, "127.0.0.1", frozen.port())).isEmpty();
    }

    // ---- helpers ----

    private TlsTestServer server(TestCertificates.Identity identity) throws Exception {
        TlsTestServer s = TlsTestServer.start(identity, true);
        cleanup.add(s);
        return s;
    }

    private SipStackTls tls(TlsTrust trust, Duration handshakeTimeout) throws Exception {
        SipStackTls t = SipStackTls.create(trust, handshakeTimeout);
        cleanup.add(t);
        return t;
    }

    private Client client(SipStackTls tls) throws Exception {
        Client c = new Client(tls);
        cleanup.add(0, c);
        return c;
    }

    /** One stack with only a TLS listening point on 127.0.0.1. */
    private static final class Client implements SipListener, AutoCloseable {
        private final SipStack stack;
        private final SipProvider provider;
        private final ListeningPoint point;
        private final AddressFactory addresses;
        private final HeaderFactory headers;
        private final MessageFactory messages;
        private final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
        private long cseq;

        Client(SipStackTls tls) throws Exception {
            Properties p = tls.applyTo(new Properties());
            p.setProperty("javax.sip.STACK_NAME", "jain-sip-tls-test-" + STACKS.incrementAndGet());
            p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            stack = factory.createSipStack(p);
            point = stack.createListeningPoint("127.0.0.1", freePort(), ListeningPoint.TLS);
            provider = stack.createSipProvider(point);
            provider.addSipListener(this);
            stack.start();
            addresses = factory.createAddressFactory();
            headers = factory.createHeaderFactory();
            messages = factory.createMessageFactory();
        }

        Response options(String host, int port) throws Exception {
            ClientTransaction tx = provider.getNewClientTransaction(request(host, port));
            tx.sendRequest();
            Response r = responses.poll(10, TimeUnit.SECONDS);
            assertThat(r).as("response from %s:%d", host, port).isNotNull();
            return r;
        }

        SipException sendFailure(String host, int port) throws Exception {
            ClientTransaction tx = provider.getNewClientTransaction(request(host, port));
            SipException[] thrown = new SipException[1];
            assertThatThrownBy(() -> {
                try {
                    tx.sendRequest();
                } catch (SipException e) {
                    thrown[0] = e;
                    throw e;
                }
            }).isInstanceOf(SipException.class);
            return thrown[0];
        }

        private Request request(String host, int port) throws Exception {
            SipURI target = addresses.createSipURI(null, host);
            target.setPort(port);
            target.setTransportParam("tls");
            SipURI from = addresses.createSipURI("alice", "127.0.0.1");
            return messages.createRequest(target, Request.OPTIONS, provider.getNewCallId(),
                    headers.createCSeqHeader(++cseq, Request.OPTIONS),
                    headers.createFromHeader(addresses.createAddress(from), "t" + cseq),
                    headers.createToHeader(addresses.createAddress(target), null),
                    List.of(headers.createViaHeader("127.0.0.1", point.getPort(), "tls", null)),
                    headers.createMaxForwardsHeader(70));
        }

        @Override
        public void processResponse(ResponseEvent event) {
            responses.add(event.getResponse());
        }

        @Override
        public void processRequest(RequestEvent event) {
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
        }

        @Override
        public void close() {
            stack.stop();
        }

        private static int freePort() throws Exception {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
