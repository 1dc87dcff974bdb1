package org.parley.app.sip.validation;

/** How the bytes handed to {@link RawMessageScreen} were delimited by the transport. */
public enum Framing {
    /**
     * One UDP datagram: start line, headers and body. Content-Length is checked against the octets that
     * follow the header section (RFC 3261 §18.3); octets beyond it are ignored.
     */
    DATAGRAM,
    /**
     * The header section of one message read from a byte stream (TCP, TLS), up to and including the empty
     * line; the body is read afterwards by jain-sip using Content-Length. A Content-Length that cannot be
     * trusted means the stream can no longer be split into messages (verdict {@link Verdict.Close}).
     */
    STREAM
}
