package org.parley.media.msrp;

import java.util.List;
import java.util.Optional;

/**
 * The start line and header fields of one MSRP frame (RFC 4975 §7). A request has a method and
 * status 0; a response has a status and a null method. Immutable.
 *
 * @param comment the response's reason phrase, empty for requests
 * @param toPath the To-Path URIs, in order
 * @param fromPath the From-Path URIs, in order
 * @param headers the other header fields in order (Content-Type last when a body follows)
 * @param bodilessEnd the end-line's flag when the frame has no body (already read); null when a
 *     body follows and must be read with {@link MsrpFrameReader#readBody}
 */
public record MsrpHead(String transactionId, String method, int status, String comment,
    List<MsrpUri> toPath, List<MsrpUri> fromPath, List<MsrpHeader> headers, Continuation bodilessEnd) {
  public static final String SEND = "SEND";
  public static final String REPORT = "REPORT";

  public MsrpHead {
    toPath = List.copyOf(toPath);
    fromPath = List.copyOf(fromPath);
    headers = List.copyOf(headers);
  }

  /** A request to be written; a body follows when {@code headers} include Content-Type. */
  public static MsrpHead request(String transactionId, String method, MsrpUri to, MsrpUri from,
      List<MsrpHeader> headers) {
    return new MsrpHead(transactionId, method, 0, "", List.of(to), List.of(from), headers, null);
  }

  /** A response to {@code request} from {@code responder} (RFC 4975 §7.2). */
  public static MsrpHead response(MsrpHead request, int status, MsrpUri responder) {
    return new MsrpHead(request.transactionId(), null, status, MsrpStatus.phrase(status),
        List.of(request.fromPath().get(0)), List.of(responder), List.of(), Continuation.COMPLETE);
  }

  public boolean isRequest() {
    return method != null;
  }

  public boolean hasBody() {
    return bodilessEnd == null;
  }

  /** The first header field of that name (case-insensitive). */
  public Optional<String> header(String name) {
    for (MsrpHeader header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return Optional.of(header.value());
      }
    }
    return Optional.empty();
  }

  /** The Byte-Range, or {@code 1-*}{@code /*} when absent (RFC 4975 §7.3.1). */
  public ByteRange byteRange() throws MsrpProtocolException {
    Optional<String> value = header(MsrpHeader.BYTE_RANGE);
    return value.isPresent() ? ByteRange.parse(value.get())
        : new ByteRange(1, ByteRange.UNKNOWN, ByteRange.UNKNOWN);
  }

  /** A report request header value: {@code yes}, {@code no} or {@code partial}, else the default. */
  public String report(String name, String whenAbsent) {
    return header(name).map(String::trim).orElse(whenAbsent);
  }
}
