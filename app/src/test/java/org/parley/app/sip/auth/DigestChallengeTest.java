package org.parley.app.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigestChallengeTest {

    @Test
    void parsesKamailioStyleSha256Challenge() {
        DigestChallenge c = DigestChallenge.parse(
                "Digest realm=\"127.0.0.1\", nonce=\"Zx1/abc+def=\", qop=\"auth\", algorithm=SHA-256").orElseThrow();
        assertThat(c.realm()).isEqualTo("127.0.0.1");
        assertThat(c.nonce()).isEqualTo("Zx1/abc+def=");
        assertThat(c.qopOptions()).containsExactly("auth");
        assertThat(c.algorithm()).contains(DigestAlgorithm.SHA_256);
        assertThat(c.stale()).isFalse();
        assertThat(c.opaque()).isEmpty();
        assertThat(c.isSupported()).isTrue();
    }

    @Test
    void toleratesSpacingCaseBareValuesEscapesAndUnknownParameters() {
        DigestChallenge c = DigestChallenge.parse(
                "  dIgEsT   REALM = \"a \\\"quoted\\\" realm\" ,NONCE=bare/nonce==,  Qop=\" auth , auth-int \","
                        + " x-vendor=\"whatever, with comma\", OPAQUE=\"o\\\\p\", algorithm = md5-SESS ,"
                        + " stale=TRUE, domain=\"sip:a.example sip:b.example\",,").orElseThrow();
        assertThat(c.realm()).isEqualTo("a \"quoted\" realm");
        assertThat(c.nonce()).isEqualTo("bare/nonce==");
        assertThat(c.qopOptions()).containsExactly("auth", "auth-int");
        assertThat(c.opaque()).contains("o\\p");
        assertThat(c.algorithm()).contains(DigestAlgorithm.MD5_SESS);
        assertThat(c.stale()).isTrue();
        assertThat(c.domain()).contains("sip:a.example sip:b.example");
    }

    @Test
    void staleValues() {
        assertThat(parse("stale=true").stale()).isTrue();
        assertThat(parse("stale=TRUE").stale()).isTrue();
        assertThat(parse("stale=\"true\"").stale()).isTrue();
        assertThat(parse("stale=false").stale()).isFalse();
        assertThat(parse("stale=yes").stale()).isFalse();
        assertThat(parse("x=1").stale()).isFalse();
    }

    @Test
    void missingAlgorithmMeansMd5AndNoQopIsRfc2069Style() {
        DigestChallenge c = parse("x=1");
        assertThat(c.algorithm()).contains(DigestAlgorithm.MD5);
        assertThat(c.qopOptions()).isEmpty();
        assertThat(c.chosenQop()).isEmpty();
        assertThat(c.isSupported()).isTrue();
    }

    @Test
    void unsupportedChallenges() {
        assertThat(parse("algorithm=SHA-1").isSupported()).isFalse();
        assertThat(parse("algorithm=AKAv1-MD5").isSupported()).isFalse();
        assertThat(parse("qop=\"auth-conf\"").isSupported()).isFalse();
        assertThat(parse("algorithm=MD5-sess").isSupported()).as("-sess needs qop").isFalse();
        assertThat(parse("qop=\"auth-int\"").chosenQop()).contains("auth-int");
        assertThat(parse("qop=\"auth-int,auth\"").chosenQop()).contains("auth");
    }

    @Test
    void rejectsOtherSchemesAndIncompleteChallenges() {
        assertThat(DigestChallenge.parse("Basic realm=\"x\"")).isEmpty();
        assertThat(DigestChallenge.parse("Bearer realm=\"x\", nonce=\"y\"")).isEmpty();
        assertThat(DigestChallenge.parse("Digest nonce=\"y\"")).as("no realm").isEmpty();
        assertThat(DigestChallenge.parse("Digest realm=\"x\"")).as("no nonce").isEmpty();
        assertThat(DigestChallenge.parse("Digest realm=\"x\", nonce=\"")).as("unterminated").isEmpty();
        assertThat(DigestChallenge.parse("Digest")).isEmpty();
        assertThat(DigestChallenge.parse("")).isEmpty();
        assertThat(DigestChallenge.parse(null)).isEmpty();
        assertThat(DigestChallenge.parse("\"Digest\" realm=x, nonce=y")).isEmpty();
    }

    @Test
    void stopsAtASecondChallengeInTheSameValueAndKeepsFirstDuplicate() {
        DigestChallenge c = DigestChallenge.parse(
                "Digest realm=\"r\", nonce=\"n\", realm=\"other\", Basic realm=\"b\", nonce=\"evil\"").orElseThrow();
        assertThat(c.realm()).isEqualTo("r");
        assertThat(c.nonce()).isEqualTo("n");
    }

    @Test
    void bestPrefersStrongestSupportedThenFirstListed() {
        List<String> values = List.of(
                "Basic realm=\"r\"",
                "Digest realm=\"r\", nonce=\"md5\", qop=\"auth\"",
                "Digest realm=\"r\", nonce=\"unknown\", qop=\"auth\", algorithm=SHA-1",
                "Digest realm=\"r\", nonce=\"sha1st\", qop=\"auth\", algorithm=SHA-256",
                "Digest realm=\"r\", nonce=\"sha2nd\", qop=\"auth\", algorithm=SHA-256-sess",
                "garbage \"");
        assertThat(DigestChallenge.best(values).map(DigestChallenge::nonce)).contains("sha1st");

        assertThat(DigestChallenge.best(List.of(
                "Digest realm=\"r\", nonce=\"a\", algorithm=MD5",
                "Digest realm=\"r\", nonce=\"b\", qop=auth, algorithm=SHA-512-256")).map(DigestChallenge::nonce))
                .contains("b");
        assertThat(DigestChallenge.best(List.of("Digest realm=\"r\", nonce=\"a\", algorithm=SHA-1"))).isEmpty();
        assertThat(DigestChallenge.best(List.of())).isEmpty();
        assertThat(DigestChallenge.best(null)).isEmpty();
    }

    @Test
    void neverThrowsOnGarbage() {
        Random random = new Random(20240611L);
        String alphabet = "Digest realmnonceqopauth-intalgorithmSHA256MD5sessstale=true\"\\,, =\t\r\n\u00e9\u0000\uffff;:/";
        String valid = "Digest realm=\"r\", nonce=\"n\", qop=\"auth,auth-int\", algorithm=SHA-256, opaque=\"o\"";
        int parsed = 0;
        for (int n = 0; n < 600; n++) {
            String s;
            if (n % 2 == 0) {
                StringBuilder b = new StringBuilder(n % 4 == 0 ? "Digest " : "");
                int len = random.nextInt(80);
                for (int k = 0; k < len; k++) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                s = b.toString();
            } else {
                StringBuilder b = new StringBuilder(valid);
                for (int k = 0, edits = 1 + random.nextInt(6); k < edits; k++) {
                    int at = random.nextInt(b.length());
                    switch (random.nextInt(3)) {
                        case 0 -> b.deleteCharAt(at);
                        case 1 -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        default -> b.setLength(at);
                    }
                    if (b.length() == 0) {
                        break;
                    }
                }
                s = b.toString();
            }
            String input = s;
            assertThatCode(() -> {
                Optional<DigestChallenge> c = DigestChallenge.parse(input);
                c.ifPresent(ch -> {
                    ch.algorithm();
                    ch.isSupported();
                    ch.chosenQop();
                });
                DigestChallenge.best(List.of(input, input));
            }).as("input %s", input).doesNotThrowAnyException();
            if (DigestChallenge.parse(input).isPresent()) {
                parsed++;
            }
        }
        assertThat(parsed).as("some mutated challenges still parse").isPositive();
    }

    private static DigestChallenge parse(String extra) {
        return DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", " + extra).orElseThrow();
    }
}
