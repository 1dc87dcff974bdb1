package org.parley.app.testsupport.kamailio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sqlite database of one test server: Debian's Kamailio schemas (standard, auth_db, usrloc,
 * presence, msilo), switched to WAL, with the default users. Written with the sqlite3 CLI.
 */
final class KamailioDatabase {

    /** Users every server starts with, name to password, all in domain {@link KamailioServer#DOMAIN}. */
    static final Map<String, String> DEFAULT_USERS = Map.of(
            "alice", "alicepw", "bob", "bobpw", "carol", "carolpw", "dave", "davepw");

    private static final Path SCHEMA_DIR = Path.of("/usr/share/kamailio/db_sqlite");
    private static final List<String> SCHEMAS = List.of("standard", "auth_db", "usrloc", "presence", "msilo");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Path file;
    private final Path sqlite3;

    private KamailioDatabase(Path file, Path sqlite3) {
        this.file = file;
        this.sqlite3 = sqlite3;
    }

    /** Creates {@code file} (which must not exist) with all tables and the default users. */
    static KamailioDatabase create(Path file) {
        Path sqlite3 = HostTools.require("sqlite3");
        StringBuilder script = new StringBuilder();
        for (String schema : SCHEMAS) {
            script.append(".read '").append(HostTools.requireFile(SCHEMA_DIR.resolve(schema + "-create.sql"))).append("'\n");
        }
        // WAL is stored in the file: Kamailio's readers (auth_db) then never block on its writers
        // (msilo, presence); without it auth lookups fail with "database is locked" -> spurious 401/407.
        script.append("PRAGMA journal_mode=WAL;\n");
        DEFAULT_USERS.forEach((name, password) -> script.append(insertUser(name, password)));
        String output = HostTools.run(file.getParent(), script.toString(), TIMEOUT,
                sqlite3.toString(), "-bail", file.toString());
        if (!output.contains("wal")) {
            throw new IllegalStateException("sqlite3 did not switch " + file + " to WAL mode: " + output);
        }
        return new KamailioDatabase(file, sqlite3);
    }

    Path file() {
        return file;
    }

    /** Kamailio's URL for this file: four slashes for an absolute path. */
    String url() {
        return "sqlite:///" + file.toAbsolutePath();
    }

    /** Adds a subscriber (plain password); works while Kamailio runs, which reads it on the next request. */
    void addUser(String name, String password) {
        // waits up to 5 s for a write lock Kamailio may hold (msilo/presence writes)
        HostTools.run(file.getParent(), ".timeout 5000\n" + insertUser(name, password), TIMEOUT,
                sqlite3.toString(), "-bail", file.toString());
    }

    private static String insertUser(String name, String password) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty user name");
        }
        return "INSERT INTO subscriber (username, domain, password) VALUES ("
                + quote(name) + ", " + quote(KamailioServer.DOMAIN) + ", " + quote(password) + ");\n";
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
