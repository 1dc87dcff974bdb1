package org.parley.app.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.address.SipURI;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.app.SipAddress;
import org.parley.app.Transport;

/** Requests built from cached header prototypes are complete and independent of each other. */
class RequestBuilderTest {
    private ScheduledExecutorService core;
    private SipStackHost host;
    private RequestBuilder builder;

    @BeforeEach
    void start() throws Exception {
        core = Executors.newSingleThreadScheduledExecutor();
        host = SipStackHost.start("127.0.0.1", 0, false, new Properties(), core, new SipEvents() {
            @Override
            public void onRequest(RequestEvent event) {
            }

            @Override
            public void onResponse(ResponseEvent event) {
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
            }

            @Override
            public void onTransportError(String h, int p, String t) {
            }
        });
        builder = new RequestBuilder(host, SipAddress.parse("sip:alice@example.org"), "127.0.0.1", 5060,
                Transport.UDP, "Parley-test");
    }

    @AfterEach
    void stop() {
        host.close();
        core.shutdownNow();
    }

    @Test
    void messageCarriesEveryHeader() throws Exception {
        Request r = builder.message(SipAddress.parse("sip:bob@example.org:5070"), "c1@parley", "t1", 1,
                "text/plain", "hi", Transport.UDP);
        String text = r.toString();
        assertThat(text).startsWith("MESSAGE sip:bob@example.org:5070 SIP/2.0");
        assertThat(text).contains("To: <sip:bob@example.org:5070>").contains("From: <sip:alice@example.org>;tag=t1")
                .contains("Call-ID: c1@parley").contains("CSeq: 1 MESSAGE").contains("Max-Forwards: 70")
                .containsPattern("Route: <sip:127\\.0\\.0\\.1:5060;(lr;transport=udp|transport=udp;lr)>")
                .contains("Allow: INVITE,ACK,BYE,CANCEL,REFER,MESSAGE,OPTIONS").contains("User-Agent: Parley-test")
                .contains("Content-Type: text/plain;charset=UTF-8").contains("Content-Length: 2")
                .containsPattern("Via: SIP/2\\.0/UDP 127\\.0\\.0\\.1:\\d+;rport");
    }

    @Test
    void requestsDoNotShareHeaders() throws Exception {
        SipAddress bob = SipAddress.parse("sip:bob@example.org");
        Request first = builder.message(bob, "c1@parley", "t1", 1, "text/plain", "one", Transport.UDP);
        ((SipURI) first.getRequestURI()).setUser("mallory");
        ((SipURI) ((ToHeader) first.getHeader(ToHeader.NAME)).getAddress().getURI()).setUser("mallory");
        ((ViaHeader) first.getHeader(ViaHeader.NAME)).setBranch("z9hG4bK-first");
        first.removeHeader("Allow");

        Request second = builder.message(bob, "c2@parley", "t2", 1, "text/plain", "two", Transport.UDP);
        assertThat(second.getRequestURI().toString()).isEqualTo("sip:bob@example.org");
        assertThat(((ToHeader) second.getHeader(ToHeader.NAME)).getAddress().getURI().toString())
                .isEqualTo("sip:bob@example.org");
        assertThat(((ViaHeader) second.getHeader(ViaHeader.NAME)).getBranch()).isNull();
        assertThat(second.toString()).contains("Allow: INVITE,ACK,BYE,CANCEL,REFER,MESSAGE,OPTIONS").contains("Call-ID: c2@parley");
    }

    @Test
    void sipsPeersAndOtherTransports() throws Exception {
        Request r = builder.message(SipAddress.parse("sips:carol@example.org"), "c3@parley", "t3", 1,
                "application/im-iscomposing+xml", "<x/>", Transport.TCP);
        assertThat(r.getRequestURI().toString()).isEqualTo("sips:carol@example.org");
        assertThat(r.toString()).containsPattern("Via: SIP/2\\.0/TCP ").contains("transport=tcp")
                .contains("Content-Type: application/im-iscomposing+xml\r\n");
    }
}
