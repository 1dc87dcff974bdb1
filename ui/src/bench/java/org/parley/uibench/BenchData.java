package org.parley.uibench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.DeliveryState;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/**
 * The profiles the UI benchmark opens, made once and kept under the bench folder: "contacts" (500 contacts in
 * 10 groups, 10,000 messages spread over them) and "big" (one conversation of 100,000 messages, one of 10). The account
 * points at a closed loopback port, so the core runs but never registers.
 */
final class BenchData {
    static final String PASSPHRASE = "ui benchmark passphrase";
    static final String ACCOUNT = "sip:alice@127.0.0.1";
    static final int CONTACTS = 500;
    static final int MESSAGES = 10_000;
    static final int BIG = 100_000;
    private static final String[] WORDS = ("the quick brown fox jumps over a lazy dog while release notes and "
            + "meeting agenda mention budget review lunch travel plans coffee deploy staging server").split(" ");

    private BenchData() {
    }

    static String contact(int i) {
        return "sip:user" + i + "@example.com";
    }

    static Path contactsProfile(Path root) throws Exception {
        Path dir = root.resolve("contacts-profile");
        if (Profiles.exists(dir)) {
            return dir;
        }
        try (Profile p = Profiles.create(dir, PASSPHRASE.toCharArray())) {
            account(p);
            for (int i = 0; i < CONTACTS; i++) {
                p.contacts().save(new ContactRecord(ACCOUNT, contact(i), "Colleague " + i, "Team " + (i % 10)));
            }
            fill(p, MESSAGES, i -> contact(i % CONTACTS));
        }
        return dir;
    }

    static Path bigProfile(Path root) throws Exception {
        Path dir = root.resolve("big-profile");
        if (Profiles.exists(dir)) {
            return dir;
        }
        try (Profile p = Profiles.create(dir, PASSPHRASE.toCharArray())) {
            account(p);
            p.contacts().save(new ContactRecord(ACCOUNT, contact(0), "Long Talker", "Team 0"));
            p.contacts().save(new ContactRecord(ACCOUNT, contact(1), "Short Talker", "Team 0"));
            fill(p, BIG, i -> contact(0));
            fill(p, 10, i -> contact(1));
        }
        return dir;
    }

    private static void account(Profile p) throws Exception {
        p.accounts().save(new AccountRecord(ACCOUNT, "alice", "pw", "127.0.0.1:9", "UDP", 600, null, null));
    }

    private static void fill(Profile p, int count, java.util.function.IntFunction<String> peerOf) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String peer = peerOf.apply(i);
            String text = text(i);
            if (i % 2 == 0) {
                pending.add(p.history().appendIncoming(ACCOUNT, peer, text, "in-" + peer + "-" + i));
            } else {
                long n = i;
                pending.add(p.history().appendOutgoing(ACCOUNT, peer, text, "out-" + peer + "-" + n + "@parley")
                        .thenCompose(r -> p.history().updateState(r.id(), DeliveryState.SENT, null).thenApply(x -> r)));
            }
            if (pending.size() >= 5_000) {
                pending.forEach(CompletableFuture::join);
                pending.clear();
            }
        }
        pending.forEach(CompletableFuture::join);
    }

    private static String text(int i) {
        StringBuilder b = new StringBuilder();
        int words = 3 + (i * 7919) % 18;
        for (int w = 0; w < words; w++) {
            b.append(w == 0 ? "" : " ").append(WORDS[(i * 31 + w * 17) % WORDS.length]);
        }
        return b.toString();
    }

    static void deleteIfStale(Path root, String version) throws Exception {
        Path marker = root.resolve("data-version");
        if (Files.exists(marker) && Files.readString(marker).equals(version)) {
            return;
        }
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(root);
        Files.writeString(marker, version);
    }
}
