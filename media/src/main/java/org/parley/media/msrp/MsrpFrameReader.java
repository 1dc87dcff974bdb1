package org.parley.media.msrp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MSRP frames (RFC 4975 §7, §9) from a stream with hard limits ({@link FrameLimits}). The
 * head is parsed into a {@link MsrpHead}; a body is then streamed to a {@link BodySink} while the
 * reader looks for {@code CRLF -------<transaction-id>} followed by the flag and CRLF, so a chunk is
 * never held in memory. Any violation is a {@link MsrpProtocolException}: after one, the stream is
 * unusable. Memory: one buffer of {@code max(maxHeadBytes, 64 KiB)} bytes, allocated here.
 *
 * <p>Threading: one reader thread; not thread-safe.
 */
public final class MsrpFrameReader {
  private static final String END_PREFIX = "-------";
  private static final int MIN_BUFFER = 64 * 1024;
  private static final int MAX_TRANSACTION_ID = 32;

  private final InputStream in;
  private final FrameLimits limits;
  private final byte[] buf;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private int pos;
  private int lim;
  private boolean inFrame;

  public MsrpFrameReader(InputStream in, FrameLimits limits) {
    this.in = in;
    this.limits = limits;
    this.buf = new byte[Math.max(limits.maxHeadBytes(), MIN_BUFFER) + 2 * MAX_TRANSACTION_ID];
  }

  /** True between the first byte of a frame and its end-line: a stall now is a stalled peer. */
  public boolean inFrame() {
    return inFrame;
  }

  /**
   * Reads the next frame's start line and header fields. For a frame without a body the end-line
   * is read too ({@link MsrpHead#bodilessEnd()}); otherwise call {@link #readBody} next.
   *
   * @return null when the stream ends cleanly between frames
   */
  public MsrpHead readHead() throws IOException {
    if (pos == lim && fill() < 0) {
      return null;
    }
    inFrame = true;
    int[] budget = {limits.maxHeadBytes()};
    String startLine = readLine(budget);
    if (!startLine.startsWith("MSRP ")) {
      throw new MsrpProtocolException("not an MSRP start line: " + printable(startLine));
    }
    int space = startLine.indexOf(' ', 5);
    if (space < 0) {
      throw new MsrpProtocolException("start line without method or status: " + printable(startLine));
    }
    String transactionId = startLine.substring(5, space);
    checkTransactionId(transactionId);
    String rest = startLine.substring(space + 1);
    String method = null;
    int status = 0;
    String comment = "";
    if (rest.length() >= 3 && isDigits(rest.substring(0, 3)) && (rest.length() == 3 || rest.charAt(3) == ' ')) {
      status = Integer.parseInt(rest.substring(0, 3));
      comment = rest.length() > 4 ? rest.substring(4) : "";
    } else if (!rest.isEmpty() && rest.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      method = rest;
    } else {
      throw new MsrpProtocolException("bad method or status: " + printable(rest));
    }
    List<MsrpHeader> headers = new ArrayList<>();
    List<MsrpUri> toPath = null;
    List<MsrpUri> fromPath = null;
    Continuation bodilessEnd;
    String endLine = END_PREFIX + transactionId;
    while (true) {
      String line = readLine(budget);
      if (line.isEmpty()) {
        bodilessEnd = null;
        break;
      }
      if (line.startsWith(END_PREFIX)) {
        if (line.length() != endLine.length() + 1 || !line.startsWith(endLine)
            || Continuation.of(line.charAt(line.length() - 1)) == null) {
          throw new MsrpProtocolException("end-line does not match transaction " + transactionId);
        }
        bodilessEnd = Continuation.of(line.charAt(line.length() - 1));
        break;
      }
      MsrpHeader header = parseHeader(line);
      if (header.name().equalsIgnoreCase(MsrpHeader.TO_PATH)) {
        toPath = once(toPath, header);
      } else if (header.name().equalsIgnoreCase(MsrpHeader.FROM_PATH)) {
        fromPath = once(fromPath, header);
      } else {
        headers.add(header);
      }
      if (headers.size() + 2 > limits.maxHeaders()) {
        throw new MsrpProtocolException("more than " + limits.maxHeaders() + " header fields");
      }
    }
    if (toPath == null || fromPath == null) {
      throw new MsrpProtocolException("missing " + (toPath == null ? "To-Path" : "From-Path"));
    }
    MsrpHead head = new MsrpHead(transactionId, method, status, comment, toPath, fromPath, headers,
        bodilessEnd);
    validate(head);
    if (bodilessEnd != null) {
      inFrame = false;
    }
    return head;
  }

