package org.parley.app.sip.validation;

import java.util.List;

/**
 * How to refuse a request: the final status, its Reason-Phrase and header fields to add to the response
 * (e.g. {@code Unsupported} with 420, {@code Accept} with 415, {@code Allow} with 501).
 *
 * @param status  400–699
 * @param reason  printable US-ASCII Reason-Phrase
 * @param headers header fields to add, in order, one value each; several with the same name form one
 *                list (RFC 3261 §7.3.1). One value per element because jain-sip's
 *                {@code HeaderFactory.createHeader} refuses a comma-separated list ("Only singleton allowed").
 */
public record Rejection(int status, String reason, List<Header> headers) {

    /** One header field to add to the response. */
    public record Header(String name, String value) {
    }

    public Rejection {
        if (status < 400 || status > 699) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        reason = Printable.reasonPhrase(reason);
        headers = List.copyOf(headers);
    }

    /** A rejection without extra header fields. */
    public static Rejection of(int status, String reason) {
        return new Rejection(status, reason, List.of());
    }

    /** A rejection adding header {@code name} once per value (i.e. the list {@code values}). */
    public static Rejection of(int status, String reason, String name, Iterable<String> values) {
        java.util.ArrayList<Header> headers = new java.util.ArrayList<>();
        for (String v : values) {
            headers.add(new Header(name, v));
        }
        return new Rejection(status, reason, headers);
    }

    /** The values of header {@code name} in this rejection, in order. */
    public List<String> values(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }
}
