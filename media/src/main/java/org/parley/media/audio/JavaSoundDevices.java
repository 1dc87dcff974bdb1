package org.parley.media.audio;

import java.util.List;
import java.util.Optional;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * {@link AudioDevices} through {@code javax.sound.sampled}. On Linux, Java Sound sees ALSA devices;
 * with PulseAudio or PipeWire running, the ALSA {@code default} device reaches it, and the device
 * chosen in the desktop's sound settings is what {@code default} plays to and records from.
 *
 * <p>Threading: stateless; any thread.
 */
public final class JavaSoundDevices implements AudioDevices {

  @Override
  public List<AudioDevice> microphones() {
    return JavaSoundLines.devices(TargetDataLine.class);
  }

  @Override
  public List<AudioDevice> speakers() {
    return JavaSoundLines.devices(SourceDataLine.class);
  }

  @Override
  public DeviceSource openMicrophone(Optional<String> deviceId) {
    return new JavaSoundSource(deviceId);
  }

  @Override
  public DeviceSink openSpeaker(Optional<String> deviceId) {
    return new JavaSoundSink(deviceId);
  }
}
