package org.parley.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/**
 * The CLI run against one real encrypted profile in a test's home folder: the passphrase in {@code PP}, the SIP
 * password in {@code PARLEY_PASSWORD}, every call with {@code --data-dir} and {@code --passphrase-env}.
 */
final class CliProfile {
    static final String SECRET = "correct horse battery staple";

    final CliHarness cli;
    final Path dataDir;

    CliProfile(Path home) {
        cli = new CliHarness(home, ProfileFactory.storage());
        cli.env.put("PP", SECRET);
        cli.env.put("PARLEY_PASSWORD", "pw");
        dataDir = home.resolve("parley-data");
    }

    CliHarness.Result parley(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        all[2] = "--passphrase-env";
        all[3] = "PP";
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.run(all);
    }

    List<ContactRecord> contacts(String account) throws Exception {
        try (Profile profile = Profiles.open(dataDir, SECRET.toCharArray())) {
            return profile.contacts().list(account);
        }
    }
}
