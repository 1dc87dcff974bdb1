package org.parley.app.sip.presence;

/** A SIP event package Parley subscribes to, with the body type it accepts. */
public record EventPackage(String event, String acceptType, String acceptSubtype) {
    /** Contacts' presence (RFC 3856), PIDF bodies. */
    public static final EventPackage PRESENCE = new EventPackage("presence", "application", "pidf+xml");
    /** Who watches our own presence (RFC 3857), watcher-info bodies (RFC 3858). */
    public static final EventPackage WATCHER_INFO = new EventPackage("presence.winfo", "application",
            "watcherinfo+xml");
}
