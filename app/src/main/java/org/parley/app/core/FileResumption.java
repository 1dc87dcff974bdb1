package org.parley.app.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.parley.app.SipAddress;
import org.parley.app.sdp.FileDescription;
import org.parley.app.sdp.FileHash;
import org.parley.app.sdp.FileRange;

/**
 * What resuming a broken transfer needs (RFC 5547 §8): the receiver keeps the part it has and later offers to
 * receive the rest (a {@code recvonly} offer with {@code a=file-range}); the sender remembers which files it offered
 * to whom, so it can answer such a pull without asking its user again. Both live for the core's run only: after a
 * restart the part stays on disk (hidden, owner-only) but is not offered again.
 *
 * <p>Threading: core thread only.
 */
final class FileResumption {
    private static final int REMEMBERED = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A file we offered: found again by the peer's pull (same account, peer, hash and size). */
    record Offered(String account, String peer, Path file, FileDescription description, String transferId) {
    }

    /** A part we received before the connection broke. */
    record Kept(String account, SipAddress peer, FileDescription description, Path partial, String safeName) {
        Path directory() {
            return partial.getParent();
        }
    }

    private final Map<String, Offered> offered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Offered> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Map<String, Kept> kept = new HashMap<>();

    void offered(Offered file) {
        file.description().selector().hash().ifPresent(h -> offered.put(key(file.account(), file.peer(), h), file));
    }

    /** The file a pull asks for, if we offered it to that peer and it is unchanged in size. */
    Optional<Offered> find(String account, String peer, FileDescription asked) {
        Optional<FileHash> hash = asked.selector().hash();
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        Offered o = offered.get(key(account, peer, hash.get()));
        try {
            if (o == null || !Files.isRegularFile(o.file())
                    || Files.size(o.file()) != o.description().selector().size().orElse(-1)) {
                return Optional.empty();
            }
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        return Optional.of(o);
    }

    void keep(String transferId, Kept part) {
        kept.put(transferId, part);
    }

    Optional<Kept> take(String transferId) {
        return Optional.ofNullable(kept.remove(transferId));
    }

    /** The description for the rest of a file: same selector, a new transfer id, the range from {@code received}. */
    static FileDescription rest(FileDescription whole, long received) {
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        return new FileDescription(whole.selector(), Base64.getUrlEncoder().withoutPadding().encodeToString(id),
                whole.disposition(), whole.modified(),
                Optional.of(FileRange.from(received, whole.selector().size().orElseThrow())));
    }

    private static String key(String account, String peer, FileHash hash) {
        return account + "\n" + peer + "\n" + hash.hex();
    }
}
