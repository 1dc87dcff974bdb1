package org.parley.app.core;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallState;
import org.parley.app.sip.call.CallLeg;
import org.parley.app.sip.call.CallSignalling;

/**
 * Calls we place because a peer referred us (blind transfer, RFC 3515): how each one goes is told to the
 * transferor as NOTIFY progress (180, 200, or the failure's status).
 *
 * <p>Threading: core thread only; owned by {@link CallEngine}.
 */
final class ReferralReports {
    /** New call id → the call whose peer asked for it. */
    private final Map<String, CallLeg> referredBy = new HashMap<>();
    private final Supplier<CallSignalling> signalling;

    ReferralReports(Supplier<CallSignalling> signalling) {
        this.signalling = signalling;
    }

    /** {@code callId} was placed for the REFER received in {@code transferor}'s call. */
    void placed(String callId, CallLeg transferor) {
        referredBy.put(callId, transferor);
    }

    /** A call moved on ({@code state}) or ended ({@code end}, state null): tell its transferor, if any. */
    void report(String callId, CallState state, CallEnd end) {
        CallLeg transferor = referredBy.get(callId);
        if (transferor == null) {
            return;
        }
        if (state == CallState.RINGING) {
            signalling.get().referProgress(transferor, 180, "Ringing");
        } else if (state == CallState.ACTIVE) {
            referredBy.remove(callId);
            signalling.get().referProgress(transferor, 200, "OK");
        } else if (end != null) {
            referredBy.remove(callId);
            int status = end instanceof CallEnd.Busy ? 486 : end instanceof CallEnd.Declined ? 603
                    : end instanceof CallEnd.NoAnswer ? 480 : end instanceof CallEnd.Rejected r ? r.status() : 500;
            signalling.get().referProgress(transferor, status, "Transfer failed");
        }
    }
}
