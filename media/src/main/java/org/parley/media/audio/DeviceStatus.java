package org.parley.media.audio;

import java.util.Optional;

/**
 * Which device a source or sink is using right now, and why. A value, not an exception: a missing
 * device is an expected outcome that the UI shows ("microphone X is gone, using the default").
 *
 * @param kind how the device in use relates to the one requested
 * @param requested the device id asked for; empty means the system default
 * @param inUse the device id actually open; empty while no device is open
 * @param detail one line for a log or status bar
 */
public record DeviceStatus(Kind kind, Optional<String> requested, Optional<String> inUse, String detail) {

  /** How the device in use relates to the one requested. */
  public enum Kind {
    /** The requested device (or the default, when the default was requested) is open. */
    REQUESTED,
    /** The requested device is missing or failed; the system default is open instead. */
    DEFAULT_FALLBACK,
    /** No device could be opened: a source delivers silence, a sink discards, both in real time. */
    NO_DEVICE
  }
}
