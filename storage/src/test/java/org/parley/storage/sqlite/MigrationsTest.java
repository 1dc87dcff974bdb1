package org.parley.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.CorruptProfileException;
import org.parley.storage.TestFiles;
import org.parley.storage.UnsupportedProfileException;

class MigrationsTest {
    @TempDir
    Path tmp;

    @Test
    void aNewProfileHasTheLatestSchema() throws Exception {
        Path dir = tmp.resolve("p");
        SqliteProfiles.createUnencrypted(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"))) {
            assertThat(Migrations.userVersion(c)).isEqualTo(Migrations.latest());
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("accounts", "contacts", "conversations", "messages", "messages_fts", "calls");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.next() && "wal".equals(rs.getString(1))).isTrue();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                assertThat(rs.next() ? rs.getInt(1) : 0).isEqualTo(ConnectionFactory.PAGE_SIZE);
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM messages_fts_config WHERE k = 'pgsz'")) {
                assertThat(rs.next() ? rs.getInt(1) : 0).isEqualTo(800);
            }
        }
    }

    @Test
    void aNewerSchemaIsRefusedAndLeftUnchanged() throws Exception {
        Path dir = tmp.resolve("p");
        SqliteProfiles.createUnencrypted(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Migrations.latest() + 1));
        }
        Map<String, String> before = TestFiles.snapshot(dir);
        assertThatThrownBy(() -> SqliteProfiles.openUnencrypted(dir))
                .isInstanceOf(UnsupportedProfileException.class)
                .hasMessage("This profile was created by a newer version of Parley.");
        assertThat(TestFiles.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void anExistingDatabaseWithoutSchemaIsNotSilentlyRecreated() throws Exception {
        Path dir = tmp.resolve("p");
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE unrelated (x)");
        }
        Map<String, String> before = TestFiles.snapshot(dir);
        assertThatThrownBy(() -> SqliteProfiles.openUnencrypted(dir))
                .isInstanceOf(CorruptProfileException.class)
                .hasMessage("The profile database is empty.");
        assertThat(TestFiles.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void stepsAreOrderedAndStartAtOne() {
        for (int i = 0; i < Migrations.STEPS.size(); i++) {
            assertThat(Migrations.STEPS.get(i).version()).isEqualTo(i + 1);
        }
    }

    @Test
    void aVersionOneProfileGainsThePreferencesTableAndKeepsItsData() throws Exception {
        Path dir = tmp.resolve("p");
        try (var profile = SqliteProfiles.createUnencrypted(dir)) {
            profile.contacts().save(new org.parley.storage.ContactRecord("sip:a@x", "sip:b@x", "Bee", null));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE preferences");
            s.execute("DROP TABLE calls");
            s.execute("DROP TABLE transfers");
            s.execute("ALTER TABLE accounts DROP COLUMN dial_plan");
            s.execute("PRAGMA user_version = 1");
        }
        try (var profile = SqliteProfiles.openUnencrypted(dir)) {
            profile.preferences().put("k", "v");
            assertThat(profile.preferences().get("k")).contains("v");
            assertThat(profile.contacts().list("sip:a@x")).hasSize(1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"))) {
            assertThat(Migrations.userVersion(c)).isEqualTo(Migrations.latest());
        }
    }

    @Test
    void aVersionTwoProfileGainsTheCallsTableAndItsIndexes() throws Exception {
        Path dir = tmp.resolve("p");
        SqliteProfiles.createUnencrypted(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE calls");
            s.execute("DROP TABLE transfers");
            s.execute("ALTER TABLE accounts DROP COLUMN dial_plan");
            s.execute("PRAGMA user_version = 2");
        }
        SqliteProfiles.openUnencrypted(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"))) {
            assertThat(Migrations.userVersion(c)).isEqualTo(Migrations.latest());
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE tbl_name = 'calls'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertThat(names).contains("calls", "calls_recent", "calls_by_peer");
        }
    }

    @Test
    void aVersionThreeProfileGainsTheTransfersTable() throws Exception {
        Path dir = tmp.resolve("p3");
        SqliteProfiles.createUnencrypted(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE transfers");
            s.execute("ALTER TABLE accounts DROP COLUMN dial_plan");
            s.execute("INSERT INTO calls (account, peer, direction, started_at, ended_at, end_reason, codec) "
                    + "VALUES ('a', 'b', 'IN', 1, 2, 'hangup', 'opus')");
            s.execute("PRAGMA user_version = 3");
        }
        SqliteProfiles.openUnencrypted(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             Statement s = c.createStatement()) {
            assertThat(Migrations.userVersion(c)).isEqualTo(Migrations.latest());
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM calls")) {
                assertThat(rs.next() && rs.getInt(1) == 1).as("the call survives").isTrue();
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM transfers")) {
                assertThat(rs.next() && rs.getInt(1) == 0).isTrue();
            }
        }
    }

    @Test
    void aVersionFourProfileGainsTheDialPlanColumnAndItsAccountsHaveNone() throws Exception {
        Path dir = tmp.resolve("p");
        try (var profile = SqliteProfiles.createUnencrypted(dir)) {
            profile.accounts().save(new org.parley.storage.AccountRecord("sip:a@x", "a", "pw", null, "UDP", 600,
                    null, null, null));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             Statement s = c.createStatement()) {
            s.execute("ALTER TABLE accounts DROP COLUMN dial_plan");
            s.execute("PRAGMA user_version = 4");
        }
        try (var profile = SqliteProfiles.openUnencrypted(dir)) {
            assertThat(profile.accounts().find("sip:a@x")).get().satisfies(a -> {
                assertThat(a.password()).isEqualTo("pw");
                assertThat(a.dialPlan()).isNull();
            });
            profile.accounts().save(profile.accounts().find("sip:a@x").orElseThrow().withDialPlan("v=1;cc=49"));
            assertThat(profile.accounts().find("sip:a@x")).get()
                    .extracting(org.parley.storage.AccountRecord::dialPlan).isEqualTo("v=1;cc=49");
        }
    }
}
