package org.parley.app.sip.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * The digest user name and password of one account.
 *
 * <p>Holds its own copy of the password; {@link #destroy()} overwrites it. Thread-safe: the password is only
 * read after construction (a concurrent {@code destroy()} makes later answers wrong, never crash).
 */
public final class DigestCredentials {
    private final String username;
    private final char[] password;

    /** @param username the authentication user name (for Kamailio: the From user) */
    public DigestCredentials(String username, char[] password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password").clone();
    }

    public DigestCredentials(String username, String password) {
        this(username, Objects.requireNonNull(password, "password").toCharArray());
    }

    public String username() {
        return username;
    }

    /** The live password array: callers in this package must not keep or change it. */
    char[] password() {
        return password;
    }

    /** Overwrites the password copy; the credentials are unusable afterwards. */
    public void destroy() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "DigestCredentials[" + username + "]";
    }
}
