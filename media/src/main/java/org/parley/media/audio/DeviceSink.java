package org.parley.media.audio;

/** An {@link AudioSink} backed by a device that may change or vanish while it runs. */
public interface DeviceSink extends AudioSink {

  /** The device in use now; safe to call from any thread. */
  DeviceStatus status();
}
