package org.parley.app.sdp;

import java.util.List;
import java.util.Optional;

/** Matches SDES crypto lines (RFC 4568 §6.1/§7.1): by suite for an answer, by tag and suite for an answer's reply. */
final class SrtpChoice {
    private SrtpChoice() {
    }

    /** The first offered line whose suite Parley has, paired with Parley's line re-tagged to the offered tag. */
    static Optional<ChosenCrypto> forOffer(List<Crypto> offered, List<Crypto> ours) {
        for (Crypto remote : offered) {
            for (Crypto local : ours) {
                if (local.suite().equals(remote.suite())) {
                    return Optional.of(new ChosenCrypto(local.withTag(remote.tag()), remote));
                }
            }
        }
        return Optional.empty();
    }

    /** The answered line that carries the tag and suite of one of the lines Parley offered. */
    static Optional<ChosenCrypto> forAnswer(List<Crypto> offered, List<Crypto> answered) {
        for (Crypto remote : answered) {
            for (Crypto local : offered) {
                if (local.tag() == remote.tag() && local.suite().equals(remote.suite())) {
                    return Optional.of(new ChosenCrypto(local, remote));
                }
            }
        }
        return Optional.empty();
    }
}
