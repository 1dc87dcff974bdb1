package org.parley.app.presence;

import java.util.List;

/**
 * A watcher-info document (RFC 3858): the watchers of one presentity. {@code full} replaces what was known;
 * a partial one changes only the watchers it lists ({@code version} orders them). A value.
 */
public record WatcherInfo(long version, boolean full, List<Watcher> watchers) {
    public WatcherInfo {
        watchers = List.copyOf(watchers);
    }
}
