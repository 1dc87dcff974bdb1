package org.parley.ui;

import org.parley.app.Parley;
import org.parley.storage.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unlocked profile and the core running over it. {@link #close()} follows docs/CONCURRENCY.md: the core
 * first (un-REGISTER, bounded to a few seconds), then the profile (drains queued writes). It blocks, so the
 * app calls it off the FX thread. Idempotent and thread-safe.
 */
final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private final Profile profile;
    private Parley parley;
    private boolean closed;

    Session(Profile profile) {
        this.profile = profile;
    }

    synchronized void attach(Parley core) {
        this.parley = core;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (parley != null) {
            try {
                parley.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the core failed", e);
            }
        }
        try {
            profile.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the profile failed", e);
        }
        LOG.info("session closed");
    }
}
