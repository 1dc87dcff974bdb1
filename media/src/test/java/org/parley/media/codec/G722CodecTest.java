package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.testsupport.AudioCompare;
import org.parley.media.testsupport.CodecReference;
import org.parley.media.testsupport.TestSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class G722CodecTest {
  private static final Logger LOG = LoggerFactory.getLogger(G722CodecTest.class);
  private static final int FRAME = 320;

  @TempDir
  Path dir;

  /** Encodes and decodes {@code input} (16 kHz) frame by frame with fresh codec instances. */
  static short[] roundTrip(short[] input) {
    AudioEncoder encoder = G722Codec.INSTANCE.newEncoder();
    AudioDecoder decoder = G722Codec.INSTANCE.newDecoder();
    short[] output = new short[input.length / FRAME * FRAME];
    short[] frame = new short[FRAME];
    short[] decoded = new short[FRAME];
    byte[] packet = new byte[FRAME / 2];
    for (int at = 0; at + FRAME <= input.length; at += FRAME) {
      System.arraycopy(input, at, frame, 0, FRAME);
      assertThat(encoder.encode(frame, packet, 0)).isEqualTo(FRAME / 2);
      assertThat(decoder.decode(packet, 0, packet.length, decoded)).isEqualTo(FRAME);
      System.arraycopy(decoded, 0, output, at, FRAME);
    }
    return output;
  }

  @Test
  void describesPayloadType9WithAn8000HzRtpClockFor16kHzAudio() {
    Codec codec = G722Codec.INSTANCE;
    assertThat(codec.encodingName()).isEqualTo("G722");
    assertThat(codec.staticPayloadType()).isEqualTo(9);
    assertThat(codec.clockRate()).isEqualTo(8000);
    assertThat(codec.sampleRate()).isEqualTo(16_000);
    assertThat(codec.samplesPerFrame()).isEqualTo(320);
    assertThat(codec.timestampsPerFrame()).isEqualTo(160);
    assertThat(codec.rtpChannels()).isEqualTo(1);
    assertThat(codec.fmtp()).isEmpty();
    assertThat(codec).hasToString("G722/8000");
  }

  @Test
  void theStandardRegistryFindsItByNameAndByPayloadType() {
    Codecs codecs = Codecs.standard();
    assertThat(codecs.find("g722", 8000)).contains(G722Codec.INSTANCE);
    assertThat(codecs.find("G722", 16000)).as("rtpmap says 8000, never 16000").isEmpty();
    assertThat(codecs.findByStaticPayloadType(9)).contains(G722Codec.INSTANCE);
  }

  @Test
  void wideBandSpeechComesBackWithCorrelationAbove095() throws Exception {
    Path raw = TestSignals.speech(dir.resolve("s.wav"),
        "Seven silver spoons were found beneath the old wooden table, said the wideband caller.");
    short[] speech = TestSignals.readRaw(TestSignals.soxResample(raw, dir.resolve("s16.wav"), 16_000));

    AudioCompare.Result result = AudioCompare.compare(speech, roundTrip(speech));

    LOG.info("G.722 speech round trip at 16 kHz: {}", result);
    assertThat(result.correlation()).isGreaterThanOrEqualTo(0.99);
    assertThat(result.snrDb()).isGreaterThan(20);
    assertThat(result.gain()).isBetween(0.9, 1.1);
    assertThat(result.lagSamples()).as("the two QMFs delay by 23 samples").isBetween(22, 24);
  }

  @Test
  void theCodecReferenceAt48kHzKeepsTelephoneBandSpeech() throws Exception {
    Path raw = TestSignals.speech(dir.resolve("t.wav"), "The quick brown fox jumps over the lazy dog.");
    short[] speech48k = TestSignals.readRaw(TestSignals.soxResample(raw, dir.resolve("t48.wav"), 48_000));

    AudioCompare.Result result =
        AudioCompare.compare(speech48k, CodecReference.through(G722Codec.INSTANCE, speech48k));

    LOG.info("G.722 through the pipeline's resamplers at 48 kHz: {}", result);
    assertThat(result.correlation()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void aOneKilohertzSineKeepsItsFrequencyAndLevel() {
    short[] sine = Signals.sine(1000, 16_000, 16_000, 12_000);

    short[] out = roundTrip(sine);

    int from = 3200; // after 200 ms of adaptation
    int n = 9600;
    int lag = Signals.bestLag(sine, out, from, n, 15); // within one period: the sine repeats
    double levelDb = 20 * Math.log10(Signals.rms(out, from + lag, n) / Signals.rms(sine, from, n));
    assertThat(levelDb).isBetween(-0.5, 0.5);
    assertThat(zeroCrossings(out, from + lag, n) / 2.0 / (n / 16_000.0)).isCloseTo(1000, within(5));
    assertThat(Signals.snrDb(sine, from, out, from + lag, n)).isGreaterThan(30);
  }

  @Test
  void silenceStaysQuiet() {
    short[] out = roundTrip(new short[16_000]);
    for (short s : out) {
      assertThat(Math.abs(s)).isLessThanOrEqualTo(4);
    }
  }

  @Test
  void quietNoiseStaysQuiet() {
    java.util.Random random = new java.util.Random(7);
    short[] hiss = new short[16_000];
    for (int i = 0; i < hiss.length; i++) {
      hiss[i] = (short) Math.round(random.nextGaussian() * 20);
    }
    assertThat(Signals.rms(roundTrip(hiss), 1600, 14_000)).isLessThan(40);
  }

  @Test
  void aFullScaleSquareWaveDoesNotWrapAround() {
    short[] square = new short[16_000];
    for (int i = 0; i < square.length; i++) {
      square[i] = (i / 40) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
    }
    short[] out = roundTrip(square);
    int lag = Signals.bestLag(square, out, 3200, 9600, 40);
    assertThat(Signals.correlation(square, 3200, out, 3200 + lag, 9600)).isGreaterThan(0.9);
  }

  @Test
  void theEncoderOnlyUsesTheSixtyLowerBandCodesOfTheRecommendation() {
    Set<Integer> codes = new HashSet<>();
    for (int m = 1; m <= 30; m++) {
      codes.add(G722LowerBand.positiveCode(m));
      codes.add(G722LowerBand.negativeCode(m));
    }
    assertThat(codes).hasSize(60).allMatch(c -> c >= 4 && c <= 63);
  }

  @Test
  void eachOctetCarriesTheHigherBandInItsTopTwoBits() {
    AudioEncoder encoder = G722Codec.INSTANCE.newEncoder();
    byte[] packet = new byte[160];
    encoder.encode(new short[FRAME], packet, 0);
    // silence at the smallest scale factor: every lower decision level below m = 4 rounds to 0, so
    // the lower band first sends m = 4, positive (58); the higher band "small positive" (3)
    assertThat(packet[0] & 0xFF).isEqualTo(3 << 6 | 58);
  }

  @Test
  void encodingDecodingAndConcealingDoNotAllocate() {
    AudioEncoder encoder = G722Codec.INSTANCE.newEncoder();
    AudioDecoder decoder = G722Codec.INSTANCE.newDecoder();
    short[] frame = Signals.sine(440, 16_000, FRAME, 8000);
    short[] decoded = new short[FRAME];
    byte[] packet = new byte[172];
    Runnable round = () -> {
      for (int i = 0; i < 500; i++) {
        encoder.encode(frame, packet, 12);
        decoder.decode(packet, 12, 160, decoded);
        if (i % 10 == 0) {
          decoder.conceal(decoded);
        }
      }
    };
    for (int warm = 0; warm < 20; warm++) {
      round.run(); // until the JIT has compiled the loop (compilation may allocate on this thread)
    }
    assertThat(Signals.allocatedBytes(round)).isZero();
  }

  @Test
  void aLostFrameIsFilledWithTheContinuedWaveform() {
    AudioEncoder encoder = G722Codec.INSTANCE.newEncoder();
    AudioDecoder decoder = G722Codec.INSTANCE.newDecoder();
    short[] sine = Signals.sine(250, 16_000, 16_000, 8000);
    short[] frame = new short[FRAME];
    short[] decoded = new short[FRAME];
    byte[] packet = new byte[160];
    for (int at = 0; at < 10 * FRAME; at += FRAME) {
      System.arraycopy(sine, at, frame, 0, FRAME);
      decoder.decode(packet, 0, encoder.encode(frame, packet, 0), decoded);
    }

    assertThat(decoder.conceal(decoded)).isEqualTo(FRAME);

    assertThat(Signals.rms(decoded, 0, FRAME)).isGreaterThan(0.5 * Signals.rms(sine, 0, 3200));
  }

  @Test
  void aPayloadLongerThanTheBufferIsRefused() {
    AudioDecoder decoder = G722Codec.INSTANCE.newDecoder();
    assertThatThrownBy(() -> decoder.decode(new byte[200], 0, 200, new short[320]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodesPacketsOfOtherDurations() {
    AudioDecoder decoder = G722Codec.INSTANCE.newDecoder();
    assertThat(decoder.decode(new byte[80], 0, 80, new short[320])).isEqualTo(160);
  }

  private static org.assertj.core.data.Offset<Double> within(double v) {
    return org.assertj.core.data.Offset.offset(v);
  }

  private static int zeroCrossings(short[] s, int from, int n) {
    int count = 0;
    for (int i = from + 1; i < from + n; i++) {
      if ((s[i - 1] < 0) != (s[i] < 0)) {
        count++;
      }
    }
    return count;
  }
}
