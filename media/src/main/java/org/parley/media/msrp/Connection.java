package org.parley.media.msrp;

import java.io.IOException;
import java.net.Socket;

/** A connected socket (TCP or TLS) with its frame reader and writer. */
record Connection(Socket socket, MsrpFrameReader reader, MsrpFrameWriter writer) {
  static Connection over(Socket socket, MsrpConfig config) throws IOException {
    socket.setTcpNoDelay(true);
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.idleTimeout().toMillis()));
    return new Connection(socket, new MsrpFrameReader(socket.getInputStream(), config.limits()),
        new MsrpFrameWriter(socket.getOutputStream()));
  }
}
