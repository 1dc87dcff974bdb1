package org.parley.app.sip.call;

import java.nio.charset.StandardCharsets;

/** The status line of a message/sipfrag body (RFC 3420), as a REFER's NOTIFYs carry it. Stateless. */
final class SipFrag {
    private SipFrag() {
    }

    /** The status code of a body starting "SIP/2.0 NNN ...", or -1 when it is not one. */
    static int status(byte[] body) {
        if (body == null) {
            return -1;
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        if (!text.startsWith("SIP/2.0 ") || text.length() < 11) {
            return -1;
        }
        String code = text.substring(8, 11);
        for (int i = 0; i < 3; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return -1;
            }
        }
        int status = Integer.parseInt(code);
        return status >= 100 && status <= 699 ? status : -1;
    }
}