  /**
   * Streams the body of {@code head} to {@code sink} and reads its end-line.
   *
   * @return the end-line's flag
   */
  public Continuation readBody(MsrpHead head, BodySink sink) throws IOException {
    long max = MsrpHead.SEND.equals(head.method()) ? limits.maxChunkBytes() : limits.maxOtherBodyBytes();
    byte[] delimiter = ("\r\n" + END_PREFIX + head.transactionId()).getBytes(StandardCharsets.US_ASCII);
    int endLength = delimiter.length + 3;
    long count = 0;
    while (true) {
      int found = indexOf(delimiter);
      int emitEnd = found >= 0 ? found : lim - possibleDelimiterStart(delimiter);
      int n = emitEnd - pos;
      if (n > 0) {
        count += n;
        if (count > max) {
          throw new MsrpProtocolException("body of " + head.method() + " larger than " + max + " bytes");
        }
        sink.write(buf, pos, n);
        pos = emitEnd;
      }
      if (found >= 0) {
        ensure(endLength);
        Continuation flag = Continuation.of(buf[pos + delimiter.length]);
        if (flag == null || buf[pos + delimiter.length + 1] != '\r' || buf[pos + delimiter.length + 2] != '\n') {
          throw new MsrpProtocolException("malformed end-line of transaction " + head.transactionId());
        }
        pos += endLength;
        inFrame = false;
        return flag;
      }
      compact();
      if (fill() < 0) {
        throw truncated();
      }
    }
  }

  private void validate(MsrpHead head) throws MsrpProtocolException {
    if (head.header(MsrpHeader.BYTE_RANGE).isPresent()) {
      head.byteRange();
    }
    if (head.isRequest() && head.hasBody() && head.header(MsrpHeader.CONTENT_TYPE).isEmpty()) {
      throw new MsrpProtocolException(head.method() + " with a body but no Content-Type");
    }
    if (!head.isRequest() && head.hasBody()) {
      throw new MsrpProtocolException("a response with a body");
    }
  }

  private static List<MsrpUri> once(List<MsrpUri> previous, MsrpHeader header) throws MsrpProtocolException {
    if (previous != null) {
      throw new MsrpProtocolException("duplicate " + header.name());
    }
    return MsrpUri.parsePath(header.value());
  }

  private static MsrpHeader parseHeader(String line) throws MsrpProtocolException {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new MsrpProtocolException("not a header field: " + printable(line));
    }
    String name = line.substring(0, colon);
    if (!Character.isLetter(name.charAt(0))
        || !name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
      throw new MsrpProtocolException("bad header name: " + printable(name));
    }
    String value = line.substring(colon + 1);
    return new MsrpHeader(name, value.startsWith(" ") ? value.substring(1) : value);
  }

  private String readLine(int[] budget) throws IOException {
    int scanned = 0;
    while (true) {
      for (int i = pos + scanned; i + 1 < lim; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n') {
          int length = i - pos;
          budget[0] -= length + 2;
          if (budget[0] < 0) {
            throw new MsrpProtocolException("frame head larger than " + limits.maxHeadBytes() + " bytes");
          }
          String line = decode(pos, length);
          pos = i + 2;
          return line;
        }
      }
      if (lim - pos + 2 > budget[0]) {
        throw new MsrpProtocolException("frame head larger than " + limits.maxHeadBytes() + " bytes");
      }
      scanned = Math.max(0, lim - 1 - pos);
      compact();
      if (fill() < 0) {
        throw truncated();
      }
    }
  }

  private String decode(int offset, int length) throws MsrpProtocolException {
    for (int i = offset; i < offset + length; i++) {
      int b = buf[i] & 0xff;
      if ((b < 0x20 && b != '\t') || b == 0x7f) {
        throw new MsrpProtocolException("control character 0x" + Integer.toHexString(b) + " in a header line");
      }
    }
    try {
      CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(buf, offset, length));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new MsrpProtocolException("header line is not UTF-8");
    }
  }

  private int indexOf(byte[] pattern) {
    int last = lim - pattern.length;
    outer:
    for (int i = pos; i <= last; i++) {
      if (buf[i] != pattern[0]) {
        continue;
      }
      for (int j = 1; j < pattern.length; j++) {
        if (buf[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Length of the longest tail of the buffered bytes that begins the delimiter (kept back). */
  private int possibleDelimiterStart(byte[] delimiter) {
    outer:
    for (int k = Math.min(delimiter.length - 1, lim - pos); k > 0; k--) {
      for (int j = 0; j < k; j++) {
        if (buf[lim - k + j] != delimiter[j]) {
          continue outer;
        }
      }
      return k;
    }
    return 0;
  }

  private void ensure(int bytes) throws IOException {
    if (lim - pos >= bytes) {
      return;
    }
    compact();
    while (lim - pos < bytes) {
      if (fill() < 0) {
        throw truncated();
      }
    }
  }

  private void compact() {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
  }

  private int fill() throws IOException {
    if (lim == buf.length) {
      compact();
      if (lim == buf.length) {
        throw new IllegalStateException("reader buffer full");
      }
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n > 0) {
      lim += n;
    }
    return n;
  }

  private MsrpProtocolException truncated() {
    return new MsrpProtocolException("connection closed inside a frame");
  }

  private static void checkTransactionId(String id) throws MsrpProtocolException {
    boolean ok = id.length() >= 4 && id.length() <= MAX_TRANSACTION_ID
        && Character.isLetterOrDigit(id.charAt(0)) && id.chars().allMatch(
            c -> c < 128 && (Character.isLetterOrDigit(c) || ".-+%=".indexOf(c) >= 0));
    if (!ok) {
      throw new MsrpProtocolException("bad transaction id: " + printable(id));
    }
  }

  private static boolean isDigits(String text) {
    return text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static String printable(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
