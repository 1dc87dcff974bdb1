package org.parley.media.audio;

import java.util.List;
import java.util.Optional;

/**
 * The machine's microphones and speakers.
 *
 * <p>Threading: any thread; listing may take a few milliseconds (it asks the driver each time, so it
 * reflects devices plugged in or removed since the last call). Opening never throws for a missing
 * device: it falls back to the default, and with no device at all it returns a source that delivers
 * silence (or a sink that discards) in real time and keeps trying the default; {@link
 * DeviceSource#status()} says which case applies.
 */
public interface AudioDevices {

  /** Capture devices that can deliver {@link Pcm}'s format (directly or converted). */
  List<AudioDevice> microphones();

  /** Playback devices that can take {@link Pcm}'s format (directly or converted). */
  List<AudioDevice> speakers();

  /** Opens a microphone; {@code deviceId} empty means the system default. The caller owns it. */
  DeviceSource openMicrophone(Optional<String> deviceId);

  /** Opens a speaker (or ringing device); empty means the system default. The caller owns it. */
  DeviceSink openSpeaker(Optional<String> deviceId);
}
