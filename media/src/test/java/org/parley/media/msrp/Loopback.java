package org.parley.media.msrp;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

/** Test helper: two sessions in one JVM over a real loopback TCP or TLS connection. */
final class Loopback implements AutoCloseable {
  final MsrpListener listener;
  final MsrpSession active;
  final MsrpSession passive;

  private Loopback(MsrpListener listener, MsrpSession active, MsrpSession passive) {
    this.listener = listener;
    this.active = active;
    this.passive = passive;
  }

  static Loopback tcp(MessageReceiver activeReceiver, MessageReceiver passiveReceiver, MsrpConfig config)
      throws Exception {
    return open(ServerSocketFactory.getDefault(), SocketFactory.getDefault(), false, activeReceiver,
        passiveReceiver, config);
  }

  static Loopback tls(TestTls tls, MessageReceiver activeReceiver, MessageReceiver passiveReceiver,
      MsrpConfig config) throws Exception {
    return open(tls.server.getServerSocketFactory(), tls.client.getSocketFactory(), true, activeReceiver,
        passiveReceiver, config);
  }

  private static Loopback open(ServerSocketFactory servers, SocketFactory sockets, boolean secure,
      MessageReceiver activeReceiver, MessageReceiver passiveReceiver, MsrpConfig config) throws Exception {
    MsrpListener listener = MsrpListener.open(InetAddress.getLoopbackAddress(), servers, config);
    MsrpUri passiveUri = listener.newLocalUri("127.0.0.1");
    MsrpUri activeUri = MsrpUri.local(secure, "127.0.0.1", 2855);
    CompletableFuture<MsrpSession> passive = listener.expect(passiveUri, activeUri, passiveReceiver);
    MsrpSession active = MsrpSession.connect(activeUri, passiveUri, sockets, activeReceiver, config);
    return new Loopback(listener, active, passive.get(10, TimeUnit.SECONDS));
  }

  @Override
  public void close() {
    active.close();
    passive.close();
    listener.close();
  }
}
