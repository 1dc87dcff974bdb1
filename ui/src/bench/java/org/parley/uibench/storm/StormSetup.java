package org.parley.uibench.storm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.parley.app.testsupport.kamailio.KamailioServer;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/**
 * The storm's data: the presentities and the watcher as users of the test Kamailio (one sqlite3 transaction
 * instead of the harness's one process per user), and the watcher's Parley profile holding every presentity as a
 * contact (in 20 groups, names "Presentity NNNN").
 */
final class StormSetup {
    static final String WATCHER = "watcher";
    static final String PASSPHRASE = "storm benchmark passphrase";

    private StormSetup() {
    }

    static List<String> presentities(int count) {
        List<String> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(String.format("p%04d", i));
        }
        return users;
    }

    /** Adds each name with password {@code name + "pw"} to the server's subscriber table (also while it runs). */
    static void addUsers(KamailioServer kamailio, List<String> names) throws IOException, InterruptedException {
        Path db = kamailio.workDir().resolve("kamailio.sqlite");
        StringBuilder script = new StringBuilder(".timeout 5000\nBEGIN;\n");
        for (String n : names) {
            script.append("INSERT INTO subscriber (username, domain, password) VALUES ('").append(n).append("', '")
                    .append(kamailio.domain()).append("', '").append(n).append("pw');\n");
        }
        script.append("COMMIT;\n");
        Process p = new ProcessBuilder("sqlite3", "-bail", db.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write(script.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("sqlite3 could not add the users: " + output);
        }
    }

    /** A new profile in {@code dir} for the watcher, registering over UDP at the server, with every presentity. */
    static void watcherProfile(Path dir, KamailioServer kamailio, List<String> presentities) throws Exception {
        String aor = "sip:" + WATCHER + "@" + kamailio.domain();
        try (Profile p = Profiles.create(dir, PASSPHRASE.toCharArray())) {
            p.accounts().save(new AccountRecord(aor, WATCHER, WATCHER + "pw",
                    kamailio.host() + ":" + kamailio.udpPort(), "UDP", 3600, null, null));
            for (int i = 0; i < presentities.size(); i++) {
                String user = presentities.get(i);
                p.contacts().save(new ContactRecord(aor, "sip:" + user + "@" + kamailio.domain(),
                        "Presentity " + user.substring(1), "Team " + (i % 20)));
            }
        }
    }
}
