package org.parley.app.testsupport.baresip;

/**
 * The SIP account a {@link BaresipPeer} registers: {@code sip:user@domain} with a digest password, every request
 * sent over UDP to the proxy at {@code proxyHost:proxyPort} (baresip's {@code outbound} parameter), so that
 * AORs without a port (Parley's) can be dialled as they are. A value.
 */
public record BaresipAccount(String user, String password, String domain, String proxyHost, int proxyPort) {

    public String aor() {
        return "sip:" + user + "@" + domain;
    }

    /**
     * The line of baresip's {@code accounts} file: manual answering, no MWI subscription, only {@code codec}.
     */
    String accountsLine(BaresipCodec codec) {
        return "<" + aor() + ";transport=udp>;auth_pass=" + password
                + ";outbound=\"sip:" + proxyHost + ":" + proxyPort + ";transport=udp\""
                + ";regint=300;answermode=manual;mwi=no;audio_codecs=" + codec.baresipName();
    }
}
