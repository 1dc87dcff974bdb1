package org.parley.app.sip;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sip.SipFactory;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

class CSeqsTest {
    private static Response answered(long cseq) throws Exception {
        String raw = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1\r\n"
                + "From: <sip:a@x>;tag=1\r\nTo: <sip:a@x>;tag=2\r\nCall-ID: c@parley\r\nCSeq: " + cseq
                + " SUBSCRIBE\r\nContent-Length: 0\r\n\r\n";
        return SipFactory.getInstance().createMessageFactory().createResponse(raw);
    }

    @Test
    void theNextRequestFollowsTheCSeqOfADigestRetry() throws Exception {
        // planned 2 after sending 1; the challenged retry went out as 2 and was answered
        assertThat(CSeqs.next(answered(2), 2)).isEqualTo(3);
        // no retry: the answered request carried 1, and 2 is next as planned
        assertThat(CSeqs.next(answered(1), 2)).isEqualTo(2);
    }
}
