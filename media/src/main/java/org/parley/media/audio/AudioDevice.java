package org.parley.media.audio;

/**
 * One capture or playback device as the user picks it.
 *
 * @param id stable name to pass back to {@link AudioDevices} (for Java Sound: the mixer name)
 * @param description human-readable text from the driver
 * @param isDefault whether this is the system's default device for its direction
 */
public record AudioDevice(String id, String description, boolean isDefault) {}
