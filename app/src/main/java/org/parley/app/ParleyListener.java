package org.parley.app;

/** Receives core events, on the executor it was registered with. */
@FunctionalInterface
public interface ParleyListener {
    void onEvent(ParleyEvent event);
}
