package org.parley.app.sip.tls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last refused certificate per server (host and port) of one SIP stack. Written by the trust manager on
 * the handshaking thread, read by the SIP layer when {@code sendRequest} failed.
 *
 * <p>Bounded ({@value #MAX_ENTRIES} servers, oldest dropped). Thread-safe: all methods synchronize on this.
 */
public final class CertificateRejections {
    static final int MAX_ENTRIES = 32;

    private final Map<String, RejectedCertificate> byServer = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RejectedCertificate> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized void record(RejectedCertificate rejection) {
        String key = key(rejection.host(), rejection.port());
        byServer.remove(key); // re-insert so that iteration order is recording order
        byServer.put(key, rejection);
    }

    /** Forgets the server's rejection (after a successful handshake with it). */
    synchronized void clear(String host, int port) {
        byServer.remove(key(host, port));
    }

    /** The last refused certificate of {@code host:port}; host as configured (name or IP literal). */
    public synchronized Optional<RejectedCertificate> lookup(String host, int port) {
        return Optional.ofNullable(byServer.get(key(host, port)));
    }

    /** Like {@link #lookup}, but only a rejection recorded at or after {@code since}. */
    public synchronized Optional<RejectedCertificate> lookup(String host, int port, Instant since) {
        return lookup(host, port).filter(r -> !r.at().isBefore(since));
    }

    /** The most recent rejection of any server. */
    public synchronized Optional<RejectedCertificate> latest() {
        RejectedCertificate last = null;
        for (RejectedCertificate r : byServer.values()) {
            last = r;
        }
        return Optional.ofNullable(last);
    }

    public synchronized List<RejectedCertificate> all() {
        return List.copyOf(new ArrayList<>(byServer.values()));
    }

    private static String key(String host, int port) {
        return HostNames.canonical(host) + "|" + port;
    }
}
