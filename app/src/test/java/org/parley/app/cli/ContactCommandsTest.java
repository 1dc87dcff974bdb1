package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/** contact add/remove/list against the real encrypted storage. */
class ContactCommandsTest {
    private static final String SECRET = CliProfile.SECRET;
    private static final String ALICE = "sip:alice@127.0.0.1";
    private static final String CAROL = "sip:carol@127.0.0.1";

    @TempDir
    Path home;

    private CliProfile profile;
    private CliHarness cli;
    private Path dataDir;

    @BeforeEach
    void setUp() {
        profile = new CliProfile(home);
        cli = profile.cli;
        dataDir = profile.dataDir;
    }

    private CliHarness.Result parley(String... args) {
        return profile.parley(args);
    }

    private List<ContactRecord> stored(String account) throws Exception {
        return profile.contacts(account);
    }

    private void accounts() {
        assertThat(parley("account", "add", ALICE).exitCode()).isZero();
        assertThat(parley("account", "add", CAROL).exitCode()).isZero();
    }

    @Test
    void add_stores_the_normalised_address_in_the_first_account() throws Exception {
        accounts();

        CliHarness.Result result = parley("contact", "add", "Bob@Example.COM", "--name", "Bob", "--group", "Team");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.stdout()).isEqualTo("Added contact sip:Bob@example.com of " + ALICE + ".");
        assertThat(stored(ALICE)).containsExactly(new ContactRecord(ALICE, "sip:Bob@example.com", "Bob", "Team"));
        assertThat(stored(CAROL)).isEmpty();
    }

    @Test
    void add_with_account_uses_that_account_found_by_any_spelling() throws Exception {
        accounts();

        CliHarness.Result result = parley("contact", "add", "sip:bob@example.com", "--account", "carol@127.0.0.1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(stored(CAROL)).containsExactly(new ContactRecord(CAROL, "sip:bob@example.com", null, null));
    }

    @Test
    void add_again_updates_only_the_fields_given_and_an_empty_value_clears() throws Exception {
        accounts();
        parley("contact", "add", "sip:bob@example.com", "--name", "Bob", "--group", "Team");

        CliHarness.Result regroup = parley("contact", "add", "bob@example.com", "--group", "Friends");
        assertThat(regroup.stdout()).isEqualTo("Updated contact sip:bob@example.com of " + ALICE + ".");
        assertThat(stored(ALICE)).containsExactly(new ContactRecord(ALICE, "sip:bob@example.com", "Bob", "Friends"));

        parley("contact", "add", "bob@example.com", "--group", "");
        assertThat(stored(ALICE)).containsExactly(new ContactRecord(ALICE, "sip:bob@example.com", "Bob", null));
    }

    @Test
    void an_entry_stored_under_another_spelling_is_the_same_contact() throws Exception {
        accounts();
        try (Profile profile = Profiles.open(dataDir, SECRET.toCharArray())) {
            profile.contacts().save(new ContactRecord(ALICE, "<sip:bob@EXAMPLE.com>", "Old Bob", "Team"));
        }

        assertThat(parley("contact", "add", "sip:bob@example.com").stdout()).startsWith("Updated");
        assertThat(stored(ALICE)).containsExactly(new ContactRecord(ALICE, "sip:bob@example.com", "Old Bob", "Team"));
        assertThat(parley("contact", "remove", "bob@example.com").exitCode()).isZero();
        assertThat(stored(ALICE)).isEmpty();
    }

    @Test
    void invalid_input_is_refused_before_the_profile_is_opened() {
        assertThat(parley("contact", "add", "bob").stderr()).isEqualTo(
                "parley: \"bob\" is not a SIP address (expected sip:user@host).");
        assertThat(parley("contact", "add", "sip:bob@exa mple.com").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(parley("contact", "add", "sip:bob@x", "--name", "n".repeat(201)).stderr())
                .isEqualTo("parley: --name is longer than 200 characters.");
        assertThat(parley("contact", "add", "sip:bob@x", "--account", "nobody").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(parley("contact", "remove", "").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(parley("contact", "list", "--account", "x:y").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Profiles.exists(dataDir)).isFalse();
    }

    @Test
    void control_characters_in_a_name_become_spaces() throws Exception {
        accounts();

        parley("contact", "add", "sip:bob@x", "--name", "Bob\nEvil\u001b[31m\tTwo ");

        assertThat(stored(ALICE).get(0).name()).isEqualTo("Bob Evil [31m Two");
    }

    @Test
    void no_account_or_an_unknown_one_exits_4() {
        CliHarness.Result none = parley("contact", "add", "sip:bob@x");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.NO_SUCH_ACCOUNT);
        assertThat(none.err().lines()).last().isEqualTo("parley: There is no account yet; add one with: parley account add AOR");

        accounts();
        CliHarness.Result unknown = parley("contact", "list", "--account", "sip:mallory@127.0.0.1");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NO_SUCH_ACCOUNT);
        assertThat(unknown.stderr()).isEqualTo("parley: There is no account sip:mallory@127.0.0.1.");
    }

    @Test
    void remove_removes_and_a_second_remove_exits_4() throws Exception {
        accounts();
        parley("contact", "add", "sip:bob@x");

        CliHarness.Result removed = parley("contact", "remove", "bob@x");
        CliHarness.Result again = parley("contact", "remove", "sip:bob@x");

        assertThat(removed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(removed.stdout()).isEqualTo("Removed contact sip:bob@x of " + ALICE + ".");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.NO_SUCH_CONTACT);
        assertThat(again.stderr()).isEqualTo("parley: There is no contact sip:bob@x of " + ALICE + ".");
        assertThat(stored(ALICE)).isEmpty();
    }

    @Test
    void list_as_a_table_and_as_json_lines() {
        accounts();
        parley("contact", "add", "sip:zed@x", "--name", "Zed", "--group", "Team");
        parley("contact", "add", "sip:bob@x", "--name", "Bob");
        parley("contact", "add", "sip:dora@x", "--account", CAROL);

        CliHarness.Result table = parley("contact", "list");
        CliHarness.Result json = parley("contact", "list", "--json");

        assertThat(table.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(table.out().lines()).containsExactly(
                "ADDRESS    NAME  GROUP",
                "sip:bob@x  Bob   -",
                "sip:zed@x  Zed   Team");
        assertThat(json.out().json()).hasSize(2);
        assertThat(json.out().json().get(0).toString()).isEqualTo(
                "{\"account\":\"" + ALICE + "\",\"address\":\"sip:bob@x\",\"name\":\"Bob\",\"group\":null}");
        assertThat(parley("contact", "list", "--account", CAROL, "--json").out().json())
                .extracting(n -> n.get("address").textValue()).containsExactly("sip:dora@x");
    }

    @Test
    void an_empty_list_says_so_on_stderr_and_json_prints_nothing() {
        accounts();

        CliHarness.Result table = parley("contact", "list");
        CliHarness.Result json = parley("contact", "list", "--json");

        assertThat(table.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(table.stdout()).isEmpty();
        assertThat(table.stderr()).isEqualTo(ALICE + " has no contacts yet; add one with: parley contact add ADDRESS");
        assertThat(json.stdout()).isEmpty();
    }

    @Test
    void contact_alone_is_a_usage_error_naming_the_subcommands() {
        CliHarness.Result result = parley("contact");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).contains("use add, remove, list, import or export");
    }

    @Test
    void wrong_passphrase_exits_3_and_changes_nothing() throws Exception {
        accounts();
        parley("contact", "add", "sip:bob@x");
        cli.env.put("PP", "wrong");

        CliHarness.Result result = parley("contact", "remove", "sip:bob@x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.WRONG_PASSPHRASE);
        cli.env.put("PP", SECRET);
        assertThat(stored(ALICE)).hasSize(1);
    }

    @Test
    void help_lists_the_contact_commands() {
        CliHarness.Result top = cli.run("--help");
        CliHarness.Result contact = cli.run("contact", "--help");

        assertThat(top.exitCode()).isZero();
        assertThat(top.stdout()).contains("contact").contains("4  no such account (or contact, for contact remove)");
        assertThat(contact.exitCode()).isZero();
        assertThat(contact.stdout()).contains("add", "remove", "list", "import", "export");
    }
}
