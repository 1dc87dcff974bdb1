package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.parley.app.ParleyEvent;
import org.parley.app.presence.PresenceState;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;

/** The presence and contact commands of {@code parley run}, and its presence events, against a {@link FakeParley}. */
@Timeout(20)
class RunPresenceAndContactsTest {
    private static final String ALICE = "sip:alice@127.0.0.1";
    private static final String CAROL = "sip:carol@127.0.0.1";
    private static final String BOB = "sip:bob@example.com";

    private final Profile profile = profile();
    private final FakeParley parley = new FakeParley(profile);
    private final LineCapture out = new LineCapture();

    private static Profile profile() {
        Profile p = new InMemoryProfiles().create(Path.of("/nowhere"), "pw".toCharArray());
        try {
            p.accounts().save(new AccountRecord(ALICE, "alice", "pw", null, "UDP", 600, null, null));
            p.accounts().save(new AccountRecord(CAROL, "carol", "pw", null, "UDP", 600, null, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    /** Runs a session over {@code stdin} and returns every line written, once output is closed. */
    private java.util.List<JsonNode> session(String stdin, Set<String> accounts, String defaultAccount) {
        RunOutput output = new RunOutput(new JsonLineWriter(new ObjectMapper(),
                new PrintStream(out, true, StandardCharsets.UTF_8)), accounts);
        parley.addListener(output::onEvent, output.listenerExecutor());
        new RunSession(parley, output, new BoundedLineReader(new ByteArrayInputStream(
                stdin.getBytes(StandardCharsets.UTF_8)), 1 << 20), accounts, defaultAccount).readCommands();
        output.close();
        return out.json();
    }

    private java.util.List<JsonNode> session(String stdin) {
        return session(stdin, Set.of(), null);
    }

    private java.util.List<ContactRecord> contacts(String account) throws Exception {
        return profile.contacts().list(account);
    }

    @Test
    void presence_goes_to_the_core_with_its_note() {
        java.util.List<JsonNode> lines = session("{\"cmd\":\"presence\",\"state\":\"away\",\"note\":\"lunch\"}\n"
                + "{\"cmd\":\"presence\",\"state\":\"do-not-disturb\"}\n");

        assertThat(lines).isEmpty();
        assertThat(parley.presenceSet).containsExactly("AWAY:lunch", "DO_NOT_DISTURB:");
    }

    @Test
    void a_bad_state_is_an_error_line_with_the_ref_and_the_loop_goes_on() {
        java.util.List<JsonNode> lines = session("{\"cmd\":\"presence\",\"state\":\"napping\",\"ref\":\"p1\"}\n"
                + "{\"cmd\":\"presence\",\"state\":\"busy\"}\n");

        assertThat(lines).singleElement().satisfies(error -> {
            assertThat(error.get("event").textValue()).isEqualTo("error");
            assertThat(error.get("reason").textValue()).startsWith("Unknown presence state \"napping\": use available,");
            assertThat(error.get("ref").textValue()).isEqualTo("p1");
        });
        assertThat(parley.presenceSet).containsExactly("BUSY:");
    }

    @Test
    void contact_add_stores_normalised_in_the_first_account_and_tells_the_core() throws Exception {
        java.util.List<JsonNode> lines = session(
                "{\"cmd\":\"contact_add\",\"address\":\"bob@Example.com\",\"name\":\"Bob\",\"group\":\"Team\"}\n");

        assertThat(lines).isEmpty();
        assertThat(contacts(ALICE)).containsExactly(new ContactRecord(ALICE, BOB, "Bob", "Team"));
        assertThat(parley.contactsChanges.get()).isEqualTo(1);
    }

    @Test
    void contact_add_uses_the_named_account_or_the_run_default() throws Exception {
        session("{\"cmd\":\"contact_add\",\"address\":\"sip:bob@example.com\",\"account\":\"carol@127.0.0.1\"}\n"
                + "{\"cmd\":\"contact_add\",\"address\":\"sip:dora@example.com\"}\n", Set.of(), CAROL);

        assertThat(contacts(CAROL)).extracting(ContactRecord::address)
                .containsExactly(BOB, "sip:dora@example.com");
        assertThat(contacts(ALICE)).isEmpty();
    }

    @Test
    void contact_remove_removes_and_tells_the_core_and_a_missing_one_is_an_error() throws Exception {
        profile.contacts().save(new ContactRecord(ALICE, BOB, "Bob", null));

        java.util.List<JsonNode> lines = session("{\"cmd\":\"contact_remove\",\"address\":\"bob@example.com\"}\n"
                + "{\"cmd\":\"contact_remove\",\"address\":\"bob@example.com\",\"ref\":7}\n");

        assertThat(contacts(ALICE)).isEmpty();
        assertThat(parley.contactsChanges.get()).isEqualTo(1);
        assertThat(lines).singleElement().satisfies(error -> {
            assertThat(error.get("reason").textValue()).isEqualTo("There is no contact " + BOB + " of " + ALICE + ".");
            assertThat(error.get("ref").intValue()).isEqualTo(7);
        });
    }

    @Test
    void bad_contact_input_is_an_error_line_and_changes_nothing() throws Exception {
        java.util.List<JsonNode> lines = session("{\"cmd\":\"contact_add\",\"address\":\"bob\"}\n"
                + "{\"cmd\":\"contact_add\",\"address\":\"sip:bob@x\",\"name\":\"" + "n".repeat(300) + "\"}\n"
                + "{\"cmd\":\"contact_add\",\"address\":\"sip:bob@x\",\"account\":\"sip:nobody@127.0.0.1\"}\n"
                + "{\"cmd\":\"contact_add\",\"address\":\"sip:bob@x\",\"account\":\"" + CAROL + "\"}\n",
                Set.of(ALICE), ALICE);

        assertThat(lines).extracting(n -> n.get("reason").textValue()).containsExactly(
                "\"bob\" is not a SIP address (expected sip:user@host).",
                "\"name\" is longer than 200 characters.",
                "There is no account sip:nobody@127.0.0.1.",
                "The account " + CAROL + " is not one this run was started for.");
        assertThat(contacts(ALICE)).isEmpty();
        assertThat(contacts(CAROL)).isEmpty();
        assertThat(parley.contactsChanges.get()).isZero();
    }

    @Test
    void a_profile_without_accounts_gets_a_clear_error() {
        Profile empty = new InMemoryProfiles().create(Path.of("/empty"), "pw".toCharArray());
        FakeParley core = new FakeParley(empty);
        RunOutput output = new RunOutput(new JsonLineWriter(new ObjectMapper(),
                new PrintStream(out, true, StandardCharsets.UTF_8)), Set.of());
        new RunSession(core, output, new BoundedLineReader(new ByteArrayInputStream(
                "{\"cmd\":\"contact_add\",\"address\":\"sip:bob@x\"}\n".getBytes(StandardCharsets.UTF_8)), 1 << 20),
                Set.of(), null).readCommands();
        output.close();

        assertThat(out.json()).singleElement().satisfies(error -> assertThat(error.get("reason").textValue())
                .isEqualTo("There is no account yet; add one with: parley account add AOR"));
    }

    @Test
    void presence_events_are_written_and_filtered_by_account() {
        RunOutput output = new RunOutput(new JsonLineWriter(new ObjectMapper(),
                new PrintStream(out, true, StandardCharsets.UTF_8)), Set.of(ALICE));
        parley.addListener(output::onEvent, output.listenerExecutor());
        parley.emit(new ParleyEvent.PresenceChanged(ALICE, BOB, PresenceState.IN_A_MEETING, "until 3"));
        parley.emit(new ParleyEvent.PresenceChanged(CAROL, BOB, PresenceState.BUSY, ""));
        parley.emit(new ParleyEvent.PresenceChanged(ALICE, BOB, PresenceState.OFFLINE, ""));
        output.close();

        assertThat(out.lines()).containsExactly(
                "{\"event\":\"presence\",\"account\":\"" + ALICE + "\",\"contact\":\"" + BOB
                        + "\",\"state\":\"in-a-meeting\",\"note\":\"until 3\"}",
                "{\"event\":\"presence\",\"account\":\"" + ALICE + "\",\"contact\":\"" + BOB
                        + "\",\"state\":\"offline\"}");
    }

    @Test
    void watcher_decisions_go_to_the_core_and_a_bad_one_is_an_error_line() {
        java.util.List<JsonNode> lines = session("{\"cmd\":\"watcher\",\"watcher\":\"sip:bob@example.com\","
                + "\"decision\":\"allow\"}\n"
                + "{\"cmd\":\"watcher\",\"watcher\":\"sip:eve@example.com\",\"decision\":\"block\","
                + "\"account\":\"" + CAROL + "\"}\n"
                + "{\"cmd\":\"watcher\",\"watcher\":\"sip:bob@example.com\",\"decision\":\"maybe\",\"ref\":\"w3\"}\n",
                Set.of(), ALICE);

        assertThat(parley.watcherDecisions(ALICE)).containsExactly(
                java.util.Map.entry("sip:bob@example.com", org.parley.app.presence.WatcherDecision.ALLOW));
        assertThat(parley.watcherDecisions(CAROL)).containsExactly(
                java.util.Map.entry("sip:eve@example.com", org.parley.app.presence.WatcherDecision.BLOCK));
        assertThat(lines).singleElement().satisfies(error -> {
            assertThat(error.get("event").textValue()).isEqualTo("error");
            assertThat(error.get("reason").textValue()).isEqualTo("\"decision\" must be \"allow\" or \"block\".");
            assertThat(error.get("ref").textValue()).isEqualTo("w3");
        });
    }

    @Test
    void watcher_requests_are_written_with_the_name_when_there_is_one() {
        RunOutput output = new RunOutput(new JsonLineWriter(new ObjectMapper(),
                new PrintStream(out, true, StandardCharsets.UTF_8)), Set.of());
        parley.addListener(output::onEvent, output.listenerExecutor());
        parley.emit(new ParleyEvent.WatcherApprovalNeeded(ALICE, BOB, "Bob B."));
        parley.emit(new ParleyEvent.WatcherApprovalNeeded(ALICE, "sip:eve@example.com", ""));
        output.close();

        assertThat(out.lines()).containsExactly(
                "{\"event\":\"watcher_request\",\"account\":\"" + ALICE + "\",\"watcher\":\"" + BOB
                        + "\",\"name\":\"Bob B.\"}",
                "{\"event\":\"watcher_request\",\"account\":\"" + ALICE + "\",\"watcher\":\"sip:eve@example.com\"}");
    }
}
