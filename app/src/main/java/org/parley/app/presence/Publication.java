package org.parley.app.presence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.parley.app.SipAddress;

/**
 * What the user publishes about themself (RFC 3903 PUBLISH body): state, note, when it was set, under the
 * user's address of record, with tuple and person ids that stay the same across publications of one device so
 * that a presence server replaces rather than adds. A value; immutable and thread-safe.
 *
 * @param entity    the user's address of record
 * @param state     the chosen state; {@link PresenceState#UNKNOWN} cannot be published
 * @param note      the note, if any
 * @param timestamp when the state was set
 * @param contact   the contact URI put in the tuple ({@code <contact>}), if any
 * @param tupleId   the tuple id: an XML NCName, stable per device (see {@link #stableId})
 * @param personId  the person id: an XML NCName, stable per user
 */
public record Publication(SipAddress entity, PresenceState state, Optional<Note> note, Instant timestamp,
        Optional<String> contact, String tupleId, String personId) {
    public Publication {
        Objects.requireNonNull(entity);
        Objects.requireNonNull(state);
        if (state == PresenceState.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a state one can publish.");
        }
        note = Objects.requireNonNull(note).filter(n -> !n.isEmpty());
        Objects.requireNonNull(timestamp);
        Objects.requireNonNull(contact);
        requireId(tupleId);
        requireId(personId);
    }

    /**
     * A publication with ids derived from the address and a device name (say the profile's installation id):
     * the same inputs always give the same ids.
     */
    public static Publication of(SipAddress entity, String device, PresenceState state, Note note,
            Instant timestamp) {
        return new Publication(entity, state, Optional.ofNullable(note), timestamp, Optional.of(entity.toString()),
                stableId("t", entity.key() + "/" + device), stableId("p", entity.key()));
    }

    /** An id usable as XML {@code xs:ID}: {@code prefix} and 16 hex digits of SHA-256 of {@code seed}. */
    public static String stableId(String prefix, String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void requireId(String id) {
        Objects.requireNonNull(id);
        if (!id.matches("[A-Za-z_][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("Not an XML id: \"" + id + "\"");
        }
    }
}
