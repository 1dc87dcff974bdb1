package org.parley.app.presence;

/**
 * One watcher of the user's presence, as the server's watcher-info tells it (RFC 3858): who ({@code uri}), and
 * whether the subscription is {@code active}, {@code pending} (waiting for authorisation), {@code waiting} or
 * {@code terminated}. A value.
 */
public record Watcher(String id, String uri, String status) {
}
