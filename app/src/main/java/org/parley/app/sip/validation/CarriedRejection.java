package org.parley.app.sip.validation;

import gov.nist.javax.sip.message.SIPMessage;
import java.util.Optional;
import javax.sip.message.Request;

/**
 * Carries the raw screen's {@link Rejection} from the transport thread, where the bytes are screened, to
 * the listener, where the request is answered: it rides in the parsed message's application-data slot,
 * which jain-sip never fills for received messages and which the network cannot set. The marker type is
 * private, so nothing else can forge or read it.
 */
final class CarriedRejection {
    private record Mark(Rejection rejection) {
    }

    private CarriedRejection() {
    }

    static void attach(SIPMessage message, Rejection rejection) {
        message.setApplicationData(new Mark(rejection));
    }

    static Optional<Rejection> of(Request request) {
        if (request instanceof SIPMessage m && m.getApplicationData() instanceof Mark mark) {
            return Optional.of(mark.rejection());
        }
        return Optional.empty();
    }
}
