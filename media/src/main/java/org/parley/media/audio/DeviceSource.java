package org.parley.media.audio;

/** An {@link AudioSource} backed by a device that may change or vanish while it runs. */
public interface DeviceSource extends AudioSource {

  /** The device in use now; safe to call from any thread. */
  DeviceStatus status();
}
