package org.parley.app.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The o= line of Parley's descriptions: the version changes exactly when the description does (RFC 3264 §8). */
class SdpSessionTest {
    private final SdpSession session = new SdpSession(3_912_345_678L, "192.0.2.10");

    private SessionDescription offer(Direction direction) {
        return AudioOffers.offer(session.origin(), Sdps.parley(), Sdps.LOCAL, direction);
    }

    @Test
    void firstDescriptionCarriesTheSessionIdAndVersionOne() {
        SessionDescription sd = session.stamp(offer(Direction.SENDRECV));

        assertThat(sd.origin()).isEqualTo(new Origin("-", "3912345678", 1, "IN", "IP4", "192.0.2.10"));
    }

    @Test
    void unchangedReofferKeepsTheVersion() {
        session.stamp(offer(Direction.SENDRECV));

        assertThat(session.stamp(offer(Direction.SENDRECV)).origin().sessionVersion()).isEqualTo(1);
    }

    @Test
    void holdAndResumeEachIncrementTheVersion() {
        session.stamp(offer(Direction.SENDRECV));
        SessionDescription hold = session.stamp(offer(Direction.forOffer(true, false)));
        SessionDescription resume = session.stamp(offer(Direction.forOffer(false, false)));

        assertThat(hold.origin().sessionVersion()).isEqualTo(2);
        assertThat(hold.media().get(0).ownDirection()).contains(Direction.SENDONLY);
        assertThat(resume.origin().sessionVersion()).isEqualTo(3);
        assertThat(resume.origin().sessionId()).isEqualTo("3912345678");
    }

    @Test
    void theVersionOfTheDraftsOriginDoesNotCountAsAChange() {
        session.stamp(offer(Direction.SENDRECV));
        SessionDescription draft = offer(Direction.SENDRECV);

        SessionDescription stamped = session.stamp(draft.withOrigin(draft.origin().withSessionVersion(99)));

        assertThat(stamped.origin().sessionVersion()).isEqualTo(1);
    }

    @Test
    void answersAreStampedLikeOffers() throws SdpException {
        SessionDescription remote = SdpParser.parse(Sdps.ASTERISK_OFFER);
        SessionDescription first = session.stamp(SdpAnswerer.answer(remote, Sdps.parley(), Sdps.LOCAL,
                session.origin(), false, OtherMediaAnswerer.REJECT_ALL).description());
        SessionDescription held = session.stamp(SdpAnswerer.answer(remote, Sdps.parley(), Sdps.LOCAL,
                session.origin(), true, OtherMediaAnswerer.REJECT_ALL).description());

        assertThat(first.origin().sessionVersion()).isEqualTo(1);
        assertThat(held.origin().sessionVersion()).isEqualTo(2);
    }
}
