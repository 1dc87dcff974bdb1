package org.parley.media.codec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The codecs Parley can offer, in Parley's order of preference: opus, G722, PCMU, PCMA, then any
 * other codec in the order it registered.
 *
 * <p>Codecs register themselves ({@code codecs.register(OpusCodec.INSTANCE)}); the registry never
 * lists implementations itself except in {@link #standard()}. Thread-safe: registration replaces an
 * immutable snapshot, lookups read the current one without locking.
 */
public final class Codecs {
  private static final List<String> PREFERENCE = List.of("opus", "g722", "pcmu", "pcma");

  private volatile List<Codec> ordered = List.of();

  /** A registry holding every codec Parley implements. */
  public static Codecs standard() {
    Codecs codecs = new Codecs();
    codecs.register(OpusCodec.INSTANCE);
    codecs.register(G722Codec.INSTANCE);
    codecs.register(G711Codec.PCMU);
    codecs.register(G711Codec.PCMA);
    return codecs;
  }

  /**
   * Adds a codec. A codec with the same encoding name and clock rate as one already registered
   * replaces it.
   */
  public synchronized void register(Codec codec) {
    List<Codec> next = new ArrayList<>(ordered);
    next.removeIf(c -> sameFormat(c, codec.encodingName(), codec.clockRate()));
    next.add(codec);
    next.sort(Comparator.comparingInt(Codecs::rank)); // stable: unknown names keep their order
    ordered = List.copyOf(next);
  }

  /** The codec for an {@code a=rtpmap} encoding name (any case) and clock rate, if registered. */
  public Optional<Codec> find(String encodingName, int clockRate) {
    for (Codec c : ordered) {
      if (sameFormat(c, encodingName, clockRate)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The codec with a static RTP payload type (0 PCMU, 8 PCMA, 9 G722), if registered. */
  public Optional<Codec> findByStaticPayloadType(int payloadType) {
    if (payloadType < 0) {
      return Optional.empty();
    }
    return ordered.stream().filter(c -> c.staticPayloadType() == payloadType).findFirst();
  }

  /** All registered codecs, most preferred first. */
  public List<Codec> inPreferenceOrder() {
    return ordered;
  }

  private static boolean sameFormat(Codec c, String encodingName, int clockRate) {
    return c.clockRate() == clockRate && c.encodingName().equalsIgnoreCase(encodingName);
  }

  private static int rank(Codec c) {
    int i = PREFERENCE.indexOf(c.encodingName().toLowerCase(Locale.ROOT));
    return i < 0 ? PREFERENCE.size() : i;
  }
}
