package org.parley.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parley.app.SipAddress;
import org.parley.app.Transport;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parley account add AOR …}: validates everything first (so a mistake never prompts for the
 * passphrase or touches the profile), then saves the account, replacing one with the same AOR. A replaced
 * account keeps its dial plan (set in the desktop app; the command line has no option for it).
 * Secrets come from environment variables only, never from arguments (which other users can see in ps).
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add an account, or replace the one with the same address.")
public final class AccountAddCommand implements Callable<Integer> {
    static final String DEFAULT_PASSWORD_ENV = "PARLEY_PASSWORD";

    @ParentCommand
    private AccountCommand parent;

    @Parameters(paramLabel = "AOR", description = "Address of record: sip:user@host, sips:user@host or user@host.")
    private String aor;

    @Option(names = "--auth-user", paramLabel = "USER", description = "Digest user name (default: the AOR's user).")
    private String authUser;

    @Option(names = "--proxy", paramLabel = "HOST[:PORT]",
            description = "Registrar / outbound proxy (default: the AOR's host).")
    private String proxy;

    @Option(names = "--transport", paramLabel = "udp|tcp|tls",
            description = "SIP transport (default: udp; tls for sips: addresses).")
    private String transport;

    @Option(names = "--expires", paramLabel = "SECONDS", defaultValue = "600",
            description = "Requested registration lifetime, 60..86400 (default: ${DEFAULT-VALUE}).")
    private int expires;

    @Option(names = "--password-env", paramLabel = "NAME", defaultValue = DEFAULT_PASSWORD_ENV,
            description = "Environment variable holding the SIP password (default: ${DEFAULT-VALUE}).")
    private String passwordEnv;

    @Option(names = "--trust-store", paramLabel = "PATH", description = "PKCS#12 or JKS trust store for TLS.")
    private Path trustStore;

    @Option(names = "--trust-store-password-env", paramLabel = "NAME",
            description = "Environment variable holding the trust store password, to check the store.")
    private String trustStorePasswordEnv;

    @Option(names = "--pin", paramLabel = "SHA256-FINGERPRINT",
            description = "Trust the TLS server certificate with this SHA-256 fingerprint.")
    private String pin;

    /** Only to explain why it is refused: a password argument would be visible to every user in ps. */
    @Option(names = "--password", hidden = true, arity = "0..1", fallbackValue = "")
    private String passwordArgument;

    @Override
    public Integer call() {
        CliContext context = parent.root().context();
        AccountRecord record = validate(context);
        try (Profile profile = parent.root().openProfile()) {
            Optional<AccountRecord> existing = profile.accounts().find(record.aor());
            profile.accounts().save(existing.map(old -> record.withDialPlan(old.dialPlan())).orElse(record));
            context.console().result((existing.isPresent() ? "Updated" : "Added") + " account " + record.aor() + ".");
            return ExitCodes.OK;
        } catch (StorageException e) {
            throw CliException.storage(e);
        }
    }

    private AccountRecord validate(CliContext context) {
        if (passwordArgument != null) {
            throw CliException.usage("Passwords are never taken from the command line (other users can see it);"
                    + " put it in the environment variable " + passwordEnv + ".");
        }
        SipAddress address = AccountInput.aor(aor);
        Transport chosen = AccountInput.transport(transport, address);
        String user = AccountInput.authUser(authUser, address);
        String server = proxy == null ? null : AccountInput.proxy(proxy);
        int lifetime = AccountInput.expires(expires);
        if (chosen != Transport.TLS && (trustStore != null || pin != null)) {
            throw CliException.usage("--trust-store and --pin apply to --transport tls only.");
        }
        String fingerprint = pin == null ? null : AccountInput.pin(pin);
        String storePath = trustStore == null ? null : checkedTrustStore(context);
        String password = context.getenv(passwordEnv);
        if (password == null || password.isEmpty()) {
            throw CliException.usage("Put the SIP password in the environment variable " + passwordEnv
                    + " (passwords are never taken from the command line).");
        }
        return new AccountRecord(address.toString(), user, password, server, chosen.name(), lifetime, storePath,
                fingerprint);
    }

    /** Loads the store once to catch mistakes now; AccountRecord has no field for its password. */
    private String checkedTrustStore(CliContext context) {
        char[] storePassword = null;
        if (trustStorePasswordEnv != null) {
            String value = context.getenv(trustStorePasswordEnv);
            if (value == null) {
                throw CliException.usage("The environment variable " + trustStorePasswordEnv
                        + " (named by --trust-store-password-env) is not set.");
            }
            storePassword = value.toCharArray();
        }
        try {
            return AccountInput.trustStore(trustStore, storePassword);
        } finally {
            if (storePassword != null) {
                Arrays.fill(storePassword, '\0');
            }
        }
    }
}
