package org.parley.media.msrp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Test helper: a hand-driven MSRP peer on a plain socket that writes raw bytes and reads frames. */
final class RawPeer implements AutoCloseable {
  final Socket socket;
  final MsrpFrameReader reader;
  final OutputStream out;
  final MsrpUri uri;

  RawPeer(Socket socket, MsrpUri uri) throws IOException {
    this.socket = socket;
    this.uri = uri;
    socket.setSoTimeout(10_000);
    this.reader = new MsrpFrameReader(socket.getInputStream(), FrameLimits.DEFAULT);
    this.out = socket.getOutputStream();
  }

  static RawPeer connect(int port, MsrpUri uri) throws IOException {
    return new RawPeer(new Socket(InetAddress.getLoopbackAddress(), port), uri);
  }

  void send(String wire) throws IOException {
    out.write(wire.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** A request from this peer to {@code to}; {@code body} null for none. */
  static String request(String tid, String method, MsrpUri to, MsrpUri from, String headers, String body,
      char flag) {
    String head = "MSRP " + tid + " " + method + "\r\nTo-Path: " + to + "\r\nFrom-Path: " + from + "\r\n" + headers;
    return body == null ? head + "-------" + tid + flag + "\r\n"
        : head + "Content-Type: application/octet-stream\r\n\r\n" + body + "\r\n-------" + tid + flag + "\r\n";
  }

  /** The next frame head (bodies are discarded). */
  MsrpHead next() throws IOException {
    MsrpHead head = reader.readHead();
    if (head != null && head.hasBody()) {
      reader.readBody(head, BodySink.DISCARD);
    }
    return head;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
