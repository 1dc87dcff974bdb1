package org.parley.media.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;

/**
 * Finds Java Sound mixers and opens 48 kHz 16-bit little-endian lines on them, mono when the mixer
 * offers it, otherwise stereo (converted by {@link PcmBytes}). Mixers that offer neither are not
 * listed. Every failure to open (missing mixer, busy device, no sound system) becomes a {@link
 * LineUnavailableException}.
 *
 * <p>Threading: stateless; any thread.
 */
final class JavaSoundLines {
  /** Line buffer: 80 ms, i.e. four frames. */
  static final int BUFFER_FRAMES = 4;

  private static final String DEFAULT_NAME = "default";

  private JavaSoundLines() {}

  /** An open (not started) line with the channel count it was opened with. */
  record Opened<L extends DataLine>(L line, int channels, String mixerName) {}

  static AudioFormat format(int channels) {
    return new AudioFormat(Pcm.SAMPLE_RATE, 16, channels, true, false);
  }

  static List<AudioDevice> devices(Class<? extends DataLine> lineClass) {
    List<AudioDevice> devices = new ArrayList<>();
    Mixer.Info[] infos;
    try {
      infos = AudioSystem.getMixerInfo();
    } catch (RuntimeException e) {
      return devices;
    }
    boolean defaultSeen = false;
    for (Mixer.Info info : infos) {
      Mixer mixer;
      try {
        mixer = AudioSystem.getMixer(info);
      } catch (RuntimeException e) {
        continue;
      }
      if (channelsFor(mixer, lineClass).isPresent()) {
        boolean isDefault = !defaultSeen && isDefaultName(info.getName());
        defaultSeen |= isDefault;
        devices.add(new AudioDevice(info.getName(), info.getDescription(), isDefault));
      }
    }
    if (!defaultSeen && !devices.isEmpty()) {
      AudioDevice first = devices.get(0);
      devices.set(0, new AudioDevice(first.id(), first.description(), true));
    }
    return List.copyOf(devices);
  }

  /**
   * Opens a line on the mixer named {@code mixerId}, or on the default mixer when empty.
   *
   * @throws LineUnavailableException when the mixer is missing or the line cannot be opened
   */
  static <L extends DataLine> Opened<L> open(Class<L> lineClass, Optional<String> mixerId)
      throws LineUnavailableException {
    try {
      Mixer mixer = mixerId.isPresent() ? findMixer(mixerId.get()) : defaultMixer(lineClass);
      int channels =
          channelsFor(mixer, lineClass)
              .orElseThrow(() -> new LineUnavailableException("no 48 kHz 16-bit line on " + name(mixer)));
      AudioFormat format = format(channels);
      L line = lineClass.cast(mixer.getLine(new DataLine.Info(lineClass, format)));
      int bufferBytes = PcmBytes.frameBytes(channels) * BUFFER_FRAMES;
      if (line instanceof javax.sound.sampled.TargetDataLine target) {
        target.open(format, bufferBytes);
      } else if (line instanceof javax.sound.sampled.SourceDataLine source) {
        source.open(format, bufferBytes);
      } else {
        throw new LineUnavailableException("unsupported line " + lineClass.getSimpleName());
      }
      return new Opened<>(line, channels, name(mixer));
    } catch (IllegalArgumentException | IllegalStateException | SecurityException e) {
      LineUnavailableException wrapped = new LineUnavailableException(String.valueOf(e.getMessage()));
      wrapped.initCause(e);
      throw wrapped;
    }
  }

  private static Mixer findMixer(String id) throws LineUnavailableException {
    for (Mixer.Info info : AudioSystem.getMixerInfo()) {
      if (info.getName().equals(id)) {
        return AudioSystem.getMixer(info);
      }
    }
    throw new LineUnavailableException("no audio device named '" + id + "'");
  }

  private static Mixer defaultMixer(Class<? extends DataLine> lineClass) throws LineUnavailableException {
    Mixer fallback = null;
    for (Mixer.Info info : AudioSystem.getMixerInfo()) {
      Mixer mixer = AudioSystem.getMixer(info);
      if (channelsFor(mixer, lineClass).isPresent()) {
        if (isDefaultName(info.getName())) {
          return mixer;
        }
        fallback = fallback == null ? mixer : fallback;
      }
    }
    if (fallback == null) {
      throw new LineUnavailableException("no audio device on this machine");
    }
    return fallback;
  }

  private static Optional<Integer> channelsFor(Mixer mixer, Class<? extends DataLine> lineClass) {
    for (int channels = 1; channels <= 2; channels++) {
      Line.Info wanted = new DataLine.Info(lineClass, format(channels));
      try {
        if (mixer.isLineSupported(wanted)) {
          return Optional.of(channels);
        }
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean isDefaultName(String name) {
    return name.equals(DEFAULT_NAME) || name.startsWith(DEFAULT_NAME + " [");
  }

  private static String name(Mixer mixer) {
    return mixer.getMixerInfo().getName();
  }
}
