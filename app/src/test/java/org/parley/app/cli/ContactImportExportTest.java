package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.contacts.VcardImporter;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/** contact import/export against the real encrypted storage, with hostile files. */
class ContactImportExportTest {
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

    private static String card(String... lines) {
        return "BEGIN:VCARD\r\nVERSION:4.0\r\n" + String.join("\r\n", lines) + "\r\nEND:VCARD\r\n";
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(home.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void import_counts_new_updated_and_skipped_cards_with_their_reasons() throws Exception {
        accounts();
        parley("contact", "add", "sip:bob@example.com", "--name", "Old Bob");
        Path vcf = file("team.vcf", card("FN:Bob Builder", "IMPP:sip:bob@example.com", "CATEGORIES:Team,Build")
                + card("FN:Dora", "X-SIP:dora@example.com")
                + card("FN:Zoë Test", "EMAIL:zoe@example.com")
                + card("FN:Eve", "X-SIP:eve@exa mple.com")
                + card("FN:Dora Again", "IMPP:sip:dora@example.com"));

        CliHarness.Result result = parley("contact", "import", vcf.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines()).containsExactly(
                "Imported 3 contacts into " + ALICE + " (1 new, 2 updated); skipped 2 cards.",
                "Skipped card 3: Zoë Test has no SIP address.",
                "Skipped card 4: Eve has no valid SIP address (\"eve@exa mple.com\").");
        assertThat(stored(ALICE)).containsExactlyInAnyOrder(
                new ContactRecord(ALICE, "sip:bob@example.com", "Bob Builder", "Team"),
                new ContactRecord(ALICE, "sip:dora@example.com", "Dora Again", null));
    }

    @Test
    void import_with_group_and_account_puts_everyone_there() throws Exception {
        accounts();
        Path vcf = file("x.vcf", card("FN:Bob", "IMPP:sip:bob@x", "CATEGORIES:Team") + card("FN:Dora", "X-SIP:dora@x"));

        CliHarness.Result result = parley("contact", "import", vcf.toString(), "--account", "carol@127.0.0.1",
                "--group", "Imported");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(stored(CAROL)).extracting(ContactRecord::group).containsOnly("Imported").hasSize(2);
        assertThat(stored(ALICE)).isEmpty();
    }

    @Test
    void a_ten_thousand_character_name_is_cut_and_the_import_goes_on() throws Exception {
        accounts();
        String huge = "N".repeat(10_000);
        Path vcf = file("huge.vcf", card("FN:" + huge, "IMPP:sip:huge@x", "CATEGORIES:" + "G".repeat(10_000))
                + card("FN:" + huge) + card("FN:Bob", "IMPP:sip:bob@x"));

        CliHarness.Result result = parley("contact", "import", vcf.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines().get(0)).isEqualTo(
                "Imported 2 contacts into " + ALICE + " (2 new, 0 updated); skipped 1 card.");
        assertThat(result.out().lines().get(1)).startsWith("Skipped card 2: NNNN").endsWith("…")
                .hasSizeLessThan(ContactImportCommand.MAX_DETAIL + 30);
        ContactRecord cut = stored(ALICE).stream().filter(c -> c.address().equals("sip:huge@x")).findFirst()
                .orElseThrow();
        assertThat(cut.name()).hasSize(ContactInput.MAX_LABEL).endsWith("…");
        assertThat(cut.group()).hasSize(ContactInput.MAX_LABEL);
    }

    @Test
    void a_windows_1252_file_is_read_and_names_keep_their_accents() throws Exception {
        accounts();
        Path vcf = home.resolve("outlook.vcf");
        Files.write(vcf, card("FN:Zoë Müller", "X-MS-IMADDRESS:zoe@example.com")
                .getBytes(Charset.forName("windows-1252")));

        CliHarness.Result result = parley("contact", "import", vcf.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(stored(ALICE)).containsExactly(new ContactRecord(ALICE, "sip:zoe@example.com", "Zoë Müller", null));
    }

    @Test
    void a_path_with_dot_dot_is_resolved_and_shown_normalised() throws Exception {
        accounts();
        file("team.vcf", card("FN:Bob", "IMPP:sip:bob@x"));
        Files.createDirectories(home.resolve("sub"));

        CliHarness.Result ok = parley("contact", "import", home.resolve("sub/../team.vcf").toString());
        CliHarness.Result missing = parley("contact", "import", home.resolve("sub/../../nope.vcf").toString());

        assertThat(ok.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.stderr()).isEqualTo("parley: There is no file " + home.getParent().resolve("nope.vcf") + ".");
    }

    @Test
    void unusable_files_are_one_sentence_exit_2_and_never_ask_for_the_passphrase() throws Exception {
        Path dir = Files.createDirectories(home.resolve("cards.vcf"));
        Path empty = file("empty.vcf", "");
        Path prose = file("prose.vcf", "Dear Bob,\nthis is not a vCard.\n");
        Path big = home.resolve("big.vcf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(VcardImporter.MAX_FILE_BYTES + 1);
        }

        assertThat(parley("contact", "import", dir.toString()).stderr())
                .isEqualTo("parley: " + dir + " is a directory, not a vCard file.");
        assertThat(parley("contact", "import", empty.toString()).stderr())
                .isEqualTo("parley: " + empty + " has no vCard in it.");
        assertThat(parley("contact", "import", prose.toString()).stderr())
                .isEqualTo("parley: " + prose + " has no vCard in it.");
        assertThat(parley("contact", "import", big.toString()).stderr())
                .isEqualTo("parley: " + big + " is larger than 5 MiB, the limit for a vCard import.");
        for (Path p : List.of(dir, empty, prose, big)) {
            assertThat(parley("contact", "import", p.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        }
        assertThat(Profiles.exists(dataDir)).isFalse();
    }

    @Test
    void a_device_is_not_read() {
        Path zero = Path.of("/dev/zero"); // Linux, like the CI machine

        CliHarness.Result result = parley("contact", "import", zero.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).isEqualTo("parley: /dev/zero is not a regular file.");
    }

    @Test
    void export_writes_an_owner_only_file_that_imports_again() throws Exception {
        accounts();
        parley("contact", "add", "sip:bob@x", "--name", "Bob Builder", "--group", "Team");
        parley("contact", "add", "sip:dora@x");
        Path out = home.resolve("sub/../export.vcf");

        CliHarness.Result result = parley("contact", "export", out.toString());

        Path written = home.resolve("export.vcf");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.stdout()).isEqualTo("Exported 2 contacts of " + ALICE + " to " + written + ".");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        assertThat(Files.readString(written)).contains("VERSION:4.0", "IMPP:sip:bob@x", "FN:Bob Builder",
                "CATEGORIES:Team", "FN:dora").doesNotContain("X-SIP");
        assertThat(leftovers()).isEmpty();

        assertThat(parley("contact", "import", written.toString(), "--account", CAROL).exitCode()).isZero();
        assertThat(stored(CAROL)).extracting(ContactRecord::address, ContactRecord::name, ContactRecord::group)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("sip:bob@x", "Bob Builder", "Team"),
                        org.assertj.core.groups.Tuple.tuple("sip:dora@x", "dora", null));
    }

    @Test
    void export_as_vcard_3_adds_x_sip() throws Exception {
        accounts();
        parley("contact", "add", "sip:bob@x");
        Path out = home.resolve("v3.vcf");

        assertThat(parley("contact", "export", out.toString(), "--vcard", "3.0").exitCode()).isZero();
        assertThat(Files.readString(out)).contains("VERSION:3.0", "X-SIP:sip:bob@x");
        assertThat(parley("contact", "export", out.toString(), "--vcard", "2.1", "--force").stderr())
                .isEqualTo("parley: --vcard must be 3.0 or 4.0.");
    }

    @Test
    void export_never_overwrites_without_force() throws Exception {
        accounts();
        parley("contact", "add", "sip:bob@x");
        Path existing = file("keep.vcf", "precious");

        CliHarness.Result refused = parley("contact", "export", existing.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.stderr()).isEqualTo("parley: " + existing + " already exists; add --force to replace it.");
        assertThat(Files.readString(existing)).isEqualTo("precious");

        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
        CliHarness.Result forced = parley("contact", "export", existing.toString(), "--force");
        assertThat(forced.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(existing)).contains("IMPP:sip:bob@x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-------");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void export_to_a_directory_or_a_missing_directory_is_refused_before_the_profile_is_opened() throws Exception {
        Path dir = Files.createDirectories(home.resolve("out.vcf"));
        Path nowhere = home.resolve("no/such/dir/out.vcf");

        assertThat(parley("contact", "export", dir.toString()).stderr()).isEqualTo("parley: " + dir + " is a directory.");
        assertThat(parley("contact", "export", dir.toString(), "--force").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(parley("contact", "export", nowhere.toString()).stderr())
                .isEqualTo("parley: The directory " + nowhere.getParent() + " does not exist.");
        assertThat(Profiles.exists(dataDir)).isFalse();
    }

    @Test
    void export_without_contacts_writes_nothing() {
        accounts();
        Path out = home.resolve("none.vcf");

        CliHarness.Result result = parley("contact", "export", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.stderr()).isEqualTo(ALICE + " has no contacts; nothing was written.");
        assertThat(out).doesNotExist();
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
