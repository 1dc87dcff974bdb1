package org.parley.app.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.header.SIPHeader;
import javax.sip.SipFactory;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthorizationHeader;
import org.junit.jupiter.api.Test;

/** Our header values survive jain-sip's header parser, and jain-sip's encoding of challenges parses. */
class JainSipHeaderRoundTripTest {

    @Test
    void answersParseAsJainSipAuthorizationHeaders() throws Exception {
        HeaderFactory headers = SipFactory.getInstance().createHeaderFactory();
        DigestChallenge c = DigestChallenge.parse(
                "Digest realm=\"127.0.0.1\", nonce=\"Zx1/ab+c=\", qop=\"auth\", algorithm=SHA-256, opaque=\"op\"")
                .orElseThrow();
        DigestResponder r = new DigestResponder(new DigestCredentials("alice", "pw"), new NonceCache(), () -> "c0ffee");

        DigestAuthorization www = r.answer(DigestScope.SERVER, c, "REGISTER", "sip:127.0.0.1;transport=tls", null);
        Header h = headers.createHeader(www.headerName(), www.value());
        assertThat(h).isInstanceOf(AuthorizationHeader.class);
        AuthorizationHeader a = (AuthorizationHeader) h;
        assertThat(a.getUsername()).isEqualTo("alice");
        assertThat(a.getRealm()).isEqualTo("127.0.0.1");
        assertThat(a.getNonce()).isEqualTo("Zx1/ab+c=");
        assertThat(a.getURI().toString()).isEqualTo("sip:127.0.0.1;transport=tls");
        assertThat(a.getAlgorithm()).isEqualTo("SHA-256");
        assertThat(a.getQop()).isEqualTo("auth");
        assertThat(a.getNonceCount()).isEqualTo(1);
        assertThat(a.getCNonce()).isEqualTo("c0ffee");
        assertThat(a.getOpaque()).isEqualTo("op");

        DigestAuthorization proxy = r.answer(DigestScope.PROXY, c, "MESSAGE", "sip:bob@127.0.0.1", null);
        assertThat(headers.createHeader(proxy.headerName(), proxy.value())).isInstanceOf(ProxyAuthorizationHeader.class);
    }

    @Test
    void jainSipChallengeHeadersParse() throws Exception {
        HeaderFactory headers = SipFactory.getInstance().createHeaderFactory();
        Header h = headers.createHeader("Proxy-Authenticate",
                "Digest realm=\"127.0.0.1\", nonce=\"abc\", qop=\"auth\", algorithm=SHA-256, stale=TRUE");
        String value = ((SIPHeader) h).getHeaderValue();
        DigestChallenge c = DigestChallenge.parse(value).orElseThrow();
        assertThat(c.realm()).isEqualTo("127.0.0.1");
        assertThat(c.algorithm()).contains(DigestAlgorithm.SHA_256);
        assertThat(c.stale()).isTrue();
        assertThat(c.qopOptions()).containsExactly("auth");
    }
}
