package org.parley.media.msrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.file.FileOutcome;
import org.parley.media.file.IncomingFile;

class MsrpSessionTest {
  private static final MsrpConfig FAST = MsrpConfig.DEFAULT.withIdleTimeout(Duration.ofMillis(400))
      .withResponseTimeout(Duration.ofSeconds(5));

  @TempDir
  Path tmp;

  private final List<String> closedReasons = new CopyOnWriteArrayList<>();
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final MessageReceiver recording = new MessageReceiver() {
    @Override
    public ChunkSink chunk(IncomingChunk chunk) {
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      return new ChunkSink() {
        @Override
        public void write(byte[] bytes, int offset, int length) {
          body.write(bytes, offset, length);
        }

        @Override
        public int end(Continuation flag) {
          bodies.add(body.toByteArray());
          return MsrpStatus.OK;
        }
      };
    }

    @Override
    public void closed(String reason) {
      closedReasons.add(reason);
    }
  };

  private MsrpListener listener;
  private MsrpUri local;
  private final MsrpUri peerUri = MsrpUri.local(false, "127.0.0.1", 2855);

  @AfterEach
  void closeListener() {
    if (listener != null) {
      listener.close();
    }
  }

  private CompletableFuture<MsrpSession> expect(MessageReceiver receiver, MsrpConfig config) throws IOException {
    listener = MsrpListener.open(InetAddress.getLoopbackAddress(), ServerSocketFactory.getDefault(), config);
    local = listener.newLocalUri("127.0.0.1");
    return listener.expect(local, peerUri, receiver);
  }

  /** A raw peer bound to an expected session with an empty SEND. */
  private RawPeer bound(MessageReceiver receiver, MsrpConfig config) throws Exception {
    CompletableFuture<MsrpSession> session = expect(receiver, config);
    RawPeer peer = RawPeer.connect(listener.port(), peerUri);
    peer.send(RawPeer.request("bind0001", "SEND", local, peerUri, "Message-ID: b1\r\n", null, '$'));
    assertThat(peer.next().status()).isEqualTo(200);
    session.get(5, TimeUnit.SECONDS);
    return peer;
  }

