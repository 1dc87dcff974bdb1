package org.parley.app.presence;

/**
 * What the user decided about someone who wants to watch their presence when Parley serves it itself
 * (peer-to-peer mode): allowed watchers see the state, blocked ones are refused. Someone without a decision is
 * asked about.
 */
public enum WatcherDecision {
    ALLOW,
    BLOCK
}
