package org.parley.media.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a file name offered by a peer into one safe file name. The offered name is never used as a
 * path: directory parts, traversal, control and format characters, characters that Windows forbids,
 * leading dots (hidden files), trailing dots and spaces and reserved device names are removed or
 * neutralised, and the result fits in 255 UTF-8 bytes with its extension kept.
 *
 * <p>Pure functions except {@link #collisionFree}, which looks at the directory. Thread-safe.
 */
public final class FileNames {
  /** The longest name most file systems accept, in bytes. */
  public static final int MAX_BYTES = 255;
  private static final int MAX_EXTENSION_BYTES = 32;
  private static final String FALLBACK = "file";
  private static final String WINDOWS_ILLEGAL = "<>:\"|?*";
  private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private FileNames() {
  }

  /** Returns a safe single file name for {@code offered}; never empty, never a path. */
  public static String sanitize(String offered) {
    String name = offered == null ? "" : Normalizer.normalize(offered, Normalizer.Form.NFC);
    name = lastSegment(name);
    name = cleanCharacters(name);
    name = trimDotsAndSpaces(name);
    if (name.isEmpty()) {
      return FALLBACK;
    }
    name = neutraliseReserved(name);
    return fit(name, MAX_BYTES);
  }

  /**
   * Returns {@code name} if nothing of that name exists in {@code directory} (links are not
   * followed), else the first free {@code base (n).ext}. The answer can be stale by the time it is
   * used: {@link IncomingFile} links the finished file without replacing, and asks again on a clash.
   */
  public static String collisionFree(Path directory, String name) {
    if (!Files.exists(directory.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
      return name;
    }
    int dot = extensionStart(name);
    String base = name.substring(0, dot);
    String extension = name.substring(dot);
    for (int n = 1; ; n++) {
      String suffix = " (" + n + ")" + extension;
      String candidate = fit(base, MAX_BYTES - utf8Length(suffix)) + suffix;
      if (!Files.exists(directory.resolve(candidate), LinkOption.NOFOLLOW_LINKS)) {
        return candidate;
      }
    }
  }

  private static String lastSegment(String name) {
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(cut + 1);
  }

  private static String cleanCharacters(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
          || !Character.isDefined(c) || Character.getType(c) == Character.SURROGATE) {
        return;
      }
      out.appendCodePoint(WINDOWS_ILLEGAL.indexOf(c) >= 0 ? '_' : c);
    });
    return out.toString();
  }

  private static String trimDotsAndSpaces(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && (name.charAt(start) == '.' || Character.isWhitespace(name.charAt(start)))) {
      start++;
    }
    while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
      end--;
    }
    return name.substring(start, end);
  }

  private static String neutraliseReserved(String name) {
    int dot = name.indexOf('.');
    String stem = (dot < 0 ? name : name.substring(0, dot)).trim().toUpperCase(Locale.ROOT);
    return RESERVED.contains(stem) ? "_" + name : name;
  }

  /** Cuts {@code name} to {@code maxBytes} UTF-8 bytes, shortening the base and keeping the extension. */
  static String fit(String name, int maxBytes) {
    if (utf8Length(name) <= maxBytes) {
      return name;
    }
    int dot = extensionStart(name);
    String extension = name.substring(dot);
    if (utf8Length(extension) > MAX_EXTENSION_BYTES) {
      extension = "";
      dot = name.length();
    }
    String base = cutToBytes(name.substring(0, dot), maxBytes - utf8Length(extension));
    String cut = trimDotsAndSpaces(base) + extension;
    return cut.isEmpty() || cut.startsWith(".") ? FALLBACK + cut : cut;
  }

  private static String cutToBytes(String text, int maxBytes) {
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int bytes = utf8Length(new String(Character.toChars(c)));
      if (used + bytes > maxBytes) {
        break;
      }
      out.appendCodePoint(c);
      used += bytes;
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /** Index of the extension's dot, or the length when there is no extension. */
  private static int extensionStart(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? dot : name.length();
  }

  static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