  @Test
  void activeSideBindsTheConnectionWithAnEmptySend() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      MsrpUri remote = MsrpUri.local(false, "127.0.0.1", server.getLocalPort());
      MsrpUri me = MsrpUri.local(false, "127.0.0.1", 2855);
      CompletableFuture<MsrpSession> connecting = CompletableFuture.supplyAsync(() -> {
        try {
          return MsrpSession.connect(me, remote, SocketFactory.getDefault(), recording, FAST);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      try (Socket accepted = server.accept()) {
        RawPeer peer = new RawPeer(accepted, remote);
        MsrpHead bind = peer.next();
        assertThat(bind.method()).isEqualTo("SEND");
        assertThat(bind.hasBody()).isFalse();
        assertThat(bind.toPath()).containsExactly(remote);
        assertThat(bind.fromPath()).containsExactly(me);
        assertThat(bind.header("Message-ID")).isPresent();
        peer.send("MSRP " + bind.transactionId() + " 200 OK\r\nTo-Path: " + me + "\r\nFrom-Path: " + remote
            + "\r\n-------" + bind.transactionId() + "$\r\n");
        MsrpSession session = connecting.get(5, TimeUnit.SECONDS);
        assertThat(session.isClosed()).isFalse();
        session.close();
      }
    }
  }

  @Test
  void activeSideFailsWhenThePeerAnswers481() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      MsrpUri remote = MsrpUri.local(false, "127.0.0.1", server.getLocalPort());
      MsrpUri me = MsrpUri.local(false, "127.0.0.1", 2855);
      CompletableFuture<Void> peerDone = CompletableFuture.runAsync(() -> {
        try (Socket accepted = server.accept()) {
          RawPeer peer = new RawPeer(accepted, remote);
          MsrpHead bind = peer.next();
          peer.send("MSRP " + bind.transactionId() + " 481 No\r\nTo-Path: " + me + "\r\nFrom-Path: " + remote
              + "\r\n-------" + bind.transactionId() + "$\r\n");
          peer.next();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      assertThatThrownBy(() -> MsrpSession.connect(me, remote, SocketFactory.getDefault(), recording, FAST))
          .isInstanceOf(IOException.class).hasMessageContaining("481");
      peerDone.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void listenerAnswers481AndClosesForAnUnknownSession() throws Exception {
    expect(recording, FAST);
    try (RawPeer peer = RawPeer.connect(listener.port(), peerUri)) {
      MsrpUri wrong = MsrpUri.local(false, "127.0.0.1", listener.port());
      peer.send(RawPeer.request("bind0001", "SEND", wrong, peerUri, "Message-ID: b1\r\n", null, '$'));
      assertThat(peer.next().status()).isEqualTo(481);
      assertThat(peer.next()).as("connection closed").isNull();
    }
  }

  @Test
  void listenerAnswers481WhenTheFromPathIsNotTheExpectedPeer() throws Exception {
    expect(recording, FAST);
    try (RawPeer peer = RawPeer.connect(listener.port(), peerUri)) {
      MsrpUri stranger = MsrpUri.local(false, "127.0.0.1", 2855);
      peer.send(RawPeer.request("bind0001", "SEND", local, stranger, "Message-ID: b1\r\n", null, '$'));
      assertThat(peer.next().status()).isEqualTo(481);
    }
  }

  @Test
  void aSecondConnectionForABoundSessionGets506() throws Exception {
    try (RawPeer first = bound(recording, FAST); RawPeer second = RawPeer.connect(listener.port(), peerUri)) {
      second.send(RawPeer.request("bind0002", "SEND", local, peerUri, "Message-ID: b2\r\n", null, '$'));
      assertThat(second.next().status()).isEqualTo(506);
    }
  }

  @Test
  void aSendForAnotherSessionOnABoundConnectionGets481AndTheSessionGoesOn() throws Exception {
    try (RawPeer peer = bound(recording, FAST)) {
      MsrpUri other = new MsrpUri(false, "", "127.0.0.1", local.port(), local.sessionId().toUpperCase(), "tcp", List.of());
      peer.send(RawPeer.request("t0000001", "SEND", other, peerUri, "Message-ID: m1\r\n", "hello", '$'));
      assertThat(peer.next().status()).isEqualTo(481);
      peer.send(RawPeer.request("t0000002", "SEND", local, peerUri, "Message-ID: m2\r\n", "hello", '$'));
      MsrpHead ok = peer.next();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.transactionId()).isEqualTo("t0000002");
      assertThat(ok.toPath()).containsExactly(peerUri);
      assertThat(ok.fromPath()).containsExactly(local);
      assertThat(bodies).singleElement().satisfies(b -> assertThat(new String(b)).isEqualTo("hello"));
    }
  }

  @Test
  void anUnknownMethodGets501() throws Exception {
    try (RawPeer peer = bound(recording, FAST)) {
      peer.send(RawPeer.request("t0000001", "NICKNAME", local, peerUri, "", null, '$'));
      assertThat(peer.next().status()).isEqualTo(501);
    }
  }

  @Test
  void failureReportNoSuppressesTheResponseAndPartialSuppressesOnly200() throws Exception {
    try (RawPeer peer = bound(recording, FAST)) {
      peer.send(RawPeer.request("t0000001", "SEND", local, peerUri, "Message-ID: m1\r\nFailure-Report: no\r\n", "a", '$'));
      peer.send(RawPeer.request("t0000002", "SEND", local, peerUri, "Message-ID: m2\r\nFailure-Report: partial\r\n", "b", '$'));
      peer.send(RawPeer.request("t0000003", "SEND", local, peerUri, "Failure-Report: partial\r\n", "c", '$'));
      peer.send(RawPeer.request("t0000004", "SEND", local, peerUri, "Message-ID: m4\r\n", "d", '$'));
      MsrpHead first = peer.next();
      assertThat(first.transactionId()).isEqualTo("t0000003");
      assertThat(first.status()).as("no Message-ID").isEqualTo(400);
      assertThat(peer.next().transactionId()).isEqualTo("t0000004");
    }
  }

  @Test
  void successReportYesGetsAReportCoveringTheMessage() throws Exception {
    try (RawPeer peer = bound(recording, FAST)) {
      peer.send(RawPeer.request("t0000001", "SEND", local, peerUri,
          "Message-ID: m1\r\nByte-Range: 1-3/6\r\nSuccess-Report: yes\r\n", "abc", '+'));
      assertThat(peer.next().status()).isEqualTo(200);
      peer.send(RawPeer.request("t0000002", "SEND", local, peerUri,
          "Message-ID: m1\r\nByte-Range: 4-6/6\r\nSuccess-Report: yes\r\n", "def", '$'));
      assertThat(peer.next().status()).isEqualTo(200);
      MsrpHead report = peer.next();
      assertThat(report.method()).isEqualTo("REPORT");
      assertThat(report.toPath()).containsExactly(peerUri);
      assertThat(report.header("Message-ID")).contains("m1");
      assertThat(report.header("Byte-Range")).contains("1-6/6");
      assertThat(report.header("Status")).contains("000 200 OK");
    }
  }

  @Test
  void aMalformedFrameClosesTheSessionWithAClearReasonOnce() throws Exception {
    CompletableFuture<MsrpSession> session = expect(recording, FAST);
    try (RawPeer peer = RawPeer.connect(listener.port(), peerUri)) {
      peer.send(RawPeer.request("bind0001", "SEND", local, peerUri, "Message-ID: b1\r\n", null, '$'));
      peer.next();
      peer.send("MSRP t0000001 SEND\r\nTo-Path: " + local + "\r\n-------t0000001$\r\n");
      MsrpSession s = session.get(5, TimeUnit.SECONDS);
      assertThat(s.whenClosed().get(5, TimeUnit.SECONDS)).isEqualTo("MSRP protocol error: missing From-Path");
      s.close();
      s.close();
      assertThat(closedReasons).containsExactly("MSRP protocol error: missing From-Path");
      assertThat(peer.next()).isNull();
    }
  }

  @Test
  void aPeerThatStopsMidChunkIsDetectedByTheIdleTimeoutAndThePartIsKept() throws Exception {
    CompletableFuture<FileOutcome> outcome = new CompletableFuture<>();
    IncomingFile file = IncomingFile.create(Files.createDirectories(tmp.resolve("d")), "x.bin", 100, new byte[32]);
    CompletableFuture<MsrpSession> session = expect(new FileReceiver(file, outcome::complete), FAST);
    try (RawPeer peer = RawPeer.connect(listener.port(), peerUri)) {
      peer.send("MSRP t0000001 SEND\r\nTo-Path: " + local + "\r\nFrom-Path: " + peerUri
          + "\r\nMessage-ID: m1\r\nByte-Range: 1-100/100\r\nContent-Type: a/b\r\n\r\n" + "x".repeat(40));
      MsrpSession s = session.get(5, TimeUnit.SECONDS);
      assertThat(s.whenClosed().get(5, TimeUnit.SECONDS)).isEqualTo("the peer stopped sending for 0 s");
      assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(new FileOutcome.Interrupted(file.partialPath(), 40));
    }
  }

  @Test
  void aPeerThatStopsBetweenChunksOfAnIncompleteMessageIsDetectedToo() throws Exception {
    CompletableFuture<MsrpSession> session = expect(recording, FAST);
    try (RawPeer peer = RawPeer.connect(listener.port(), peerUri)) {
      peer.send(RawPeer.request("t0000001", "SEND", local, peerUri, "Message-ID: m1\r\nByte-Range: 1-3/9\r\n", "abc", '+'));
      assertThat(peer.next().status()).isEqualTo(200);
      MsrpSession s = session.get(5, TimeUnit.SECONDS);
      assertThat(s.whenClosed().get(5, TimeUnit.SECONDS)).startsWith("the peer stopped sending");
    }
  }

  @Test
  void anIdleSessionBetweenMessagesStaysOpen() throws Exception {
    try (RawPeer peer = bound(recording, FAST)) {
      peer.socket.setSoTimeout(1500);
      assertThatThrownBy(peer::next).isInstanceOf(java.net.SocketTimeoutException.class);
      peer.send(RawPeer.request("t0000001", "SEND", local, peerUri, "Message-ID: m1\r\n", "late", '$'));
      peer.socket.setSoTimeout(5000);
      assertThat(peer.next().status()).isEqualTo(200);
    }
  }

  @Test
  void anEndLineForgedInsideTheBodyEndsTheChunkThereAndTheRestIsAProtocolError() throws Exception {
    byte[] hash = MsrpFileTransferTest.sha256("0123456789".getBytes());
    CompletableFuture<FileOutcome> outcome = new CompletableFuture<>();
    IncomingFile file = IncomingFile.create(Files.createDirectories(tmp.resolve("d")), "x.bin", 10, hash);
    CompletableFuture<MsrpSession> session = expect(new FileReceiver(file, outcome::complete), FAST);
    try (RawPeer peer = RawPeer.connect(listener.port(), peerUri)) {
      peer.send(RawPeer.request("t0000001", "SEND", local, peerUri, "Message-ID: m1\r\nByte-Range: 1-10/10\r\n",
          "0123\r\n-------t0000001$\r\n456789", '$'));
      assertThat(peer.next().status()).isEqualTo(400);
      assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(new FileOutcome.Short(10, 4));
      assertThat(session.get().whenClosed().get(5, TimeUnit.SECONDS)).startsWith("MSRP protocol error: not an MSRP start line");
    }
    assertThat(Files.list(tmp.resolve("d"))).isEmpty();
  }

  @Test
  void moreBytesThanTheByteRangeAnnouncedAreRefusedWith413() throws Exception {
    CompletableFuture<FileOutcome> outcome = new CompletableFuture<>();
    IncomingFile file = IncomingFile.create(Files.createDirectories(tmp.resolve("d")), "x.bin", 5, new byte[32]);
    expect(new FileReceiver(file, outcome::complete), FAST);
    try (RawPeer peer = RawPeer.connect(listener.port(), peerUri)) {
      peer.send(RawPeer.request("t0000001", "SEND", local, peerUri, "Message-ID: m1\r\nByte-Range: 1-5/5\r\n",
          "0123456789", '$'));
      assertThat(peer.next().status()).isEqualTo(413);
      assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(new FileOutcome.TooLong(5));
    }
    assertThat(Files.list(tmp.resolve("d"))).isEmpty();
  }

  @Test
  void aChunkOverTheSizeLimitClosesTheSession() throws Exception {
    MsrpConfig small = new MsrpConfig(1000, 4, Duration.ofSeconds(5), Duration.ofSeconds(5),
        new FrameLimits(16 * 1024, 32, 1000, 10240));
    CompletableFuture<MsrpSession> session = expect(recording, small);
    try (RawPeer peer = RawPeer.connect(listener.port(), peerUri)) {
      peer.send(RawPeer.request("t0000001", "SEND", local, peerUri, "Message-ID: m1\r\n", "z".repeat(5000), '$'));
      assertThat(session.get(5, TimeUnit.SECONDS).whenClosed().get(5, TimeUnit.SECONDS))
          .isEqualTo("MSRP protocol error: body of SEND larger than 1000 bytes");
    }
  }
}
