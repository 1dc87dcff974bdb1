package org.parley.app.presence;

import java.util.Locale;
import java.util.Objects;

/**
 * PIDF with RPID as the presence format: {@link PidfReader} then {@link PresenceAggregation} one way,
 * {@link PidfWriter} the other. Pure and thread-safe; one instance can serve every subscription.
 */
public final class Pidf implements PresenceDecoding, PresenceEncoding {
    private final PidfReader reader;
    private final PidfWriter writer = new PidfWriter();
    private final Locale preferred;

    /**
     * @param limits    bounds on received bodies
     * @param preferred the user's language, to choose among notes in several languages
     */
    public Pidf(PidfLimits limits, Locale preferred) {
        this.reader = new PidfReader(limits);
        this.preferred = Objects.requireNonNull(preferred);
    }

    /** Default limits, the JVM's default locale. */
    public Pidf() {
        this(PidfLimits.DEFAULT, Locale.getDefault());
    }

    @Override
    public Presence decode(String entity, byte[] body) throws PresenceDocumentException {
        return PresenceAggregation.aggregate(entity, reader.read(body), preferred);
    }

    @Override
    public String contentType() {
        return PidfWriter.CONTENT_TYPE;
    }

    @Override
    public byte[] encode(Publication publication) {
        return writer.write(publication);
    }
}
