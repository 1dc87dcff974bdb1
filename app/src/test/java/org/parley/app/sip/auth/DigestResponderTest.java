package org.parley.app.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DigestResponderTest {

    private static final String RFC2617_CHALLENGE = "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\","
            + " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
    private static final String RFC7616_CHALLENGE = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\","
            + " algorithm=%s, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
            + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    private static final String RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void rfc2617Example() {
        DigestResponder r = responder("Mufasa", "Circle Of Life", "0a4f113b");
        DigestAuthorization a = r.answer(DigestScope.SERVER, challenge(RFC2617_CHALLENGE), "GET",
                "/dir/index.html", null);
        Map<String, String> p = params(a.value());
        assertThat(p.get("response")).isEqualTo("6629fae49393a05397450978507c4ef1");
        assertThat(p).containsEntry("username", "Mufasa").containsEntry("realm", "testrealm@host.com")
                .containsEntry("uri", "/dir/index.html").containsEntry("qop", "auth")
                .containsEntry("nc", "00000001").containsEntry("cnonce", "0a4f113b")
                .containsEntry("opaque", "5ccc069c403ebaf9f0171e9517f40e41").containsEntry("algorithm", "MD5");
        assertThat(a.headerName()).isEqualTo("Authorization");
        assertThat(a.value()).startsWith("Digest ").contains("qop=auth,").contains("nc=00000001");
    }

    @Test
    void rfc7616Sha256AndMd5Examples() {
        DigestAuthorization sha = responder("Mufasa", "Circle of Life", RFC7616_CNONCE).answer(DigestScope.PROXY,
                challenge(RFC7616_CHALLENGE.formatted("SHA-256")), "GET", "/dir/index.html", null);
        assertThat(params(sha.value()).get("response"))
                .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(params(sha.value())).containsEntry("algorithm", "SHA-256");
        assertThat(sha.headerName()).isEqualTo("Proxy-Authorization");

        DigestAuthorization md5 = responder("Mufasa", "Circle of Life", RFC7616_CNONCE).answer(DigestScope.SERVER,
                challenge(RFC7616_CHALLENGE.formatted("MD5")), "GET", "/dir/index.html", null);
        assertThat(params(md5.value()).get("response")).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void rfc2069StyleWithoutQop() {
        DigestChallenge c = challenge("Digest realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
                + " opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        // RFC 2069 example (password "CircleOfLife"); the response printed in the RFC is wrong, the errata give this one.
        DigestAuthorization a = responder("Mufasa", "CircleOfLife", "unused").answer(DigestScope.SERVER, c, "GET",
                "/dir/index.html", null);
        Map<String, String> p = params(a.value());
        String expected = md5(md5("Mufasa:testrealm@host.com:CircleOfLife")
                + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:" + md5("GET:/dir/index.html"));
        assertThat(p.get("response")).isEqualTo(expected).isEqualTo("1949323746fe6a43ef61f9606e7febea");
        assertThat(p).doesNotContainKeys("qop", "nc", "cnonce").containsEntry("opaque", "5ccc069c403ebaf9f0171e9517f40e41");
    }

    @Test
    void sessionAuthIntAndSha512256FollowTheRfcFormulas() {
        String body = "hello";
        DigestChallenge c = challenge("Digest realm=\"sip.example\", nonce=\"N\", qop=\"auth-int\", algorithm=SHA-256-sess");
        DigestAuthorization a = responder("alice", "pw", "C").answer(DigestScope.SERVER, c, "MESSAGE",
                "sip:bob@sip.example", body.getBytes(StandardCharsets.UTF_8));
        String ha1 = sha256(sha256("alice:sip.example:pw") + ":N:C");
        String ha2 = sha256("MESSAGE:sip:bob@sip.example:" + sha256(body));
        assertThat(params(a.value())).containsEntry("response", sha256(ha1 + ":N:00000001:C:auth-int:" + ha2))
                .containsEntry("qop", "auth-int").containsEntry("algorithm", "SHA-256-sess");

        DigestChallenge s = challenge("Digest realm=\"r\", nonce=\"N\", qop=auth, algorithm=SHA-512-256");
        DigestAuthorization b = responder("alice", "pw", "C").answer(DigestScope.SERVER, s, "REGISTER", "sip:r", null);
        String h1 = hash("SHA-512/256", "alice:r:pw");
        String h2 = hash("SHA-512/256", "REGISTER:sip:r");
        assertThat(params(b.value()).get("response")).isEqualTo(hash("SHA-512/256", h1 + ":N:00000001:C:auth:" + h2));
    }

    @Test
    void nonceCountIncrementsPerNonceAndCnonceIsFreshRandom() {
        DigestResponder r = new DigestResponder(new DigestCredentials("alice", "secret".toCharArray()));
        DigestChallenge first = challenge("Digest realm=\"r\", nonce=\"one\", qop=\"auth\", algorithm=SHA-256");
        Set<String> cnonces = new HashSet<>();
        for (int n = 1; n <= 3; n++) {
            Map<String, String> p = params(r.answer(DigestScope.SERVER, first, "REGISTER", "sip:r", null).value());
            assertThat(p.get("nc")).isEqualTo(String.format("%08x", n));
            assertThat(p.get("cnonce")).matches("[0-9a-f]{32}");
            cnonces.add(p.get("cnonce"));
        }
        assertThat(cnonces).hasSize(3);

        DigestChallenge second = challenge("Digest realm=\"r\", nonce=\"two\", qop=\"auth\", algorithm=SHA-256");
        assertThat(params(r.answer(DigestScope.SERVER, second, "REGISTER", "sip:r", null).value()).get("nc"))
                .isEqualTo("00000001");
        // Another realm, or the proxy scope, counts separately.
        DigestChallenge other = challenge("Digest realm=\"q\", nonce=\"two\", qop=\"auth\"");
        assertThat(params(r.answer(DigestScope.SERVER, other, "REGISTER", "sip:q", null).value()).get("nc"))
                .isEqualTo("00000001");
        assertThat(params(r.answer(DigestScope.PROXY, second, "MESSAGE", "sip:b@r", null).value()).get("nc"))
                .isEqualTo("00000001");
    }

    @Test
    void preemptiveAuthorizationReusesTheLatestNonce() {
        AtomicInteger n = new AtomicInteger();
        DigestResponder r = new DigestResponder(new DigestCredentials("alice", "pw"), new NonceCache(),
                () -> "c" + n.incrementAndGet());
        assertThat(r.authorizationFor("MESSAGE", "sip:bob@r")).isEmpty();

        DigestChallenge c = challenge("Digest realm=\"r\", nonce=\"N\", qop=\"auth\"");
        r.answer(DigestScope.PROXY, c, "MESSAGE", "sip:bob@r", null);
        DigestAuthorization pre = r.authorizationFor("MESSAGE", "sip:carol@r").orElseThrow();
        Map<String, String> p = params(pre.value());
        assertThat(pre.scope()).isEqualTo(DigestScope.PROXY);
        assertThat(p).containsEntry("nonce", "N").containsEntry("nc", "00000002").containsEntry("cnonce", "c2")
                .containsEntry("uri", "sip:carol@r");
        String expected = md5(md5("alice:r:pw") + ":N:00000002:c2:auth:" + md5("MESSAGE:sip:carol@r"));
        assertThat(p.get("response")).isEqualTo(expected);
        assertThat(r.authorizationFor(DigestScope.SERVER, "REGISTER", "sip:r", null)).isEmpty();

        r.forget(DigestScope.PROXY, "r");
        assertThat(r.authorizationFor("MESSAGE", "sip:bob@r")).isEmpty();

        // RFC 2069 style nonces (no qop, hence no nonce count) are never reused.
        r.answer(DigestScope.SERVER, challenge("Digest realm=\"r\", nonce=\"M\""), "REGISTER", "sip:r", null);
        assertThat(r.authorizationFor("REGISTER", "sip:r")).isEmpty();
    }

    @Test
    void quotesAndEscapesValues() {
        DigestChallenge c = challenge("Digest realm=\"a\\\"b\", nonce=\"n\", qop=auth");
        DigestAuthorization a = responder("us\"er", "pw", "c").answer(DigestScope.SERVER, c, "REGISTER", "sip:a", null);
        assertThat(a.value()).contains("username=\"us\\\"er\"").contains("realm=\"a\\\"b\"");
        assertThat(params(a.value())).containsEntry("username", "us\"er").containsEntry("realm", "a\"b");
    }

    @Test
    void refusesUnsupportedChallenges() {
        DigestResponder r = responder("a", "b", "c");
        DigestChallenge c = challenge("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-1");
        assertThatThrownBy(() -> r.answer(DigestScope.SERVER, c, "REGISTER", "sip:r", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ha1IsComputedOncePerRealmButStillRight() {
        DigestResponder r = new DigestResponder(new DigestCredentials("alice", "pw"), new NonceCache(), () -> "c");
        DigestChallenge c = challenge("Digest realm=\"r\", nonce=\"N\", qop=\"auth\"");
        r.answer(DigestScope.PROXY, c, "MESSAGE", "sip:bob@r", null);
        for (int i = 2; i <= 5; i++) {
            Map<String, String> p = params(r.authorizationFor("MESSAGE", "sip:bob@r").orElseThrow().value());
            String nc = String.format("%08x", i);
            assertThat(p.get("response"))
                    .isEqualTo(md5(md5("alice:r:pw") + ":N:" + nc + ":c:auth:" + md5("MESSAGE:sip:bob@r")));
        }
        DigestChallenge sess = challenge("Digest realm=\"r\", nonce=\"M\", qop=\"auth\", algorithm=MD5-sess");
        Map<String, String> p = params(r.answer(DigestScope.PROXY, sess, "MESSAGE", "sip:bob@r", null).value());
        String ha1 = md5(md5("alice:r:pw") + ":M:c");
        assertThat(p.get("response")).isEqualTo(md5(ha1 + ":M:00000001:c:auth:" + md5("MESSAGE:sip:bob@r")));
        assertThat(r.ha1Computations()).isEqualTo(1);
    }

    @Test
    void nonceCountIsEightHexDigits() {
        assertThat(DigestComputation.nonceCount(1)).isEqualTo("00000001");
        assertThat(DigestComputation.nonceCount(0xabc)).isEqualTo("00000abc");
        assertThat(DigestComputation.nonceCount(0xFFFF_FFFFL)).isEqualTo("ffffffff");
    }

    @Test
    void credentialsHidePasswordAndCanBeDestroyed() {
        char[] pw = "secret".toCharArray();
        DigestCredentials creds = new DigestCredentials("alice", pw);
        pw[0] = 'X';
        assertThat(creds.password()).containsExactly("secret".toCharArray());
        assertThat(creds.toString()).doesNotContain("secret");
        creds.destroy();
        assertThat(new String(creds.password())).isEqualTo("\0\0\0\0\0\0");
    }

    private static DigestResponder responder(String user, String password, String cnonce) {
        return new DigestResponder(new DigestCredentials(user, password), new NonceCache(), () -> cnonce);
    }

    static DigestChallenge challenge(String value) {
        return DigestChallenge.parse(value).orElseThrow();
    }

    private static Map<String, String> params(String headerValue) {
        AuthParams.Parsed parsed = AuthParams.parse(headerValue).orElseThrow();
        assertThat(parsed.scheme()).isEqualTo("Digest");
        return parsed.params();
    }

    private static String md5(String s) {
        return hash("MD5", s);
    }

    private static String sha256(String s) {
        return hash("SHA-256", s);
    }

    private static String hash(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
