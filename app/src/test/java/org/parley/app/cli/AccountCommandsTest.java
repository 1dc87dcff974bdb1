package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.dial.DialPlan;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/** account add/list/remove and profile unlocking against the real encrypted storage. */
class AccountCommandsTest {
    private static final String SECRET = "correct horse battery staple";

    @TempDir
    Path home;

    private CliHarness cli;
    private Path dataDir;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(home, ProfileFactory.storage());
        cli.env.put("PP", SECRET);
        cli.env.put("PARLEY_PASSWORD", "alicepw");
        dataDir = home.resolve("parley-data");
    }

    private CliHarness.Result parley(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        all[2] = "--passphrase-env";
        all[3] = "PP";
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.run(all);
    }

    private List<AccountRecord> stored() throws Exception {
        try (Profile profile = Profiles.open(dataDir, SECRET.toCharArray())) {
            return profile.accounts().list();
        }
    }

    @Test
    void add_creates_the_profile_and_stores_a_normalised_account_with_defaults() throws Exception {
        CliHarness.Result result = parley("account", "add", "alice@127.0.0.1", "--proxy", "127.0.0.1:5060");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.stdout()).isEqualTo("Added account sip:alice@127.0.0.1.");
        assertThat(result.stderr()).isEqualTo("Created a new encrypted profile in " + dataDir + ".");
        assertThat(stored()).containsExactly(new AccountRecord("sip:alice@127.0.0.1", "alice", "alicepw",
                "127.0.0.1:5060", "UDP", 600, null, null));
    }

    @Test
    void add_again_replaces_and_says_updated() throws Exception {
        parley("account", "add", "sip:alice@127.0.0.1");
        cli.env.put("OTHER_PW", "newpw");

        CliHarness.Result result = parley("account", "add", "sip:alice@127.0.0.1", "--transport", "tcp",
                "--expires", "120", "--auth-user", "al1ce", "--password-env", "OTHER_PW");

        assertThat(result.stdout()).isEqualTo("Updated account sip:alice@127.0.0.1.");
        assertThat(stored()).containsExactly(new AccountRecord("sip:alice@127.0.0.1", "al1ce", "newpw", null, "TCP",
                120, null, null));
    }

    @Test
    void replacing_an_account_keeps_the_dial_plan_set_elsewhere() throws Exception {
        String germany = new DialPlan("49", "0", "00", "", 4, false).encode();
        parley("account", "add", "sip:alice@127.0.0.1");
        try (Profile profile = Profiles.open(dataDir, SECRET.toCharArray())) {
            profile.accounts().save(profile.accounts().find("sip:alice@127.0.0.1").orElseThrow().withDialPlan(germany));
        }

        parley("account", "add", "sip:alice@127.0.0.1", "--transport", "tcp");

        assertThat(stored()).singleElement().satisfies(r -> {
            assertThat(r.transport()).isEqualTo("TCP");
            assertThat(r.dialPlan()).isEqualTo(germany);
        });
    }

    @Test
    void tls_options_are_checked_and_stored() throws Exception {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        String pin = "0123456789abcdef".repeat(4);

        CliHarness.Result result = parley("account", "add", "sips:alice@example.com", "--trust-store",
                cacerts.toString(), "--pin", pin);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        AccountRecord account = stored().get(0);
        assertThat(account.transport()).isEqualTo("TLS");
        assertThat(account.trustStorePath()).isEqualTo(cacerts.toString());
        assertThat(account.pinnedCertSha256()).startsWith("01:23:45:67:89:AB:CD:EF:").hasSize(95);
    }

    @Test
    void a_pem_certificate_file_is_a_trust_store_and_garbage_is_not(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        java.security.KeyStore cacerts = java.security.KeyStore.getInstance(
                Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toFile(), (char[]) null);
        java.security.cert.Certificate ca = cacerts.getCertificate(cacerts.aliases().nextElement());
        Path pem = tmp.resolve("company-ca.pem");
        java.nio.file.Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ca.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Path garbage = java.nio.file.Files.writeString(tmp.resolve("notes.txt"), "not a certificate");

        CliHarness.Result refused = parley("account", "add", "sips:alice@example.com", "--trust-store",
                garbage.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.stderr()).startsWith("parley: Cannot read the trust store " + garbage);

        CliHarness.Result result = parley("account", "add", "sips:alice@example.com", "--trust-store",
                pem.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(stored().get(0).trustStorePath()).isEqualTo(pem.toString());
    }

    @Test
    void a_missing_password_variable_is_a_usage_error_and_creates_nothing() {
        cli.env.remove("PARLEY_PASSWORD");

        CliHarness.Result result = parley("account", "add", "sip:alice@127.0.0.1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).isEqualTo("parley: Put the SIP password in the environment variable"
                + " PARLEY_PASSWORD (passwords are never taken from the command line).");
        assertThat(Profiles.exists(dataDir)).isFalse();
    }

    @Test
    void the_password_is_not_an_option() {
        CliHarness.Result result = parley("account", "add", "sip:alice@127.0.0.1", "--password", "alicepw");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).isEqualTo("parley: Passwords are never taken from the command line (other users"
                + " can see it); put it in the environment variable PARLEY_PASSWORD.");
        assertThat(Profiles.exists(dataDir)).isFalse();
    }

    @Test
    void invalid_input_is_refused_before_the_profile_is_touched() {
        assertThat(parley("account", "add", "alice").stderr()).contains("is not a SIP address");
        assertThat(parley("account", "add", "sip:alice@x", "--transport", "carrier-pigeon").stderr())
                .contains("Unknown transport");
        assertThat(parley("account", "add", "sip:alice@x", "--proxy", "x:70000").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(parley("account", "add", "sip:alice@x", "--pin", "abc").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(parley("account", "add", "sip:alice@x", "--transport", "udp", "--pin", "ab".repeat(32)).stderr())
                .contains("apply to --transport tls only");
        assertThat(Profiles.exists(dataDir)).isFalse();
    }

    @Test
    void list_shows_accounts_without_passwords_in_both_formats() {
        parley("account", "add", "sip:alice@127.0.0.1", "--proxy", "127.0.0.1:5070");
        parley("account", "add", "sip:bob@127.0.0.1");

        CliHarness.Result table = parley("account", "list");
        CliHarness.Result json = parley("account", "list", "--json");

        assertThat(table.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(table.out().lines()).hasSize(3);
        assertThat(table.out().lines().get(0)).startsWith("AOR");
        assertThat(table.stdout()).contains("sip:alice@127.0.0.1", "127.0.0.1:5070", "sip:bob@127.0.0.1")
                .doesNotContain("alicepw");
        assertThat(json.out().json()).extracting(n -> n.get("aor").textValue())
                .containsExactly("sip:alice@127.0.0.1", "sip:bob@127.0.0.1");
        assertThat(json.stdout()).doesNotContain("alicepw").doesNotContain("password");
    }

    @Test
    void remove_removes_and_a_second_remove_exits_4() throws Exception {
        parley("account", "add", "sip:alice@127.0.0.1");

        CliHarness.Result removed = parley("account", "remove", "alice@127.0.0.1");
        CliHarness.Result again = parley("account", "remove", "sip:alice@127.0.0.1");

        assertThat(removed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(removed.stdout()).isEqualTo("Removed account sip:alice@127.0.0.1.");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.NO_SUCH_ACCOUNT);
        assertThat(again.stderr()).isEqualTo("parley: There is no account sip:alice@127.0.0.1.");
        assertThat(stored()).isEmpty();
    }

    @Test
    void wrong_passphrase_exits_3_with_one_sentence_and_changes_nothing() throws Exception {
        parley("account", "add", "sip:alice@127.0.0.1");
        cli.env.put("PP", "wrong");

        CliHarness.Result result = parley("account", "remove", "sip:alice@127.0.0.1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.WRONG_PASSPHRASE);
        assertThat(result.stderr()).isEqualTo("parley: The passphrase does not unlock the profile in " + dataDir
                + "; nothing was changed.");
        assertThat(result.stdout()).isEmpty();
        assertThat(stored()).hasSize(1);
    }

    @Test
    void no_terminal_and_no_passphrase_variable_is_a_clear_usage_error() {
        CliHarness.Result result = cli.run("--data-dir", dataDir.toString(), "account", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).contains("No passphrase").contains("--passphrase-env");
        assertThat(Profiles.exists(dataDir)).isFalse();
    }

    @Test
    void a_passphrase_variable_that_is_not_set_is_named_in_the_error() {
        CliHarness.Result result = cli.run("--data-dir", dataDir.toString(), "--passphrase-env", "NOPE",
                "account", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).contains("NOPE").contains("not set");
    }

    @Test
    void interactive_creation_asks_twice_and_later_opens_with_one_prompt() {
        ScriptedPrompt create = new ScriptedPrompt("s3cret", "s3cret");
        cli.prompt = create;

        CliHarness.Result created = cli.run("--data-dir", dataDir.toString(), "account", "add", "sip:alice@x");
        ScriptedPrompt open = new ScriptedPrompt("s3cret");
        cli.prompt = open;
        CliHarness.Result listed = cli.run("--data-dir", dataDir.toString(), "account", "list", "--json");

        assertThat(created.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(create.prompts).hasSize(2);
        assertThat(created.stderr()).contains("Created a new encrypted profile");
        assertThat(open.prompts).hasSize(1);
        assertThat(listed.out().json()).hasSize(1);
    }

    @Test
    void interactive_creation_with_differing_passphrases_creates_nothing() {
        cli.prompt = new ScriptedPrompt("one", "two");

        CliHarness.Result result = cli.run("--data-dir", dataDir.toString(), "account", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).contains("passphrases differ");
        assertThat(Profiles.exists(dataDir)).isFalse();
    }

    @Test
    void default_data_dir_follows_xdg_data_home() {
        Path xdg = home.resolve("xdg-data");
        cli.env.put("XDG_DATA_HOME", xdg.toString());

        CliHarness.Result result = cli.run("--passphrase-env", "PP", "account", "add", "sip:alice@x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Profiles.exists(xdg.resolve("parley"))).isTrue();
    }
}
