package org.parley.media.codec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU per second of audio encoded and decoded, as a share of one core, for each codec (and for the
 * 48 kHz ↔ 8 kHz resampling a G.711 call adds). Not a test: a plain main.
 */
public final class CodecCpuBench {
  private static final int WARM_UP_SECONDS = 30;
  private static final int MEASURED_SECONDS = 120;

  private CodecCpuBench() {}

  public static void main(String[] args) {
    short[] voice = voice(48000 * 10);
    for (Codec codec : new Codec[] {OpusCodec.INSTANCE, G711Codec.PCMU, G711Codec.PCMA}) {
      run(codec, voice, WARM_UP_SECONDS);
      double share = run(codec, voice, MEASURED_SECONDS);
      System.out.printf("%-14s encode+decode: %.3f%% of one core%n", codec, 100 * share);
    }
    resample(voice, WARM_UP_SECONDS);
    System.out.printf("%-14s 48k->8k + 8k->48k: %.3f%% of one core%n", "resampling",
        100 * resample(voice, MEASURED_SECONDS));
  }

  /** @return CPU seconds per audio second */
  private static double run(Codec codec, short[] voice48k, int seconds) {
    AudioEncoder encoder = codec.newEncoder();
    AudioDecoder decoder = codec.newDecoder();
    int n = codec.samplesPerFrame();
    int step = 48000 / codec.sampleRate();
    short[] frame = new short[n];
    short[] out = new short[n];
    byte[] packet = new byte[1500];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    int frames = seconds * 50;
    int framesInVoice = voice48k.length / 960;
    for (int f = 0; f < frames; f++) {
      int base = (f % framesInVoice) * 960;
      for (int i = 0; i < n; i++) {
        frame[i] = voice48k[base + i * step];
      }
      int len = encoder.encode(frame, packet, 0);
      decoder.decode(packet, 0, len, out);
    }
    return (threads.getCurrentThreadCpuTime() - start) / 1e9 / seconds;
  }

  private static double resample(short[] voice48k, int seconds) {
    Resampler down = Resampler.between(48000, 8000);
    Resampler up = Resampler.between(8000, 48000);
    short[] narrow = new short[160];
    short[] wide = new short[960];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    int framesInVoice = voice48k.length / 960;
    for (int f = 0; f < seconds * 50; f++) {
      down.process(voice48k, (f % framesInVoice) * 960, 960, narrow, 0);
      up.process(narrow, 0, 160, wide, 0);
    }
    return (threads.getCurrentThreadCpuTime() - start) / 1e9 / seconds;
  }

  private static short[] voice(int samples) {
    short[] s = new short[samples];
    java.util.Random noise = new java.util.Random(1);
    double phase = 0;
    for (int i = 0; i < samples; i++) {
      phase += 2 * Math.PI * (150 + 60 * Math.sin(2 * Math.PI * 0.7 * i / 48000.0)) / 48000.0;
      double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 2.3 * i / 48000.0);
      s[i] = (short) Math.round(envelope * (7000 * Math.sin(phase) + 3500 * Math.sin(2 * phase + 0.3)
          + 1500 * Math.sin(3 * phase)) + 300 * noise.nextGaussian());
    }
    return s;
  }
}
