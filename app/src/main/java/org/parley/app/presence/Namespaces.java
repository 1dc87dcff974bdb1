package org.parley.app.presence;

/** The XML namespaces of presence documents. */
final class Namespaces {
    /** PIDF, RFC 3863. */
    static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    /** The presence data model, RFC 4479 ({@code <dm:person>}, {@code <dm:note>}, {@code <dm:timestamp>}). */
    static final String DATA_MODEL = "urn:ietf:params:xml:ns:pidf:data-model";
    /** RPID, RFC 4480. */
    static final String RPID = "urn:ietf:params:xml:ns:pidf:rpid";
    /** The person namespace of pre-RFC drafts, still sent by Asterisk's "eyebeam" format. */
    static final String LEGACY_PERSON = "urn:ietf:params:xml:ns:pidf:person";

    private Namespaces() {
    }

    /**
     * Whether a namespace carries RPID activities: RFC 4480's, or one of the draft namespaces still in the wild
     * ({@code urn:ietf:params:xml:ns:pidf:status:rpid-status}, {@code …:rpid:rpid-person}, …).
     */
    static boolean isRpid(String uri) {
        return uri.equals(RPID) || (uri.startsWith(PIDF + ":") && uri.contains("rpid"));
    }

    static boolean isPerson(String uri) {
        return uri.equals(DATA_MODEL) || uri.equals(LEGACY_PERSON);
    }
}
