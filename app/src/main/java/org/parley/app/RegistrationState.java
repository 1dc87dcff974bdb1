package org.parley.app;

/** What registration of one account amounts to right now. Protocol outcomes are values, not exceptions. */
public sealed interface RegistrationState {

    /** A short sentence for the user. */
    String describe();

    record Unregistered() implements RegistrationState {
        public String describe() { return "Not registered."; }
    }

    record Registering() implements RegistrationState {
        public String describe() { return "Registering…"; }
    }

    /** @param expiresSeconds lifetime granted by the registrar */
    record Registered(int expiresSeconds) implements RegistrationState {
        public String describe() { return "Registered."; }
    }

    /** The server rejected the credentials (wrong user name or password). */
    record AuthFailed() implements RegistrationState {
        public String describe() { return "The server rejected the user name or password."; }
    }

    /** No answer, connection refused or timed out. {@code retryInSeconds} is 0 when no retry is planned. */
    record Unreachable(String detail, int retryInSeconds) implements RegistrationState {
        public String describe() { return "The server cannot be reached (" + detail + ")."; }
    }

    /** The TLS server presented a certificate the account does not trust. */
    record CertificateNotTrusted(String sha256Fingerprint, String subject) implements RegistrationState {
        public String describe() {
            return "The server's certificate is not trusted: " + subject + ", SHA-256 " + sha256Fingerprint + ".";
        }
    }

    /** 403: the account may not register here. */
    record Forbidden(String reason) implements RegistrationState {
        public String describe() { return "The server refused this account (" + reason + ")."; }
    }

    /** Any other final failure. */
    record Failed(int statusCode, String reason) implements RegistrationState {
        public String describe() { return "Registration failed: " + statusCode + " " + reason + "."; }
    }
}
