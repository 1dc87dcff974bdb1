package org.parley.app.sip;

import javax.sip.header.CSeqHeader;
import javax.sip.message.Response;

/**
 * CSeq bookkeeping for requests that share a Call-ID: a digest challenge makes {@code ClientRequests} send the
 * request again with CSeq + 1, so the next request of the dialog must follow the CSeq the answered attempt
 * carried, not the one first chosen (a notifier refuses a CSeq it has already seen: RFC 3261 §12.2.2).
 */
public final class CSeqs {
    private CSeqs() {
    }

    /** The CSeq to use next: above both the answered attempt's and what was planned. */
    public static long next(Response answered, long planned) {
        CSeqHeader cseq = (CSeqHeader) answered.getHeader(CSeqHeader.NAME);
        return cseq == null ? planned : Math.max(planned, cseq.getSeqNumber() + 1);
    }
}
